import { Form, useLocation, useNavigation } from "@remix-run/react";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SessionSummary } from "~/lib/documents/bookings";

/**
 * Book / join the waitlist / cancel: a plain form posting to /sessions (works without JavaScript),
 * which comes back to this page with a notice.
 */
export function BookingForm({ session }: { session: Pick<SessionSummary, "id" | "topic" | "seatsLeft" | "status" | "viewerBooking" | "viewerTeaches"> }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("sessionId") === session.id;
  const booking = session.viewerBooking;
  if (session.status === "CANCELLED") return <p className="booking-form__note">{t("booking.statusCancelled")}</p>;
  if (session.viewerTeaches) return <p className="booking-form__note" data-testid="you-teach">{t("booking.youTeach")}</p>;
  return (
    <Form method="post" action="/sessions?index" className="booking-form" aria-busy={busy || undefined}>
      <input type="hidden" name="sessionId" value={session.id} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {booking ? (
        <>
          <p className="booking-form__state" data-testid="booking-state">
            {booking.status === "CONFIRMED" ? t("booking.youConfirmed") : t("booking.youWaitlisted", { position: booking.waitlistPosition ?? "?" })}
          </p>
          <input type="hidden" name="bookingId" value={booking.id} />
          <CancelBookingButton waitlisted={booking.status === "WAITLISTED"} title={session.topic.title} className="button button--secondary" disabled={busy} />
        </>
      ) : (
        <button type="submit" name="intent" value="book" className="button button--primary" disabled={busy}>
          {session.seatsLeft > 0 ? t("booking.book") : t("booking.joinWaitlist")}{" "}
          {/* Read on as one phrase: «Записаться на занятие «…»». */}
          <span className="visually-hidden">
            {session.seatsLeft > 0 ? t("booking.bookTopic", { title: session.topic.title }) : t("booking.joinWaitlistTopic", { title: session.topic.title })}
          </span>
        </button>
      )}
    </Form>
  );
}

/**
 * A seat given up may go to the waitlist at once, so cancelling asks first (with JavaScript;
 * without it the form posts as it is). A waitlist place is left, not "cancelled".
 */
export function CancelBookingButton({ waitlisted, title, className, disabled }: { waitlisted: boolean; title: string; className: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const question = waitlisted ? t("booking.leaveWaitlistConfirm", { title }) : t("booking.cancelBookingConfirm", { title });
  return (
    <button
      type="submit"
      name="intent"
      value="cancel"
      className={className}
      disabled={disabled}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (!window.confirm(question)) event.preventDefault();
      }}
    >
      {waitlisted ? t("booking.leaveWaitlist") : t("booking.cancel")}{" "}
      <span className="visually-hidden">{t("booking.cancelTopic", { title })}</span>
    </button>
  );
}
