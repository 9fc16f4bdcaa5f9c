import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { SeatCounts } from "./bookings";
import { clockTime } from "./centre-time";
import { withTransaction } from "./sql-transaction";
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
  | {
      kind: "cancelled";
      seats: SeatCounts;
      notifications: Array<{ id: string; userId: string }>;
      /** The topic went back to PLANNED: this was its last scheduled session still to come. */
      topicReplanned: { topicId: string } | null;
    }
  | { kind: "missing" }
  | { kind: "refused"; reason: SessionCancelRefusal };

export type CancelSessionRequest = { sessionId: string; reason: string; actorId: string; now: Date };

type LockedSession = {
  id: string;
  topicId: string;
  status: "SCHEDULED" | "CANCELLED";
  /** "YYYY-MM-DD" as text: pg would parse a date column as local midnight of the server's zone. */
  dateKey: string;
  startMinute: number;
  endMinute: number;
  startsAt: Date;
  capacity: number;
};

export function cancelTrainingSession(pool: pg.Pool, request: CancelSessionRequest): Promise<CancelSessionOutcome> {
  // Refusals are decided before anything is written, so committing them is a no-op.
  return withTransaction(pool, (client) => cancelLocked(client, request));
}

async function cancelLocked(client: pg.PoolClient, { sessionId, reason, actorId, now }: CancelSessionRequest): Promise<CancelSessionOutcome> {
  const session = (
    await client.query<LockedSession>(
      `SELECT "id", "topicId", "status", "date"::text AS "dateKey", "startMinute", "endMinute", "startsAt", "capacity"
       FROM "TrainingSession" WHERE "id" = $1 FOR UPDATE`,
      [sessionId],
    )
  ).rows[0];
  if (!session) return { kind: "missing" };
  if (session.status === "CANCELLED") return { kind: "refused", reason: "ALREADY_CANCELLED" };
  if (session.startsAt.getTime() <= now.getTime()) return { kind: "refused", reason: "STARTED" };

  await client.query(
    `UPDATE "TrainingSession"
     SET "status" = 'CANCELLED', "seatsTaken" = 0, "waitlisted" = 0, "cancelledAt" = $2, "cancelledById" = $3, "cancelReason" = $4
     WHERE "id" = $1`,
    [sessionId, now, actorId, reason],
  );
  const { rows: dropped } = await client.query<{ userId: string }>(
    `UPDATE "Booking" SET "status" = 'CANCELLED', "cancelledAt" = $2, "updatedAt" = $2
     WHERE "sessionId" = $1 AND "status" IN ('CONFIRMED', 'WAITLISTED')
     RETURNING "userId"`,
    [sessionId, now],
  );
  const payload: SessionCancelledPayload = {
    date: session.dateKey,
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
  const topicReplanned = await replanTopicIfNothingLeft(client, session.topicId, actorId, now);
  return { kind: "cancelled", seats: { sessionId, seatsTaken: 0, waitlisted: 0, capacity: session.capacity }, notifications, topicReplanned };
}

/**
 * SCHEDULED means "has sessions to book": when the last upcoming one is cancelled the topic steps
 * back to PLANNED (the life cycle's documented step back), logged like any status change. Its
 * voters are not told separately: those who had booked got SESSION_CANCELLED.
 */
async function replanTopicIfNothingLeft(client: pg.PoolClient, topicId: string, actorId: string, now: Date) {
  // Lock the topic first (an approval for it holds the same lock), then look for sessions in a new
  // statement: its snapshot sees a session that an approval committed while we waited.
  const { rows: topic } = await client.query<{ status: string }>(`SELECT "status" FROM "Topic" WHERE "id" = $1 FOR UPDATE`, [topicId]);
  if (topic[0]?.status !== "SCHEDULED") return null;
  const { rows: left } = await client.query(
    `SELECT 1 FROM "TrainingSession" WHERE "topicId" = $1 AND "status" = 'SCHEDULED' AND "endsAt" > $2 LIMIT 1`,
    [topicId, now],
  );
  if (left.length > 0) return null;
  await client.query(`UPDATE "Topic" SET "status" = 'PLANNED', "statusChangedAt" = $2 WHERE "id" = $1`, [topicId, now]);
  await client.query(
    `INSERT INTO "ModerationAction" ("id", "topicId", "actorId", "kind", "details", "createdAt")
     VALUES ($1, $2, $3, 'STATUS_CHANGE', $4::jsonb, $5)`,
    [randomUUID(), topicId, actorId, JSON.stringify({ fromStatus: "SCHEDULED", toStatus: "PLANNED" }), now],
  );
  return { topicId };
}
