import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/components/session-when";
import type { SessionAttendee } from "~/lib/documents/bookings";
import type { Locale } from "~/locales/shape";

/** The trainer's / manager's attendance list: one pair of radio-like buttons per confirmed booking. */
export function SessionAttendance({
  bookings,
  summary,
  started,
  opensAt,
}: {
  bookings: SessionAttendee[];
  summary: { attended: number; noShow: number; unmarked: number };
  started: boolean;
  /** The session's start: marking opens then. */
  opensAt: string;
}) {
  const { t, i18n } = useTranslation();
  const confirmed = bookings.filter((booking) => booking.status === "CONFIRMED");
  return (
    <section className="session-attendance" id="attendance" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t("booking.attendanceTitle")}</h2>
      <p>{started ? t("booking.attendanceIntro") : t("booking.attendanceOpens", { when: formatDateTime(opensAt, i18n.language as Locale) })}</p>
      <p aria-live="polite">{t("booking.attendanceSummary", summary)}</p>
      {confirmed.length === 0 ? <p>{t("booking.noBookings")}</p> : null}
      <ul className="attendance-list">
        {confirmed.map((booking) => (
          <li key={booking.id}>
            <Form method="post" preventScrollReset className="attendance-row" aria-label={t("booking.markFor", { name: booking.user.name })}>
              <span className="attendance-row__name">{booking.user.name}</span>
              <input type="hidden" name="bookingId" value={booking.id} />
              <button
                type="submit"
                name="attendance"
                value="ATTENDED"
                className="button button--small button--secondary"
                aria-pressed={booking.attendance === "ATTENDED"}
                disabled={!started}
              >
                {t("booking.markAttended")}
              </button>
              <button
                type="submit"
                name="attendance"
                value="NO_SHOW"
                className="button button--small button--secondary"
                aria-pressed={booking.attendance === "NO_SHOW"}
                disabled={!started}
              >
                {t("booking.markNoShow")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
