import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SessionPlace, SessionWhen } from "~/components/session-when";
import { sessionPath } from "~/lib/documents/bookings";
import type { TopicUpcomingSession } from "~/lib/documents/topics";

/**
 * The topic's approved sessions still to start: where its voters see that their topic is on, and
 * go on to book (the session's page has the booking button). Nothing when there are none.
 */
export function TopicSessions({ sessions }: { sessions: TopicUpcomingSession[] }) {
  const { t } = useTranslation();
  if (sessions.length === 0) return null;
  return (
    <section className="panel panel--snug topic-sessions" aria-labelledby="topic-sessions-title" data-testid="topic-sessions">
      <h2 id="topic-sessions-title">{t("topic.sessionsTitle")}</h2>
      <ul className="topic-sessions__list">
        {sessions.map((session) => (
          <li key={session.id} className="topic-sessions__item">
            <Link to={sessionPath(session.id)} className="topic-sessions__when">
              <SessionWhen session={session} />
            </Link>
            <span className="topic-sessions__place">
              <SessionPlace session={session} />
            </span>
            <span className={`topic-sessions__seats${session.seatsLeft > 0 ? "" : " topic-sessions__seats--full"}`}>
              {session.viewerBooking?.status === "CONFIRMED"
                ? t("booking.youConfirmed")
                : session.viewerBooking?.status === "WAITLISTED"
                  ? t("booking.youWaitlisted", { position: session.viewerBooking.waitlistPosition ?? "" })
                  : session.seatsLeft > 0
                    ? t("booking.seatsLeft", { count: session.seatsLeft, capacity: session.capacity })
                    : t("topic.sessionsFull")}
            </span>
          </li>
        ))}
      </ul>
      <p className="topic-sessions__more">
        <Link to="/sessions">{t("topic.sessionsAll")}</Link> · {t("booking.timeZoneNote")}
      </p>
    </section>
  );
}
