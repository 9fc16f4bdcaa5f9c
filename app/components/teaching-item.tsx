import { Link } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { SessionItemHead } from "~/components/session-when";
import { sessionPath, type TeachingSession } from "~/lib/documents/bookings";

/**
 * One session the trainer teaches: when, where, who is booked; once it has taken place, how much of
 * the attendance is marked, with the way to mark the rest (the session's page).
 */
export function TeachingItem({ session, past }: { session: TeachingSession; past: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { attended, noShow, unmarked } = session.attendance;
  return (
    <article className="booking-item teaching-item" aria-labelledby={titleId} data-testid="teaching-item">
      <SessionItemHead session={session} titleId={titleId} />
      {past ? (
        <p className={`booking-item__state${unmarked > 0 ? " teaching-item__todo" : ""}`}>
          {unmarked > 0
            ? t("teaching.unmarked", { count: unmarked, attended, noShow })
            : t("teaching.allMarked", { attended, noShow })}
        </p>
      ) : (
        <p className="booking-item__state">{t("teaching.booked", { count: session.seatsTaken, capacity: session.capacity, waitlisted: session.waitlisted })}</p>
      )}
      {past && unmarked > 0 ? (
        <p>
          <Link className="button button--primary" to={`${sessionPath(session.id)}#attendance`}>
            {t("teaching.mark")}
            <span className="visually-hidden"> — {session.topic.title}</span>
          </Link>
        </p>
      ) : null}
    </article>
  );
}
