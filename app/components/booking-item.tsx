import { Form, useLocation } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { CancelBookingButton } from "~/components/booking-form";
import { SessionItemHead } from "~/components/session-when";
import { bookingIcsPath, type MyBooking } from "~/lib/documents/bookings";

/** One of the viewer's bookings: the session, the booking's state, the .ics link and cancel. */
export function BookingItem({ booking, past }: { booking: MyBooking; past: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const titleId = useId();
  const { session } = booking;
  const state =
    past
      ? booking.attendance === "ATTENDED"
        ? t("booking.attended")
        : booking.attendance === "NO_SHOW"
          ? t("booking.noShow")
          : t("booking.notMarked")
      : booking.status === "CONFIRMED"
        ? t("booking.youConfirmed")
        : t("booking.youWaitlisted", { position: booking.waitlistPosition ?? "?" });
  return (
    <article className="booking-item" aria-labelledby={titleId} data-testid="booking-item">
      <SessionItemHead session={session} titleId={titleId} />
      <p className={`booking-item__state booking-item__state--${booking.status.toLowerCase()}`}>
        {session.status === "CANCELLED" ? t("booking.statusCancelled") : state}
      </p>
      {past ? null : (
        <div className="booking-item__actions">
          {/* A waitlist place is not a date in the diary yet. */}
          {booking.status === "CONFIRMED" && session.status !== "CANCELLED" ? (
            <a className="button button--secondary" href={bookingIcsPath(booking.id)} download>
              {t("booking.downloadIcs")}
              <span className="visually-hidden">: {t("booking.downloadIcsTopic", { title: session.topic.title })}</span>
            </a>
          ) : null}
          <Form method="post" action="/sessions?index">
            <input type="hidden" name="bookingId" value={booking.id} />
            <input type="hidden" name="sessionId" value={session.id} />
            <input type="hidden" name="redirectTo" value={location.pathname} />
            <CancelBookingButton waitlisted={booking.status === "WAITLISTED"} title={session.topic.title} className="button button--quiet" />
          </Form>
        </div>
      )}
    </article>
  );
}
