import { Form, Link, useLocation } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { BookingForm } from "~/components/booking-form";
import { BookingNotice } from "~/components/booking-notice";
import { SessionSeats } from "~/components/session-seats";
import { formatDateTime, SessionPlace, SessionWhen } from "~/components/session-when";
import { sessionAnchor, sessionPath, type SessionSummary, type SiblingSession } from "~/lib/documents/bookings";
import type { Locale } from "~/locales/shape";

/** One bookable session: what, when, where, who, seats (live) and the booking button. */
export function SessionCard({ session, now }: { session: SessionSummary; now: number }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const suits = session.matchesMyVote && session.matchesMyTime;
  const votersOnly = new Date(session.votersOnlyUntil).getTime() > now;
  // Offered to voters first: everyone else sees when booking opens instead of a button that would refuse.
  const waitForOpening = votersOnly && !session.matchesMyVote && !session.viewerBooking && !session.viewerTeaches;
  const until = formatDateTime(session.votersOnlyUntil, i18n.language as Locale);
  return (
    <article id={sessionAnchor(session.id)} className={`session-card${suits ? " session-card--suits" : ""}`} aria-labelledby={titleId} data-testid="session-card">
      <header className="session-card__head">
        <h2 className="session-card__title" id={titleId}>
          <Link to={sessionPath(session.id)}>{session.topic.title}</Link>
        </h2>
        <p className="session-card__badges">
          {suits ? <span className="session-badge session-badge--suits">{t("booking.matches")}</span> : null}
          {session.matchesMyVote && !suits ? <span className="session-badge">{t("booking.voted")}</span> : null}
        </p>
      </header>
      <dl className="session-card__facts">
        <div>
          <dt className="visually-hidden">{t("booking.csvDate")}</dt>
          <dd>
            <SessionWhen session={session} />
          </dd>
        </div>
        <div>
          <dt className="visually-hidden">{t("booking.csvSite")}</dt>
          <dd>
            <SessionPlace session={session} />
          </dd>
        </div>
        <div>
          <dt className="visually-hidden">{t("booking.csvTrainer")}</dt>
          <dd>
            {/* The label is the dt for screen readers; sighted readers get it inline. */}
            <span aria-hidden="true">{t("booking.factTrainer")}: </span>
            {session.trainerName}
          </dd>
        </div>
      </dl>
      <BookingNotice sessionId={session.id} />
      <SessionSeats sessionId={session.id} initial={{ seatsLeft: session.seatsLeft, waitlisted: session.waitlisted, capacity: session.capacity }} />
      {votersOnly && !session.viewerBooking && !session.viewerTeaches ? (
        <p className="session-card__note" data-testid="voters-only">
          {t(waitForOpening ? "booking.opensForAll" : "booking.votersFirst", { until })}
        </p>
      ) : null}
      {waitForOpening ? null : <BookingOrHeld session={session} />}
      <FreeSeatsElsewhere session={session} />
    </article>
  );
}

/**
 * A full session (or a waitlist place on it) points to the topic's other sessions that still have
 * seats; a waitlisted visitor is told the booking can move there (one booking per topic).
 */
export function FreeSeatsElsewhere({ session }: { session: SessionSummary }) {
  const { t } = useTranslation();
  const seated = session.viewerBooking?.status === "CONFIRMED";
  if (seated || session.viewerTeaches || session.seatsLeft > 0) return null;
  const free = (session.topic.upcomingSessions ?? []).filter((other) => other.id !== session.id && other.seatsLeft > 0).slice(0, 3);
  if (free.length === 0) return null;
  return (
    <div className="session-card__note session-card__elsewhere" data-testid="free-seats-elsewhere">
      <p>{t("booking.freeElsewhere")}</p>
      <ul>
        {free.map((other) => (
          <li key={other.id}>
            <Link to={sessionPath(other.id)}>
              <SessionWhen session={other} />
            </Link>{" "}
            — {t("booking.freeSeats", { count: other.seatsLeft })}
          </li>
        ))}
      </ul>
      {session.viewerBooking?.status === "WAITLISTED" ? <p>{t("booking.freeElsewhereLeave")}</p> : null}
    </div>
  );
}

/** The viewer's booking on another upcoming session of this session's topic, if any. */
function heldElsewhere(session: SessionSummary) {
  if (session.viewerBooking || session.viewerTeaches) return null;
  return (session.topic.upcomingSessions ?? []).find((other) => other.id !== session.id && other.viewerBooking) ?? null;
}

/** The booking form, or — one booking per topic — where the viewer's booking of the topic already is. */
export function BookingOrHeld({ session }: { session: SessionSummary }) {
  const other = heldElsewhere(session);
  return other ? <HeldElsewhere session={session} other={other} /> : <BookingForm session={session} />;
}

/**
 * Instead of a button the API would refuse, the card says which session of the topic the viewer
 * already holds, and how to switch.
 */
function HeldElsewhere({ session, other }: { session: SessionSummary; other: SiblingSession }) {
  const { t } = useTranslation();
  const waitlisted = other.viewerBooking?.status === "WAITLISTED";
  return (
    <div className="session-card__note" data-testid="held-elsewhere">
      <p>
        {t(waitlisted ? "booking.heldElsewhereWaitlisted" : "booking.heldElsewhere")}{" "}
        <Link to={sessionPath(other.id)}>
          <SessionWhen session={other} />
        </Link>
        .
      </p>
      {/* A free seat here: the booking can move in one step (the API checks every rule again). */}
      {session.seatsLeft > 0 && other.viewerBooking ? (
        <MoveBookingForm bookingId={other.viewerBooking.id} session={session} />
      ) : (
        <p>{t(waitlisted ? "booking.heldElsewhereLeave" : "booking.heldElsewhereCancel")}</p>
      )}
    </div>
  );
}

function MoveBookingForm({ bookingId, session }: { bookingId: string; session: SessionSummary }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/sessions?index" className="booking-form">
      <input type="hidden" name="sessionId" value={session.id} />
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" name="intent" value="move" className="button button--primary">
        {t("booking.moveHere")} <span className="visually-hidden">{t("booking.moveHereTopic", { title: session.topic.title })}</span>
      </button>
    </Form>
  );
}
