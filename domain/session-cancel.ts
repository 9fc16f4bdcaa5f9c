import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { SeatCounts } from "./bookings";
import { clockTime, dateKey } from "./centre-time";
import type { SessionScheduledPayload } from "./planning/approve";

/**
 * A manager cancels an approved session. One transaction, which first locks the session's row
 * (SELECT … FOR UPDATE, the same lock every booking change takes, so no booking can slip in or out
 * meanwhile): the session becomes CANCELLED, every confirmed and waitlisted booking becomes
 * CANCELLED, the counters drop to zero, and each of those people gets a SESSION_CANCELLED
 * notification carrying the reason and the session's wall-clock facts. Publishing is the caller's
 * job, after commit. Expected refusals are returned as values.
 */

export const CANCEL_REASON_LIMITS = { min: 3, max: 500 } as const;

/** What a SESSION_CANCELLED notification's payload holds. */
export type SessionCancelledPayload = SessionScheduledPayload & { reason: string };

export type SessionCancelRefusal = "ALREADY_CANCELLED" | "STARTED";

export type CancelSessionOutcome =
  | { kind: "cancelled"; seats: SeatCounts; notifications: Array<{ id: string; userId: string }> }
  | { kind: "missing" }
  | { kind: "refused"; reason: SessionCancelRefusal };

export type CancelSessionRequest = { sessionId: string; reason: string; actorId: string; now: Date };

type LockedSession = {
  id: string;
  topicId: string;
  status: "SCHEDULED" | "CANCELLED";
  date: Date;
  startMinute: number;
  endMinute: number;
  startsAt: Date;
  capacity: number;
};

export async function cancelTrainingSession(pool: pg.Pool, request: CancelSessionRequest): Promise<CancelSessionOutcome> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const outcome = await cancelLocked(client, request);
    await client.query(outcome.kind === "cancelled" ? "COMMIT" : "ROLLBACK");
    return outcome;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function cancelLocked(client: pg.PoolClient, { sessionId, reason, actorId, now }: CancelSessionRequest): Promise<CancelSessionOutcome> {
  const session = (
    await client.query<LockedSession>(
      `SELECT "id", "topicId", "status", "date", "startMinute", "endMinute", "startsAt", "capacity"
       FROM "TrainingSession" WHERE "id" = $1 FOR UPDATE`,
      [sessionId],
    )
  ).rows[0];
  if (!session) return { kind: "missing" };
  if (session.status === "CANCELLED") return { kind: "refused", reason: "ALREADY_CANCELLED" };
  if (session.startsAt.getTime() <= now.getTime()) return { kind: "refused", reason: "STARTED" };

  await client.query(`UPDATE "TrainingSession" SET "status" = 'CANCELLED', "seatsTaken" = 0, "waitlisted" = 0 WHERE "id" = $1`, [sessionId]);
  const { rows: dropped } = await client.query<{ userId: string }>(
    `UPDATE "Booking" SET "status" = 'CANCELLED', "cancelledAt" = $2, "updatedAt" = $2
     WHERE "sessionId" = $1 AND "status" IN ('CONFIRMED', 'WAITLISTED')
     RETURNING "userId"`,
    [sessionId, now],
  );
  const payload: SessionCancelledPayload = {
    date: dateKey(session.date),
    start: clockTime(session.startMinute),
    end: clockTime(session.endMinute),
    startsAt: session.startsAt.toISOString(),
    actorId,
    reason,
  };
  const notifications = dropped.map((row) => ({ id: randomUUID(), userId: row.userId }));
  if (notifications.length > 0) {
    await client.query(
      `INSERT INTO "Notification" ("id", "userId", "kind", "topicId", "sessionId", "payload", "createdAt")
       SELECT n."id", n."userId", 'SESSION_CANCELLED', $3, $4, $5::jsonb, $6
       FROM unnest($1::text[], $2::text[]) AS n("id", "userId")`,
      [notifications.map((n) => n.id), notifications.map((n) => n.userId), session.topicId, sessionId, JSON.stringify(payload), now],
    );
  }
  return { kind: "cancelled", seats: { sessionId, seatsTaken: 0, waitlisted: 0, capacity: session.capacity }, notifications };
}
