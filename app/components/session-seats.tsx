import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { SESSION_SEATS_CHANGED, type SessionSeatsChangedData } from "~/lib/documents/bookings";

type Seats = { seatsLeft: number; waitlisted: number; capacity: number };

/**
 * Seats left and the waitlist's length, kept live by `sessionSeatsChanged`: when a colleague books
 * or cancels, the numbers change here and screen readers hear it (aria-live="polite").
 */
export function SessionSeats({ sessionId, initial }: { sessionId: string; initial: Seats }) {
  const { t } = useTranslation();
  const client = useClient();
  const [seats, setSeats] = useState(initial);

  // Fresh loader data is at least as new as anything seen live.
  useEffect(() => setSeats(initial), [initial.seatsLeft, initial.waitlisted, initial.capacity]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const subscription = client
      .subscription<SessionSeatsChangedData>(SESSION_SEATS_CHANGED, { sessionId })
      .subscribe((result) => {
        const change = result.data?.sessionSeatsChanged;
        if (change) setSeats({ seatsLeft: change.seatsLeft, waitlisted: change.waitlisted, capacity: change.capacity });
      });
    return () => subscription.unsubscribe();
  }, [client, sessionId]);

  return (
    <p className="session-seats" aria-live="polite" aria-atomic="true" data-testid="seats-left" data-seats-left={seats.seatsLeft}>
      <span className={seats.seatsLeft > 0 ? "session-seats__left" : "session-seats__full"}>
        {seats.seatsLeft > 0 ? t("booking.seatsLeft", { count: seats.seatsLeft, capacity: seats.capacity }) : t("booking.full")}
      </span>
      {seats.waitlisted > 0 ? <span className="session-seats__waitlist"> · {t("booking.waitlist", { count: seats.waitlisted })}</span> : null}
    </p>
  );
}
