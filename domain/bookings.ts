import { randomUUID } from "node:crypto";
import type pg from "pg";
import { withTransaction } from "./sql-transaction";

/**
 * Booking a seat and cancelling one. Each change runs in one transaction that first locks the
 * session's row (SELECT … FOR UPDATE): concurrent requests for one session queue on that lock, so
 * the arrival order is the order in which they take `nextQueueNumber`, the capacity check and the
 * counters (`seatsTaken`, `waitlisted`) always see every earlier change, and capacity can never be
 * exceeded. Requests for different sessions do not wait for each other. The statements go straight
 * through the pg pool: a Prisma interactive transaction would give up waiting for a connection
 * (maxWait) under a burst of hundreds of bookings, while the pool just queues them.
 * Expected refusals are returned as values, never thrown.
 */

export type BookingStatus = "CONFIRMED" | "WAITLISTED" | "CANCELLED";
export type BookingRow = {
  id: string;
  sessionId: string;
  userId: string;
  status: BookingStatus;
  queueNumber: number;
  attendance: "ATTENDED" | "NO_SHOW" | null;
  attendanceById: string | null;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
};
export type SeatCounts = { sessionId: string; seatsTaken: number; waitlisted: number; capacity: number };

type LockedSession = {
  id: string;
  topicId: string;
  trainerId: string;
  status: "SCHEDULED" | "CANCELLED";
  startsAt: Date;
  capacity: number;
  seatsTaken: number;
  waitlisted: number;
  nextQueueNumber: number;
  votersOnlyUntil: Date;
};

export type BookOutcome =
  | { kind: "booked"; booking: BookingRow; seats: SeatCounts; waitlistPosition: number | null; changed: boolean }
  | { kind: "missing" }
  | { kind: "notBookable"; reason: NotBookableReason }
  | { kind: "votersOnly"; until: Date }
  | { kind: "topicAlreadyBooked"; other: { sessionId: string; status: "CONFIRMED" | "WAITLISTED"; startsAt: Date } };

export type CancelOutcome =
  | { kind: "cancelled"; booking: BookingRow; seats: SeatCounts; promoted: { bookingId: string; userId: string; notificationId: string } | null; changed: boolean }
  | { kind: "missing" }
  | { kind: "tooLate"; cutoff: Date };

const ACTIVE = ["CONFIRMED", "WAITLISTED"];

/** Why a session takes no booking from this person: cancelled, started, or they teach it. */
export type NotBookableReason = "CANCELLED" | "STARTED" | "TRAINER";

/** A trainer teaching the session does not take one of its seats. */
async function teachesSession(client: pg.PoolClient, session: LockedSession, userId: string): Promise<boolean> {
  const { rowCount } = await client.query(`SELECT 1 FROM "Trainer" WHERE "id" = $1 AND "userId" = $2`, [session.trainerId, userId]);
  return (rowCount ?? 0) > 0;
}

async function lockSession(client: pg.PoolClient, sessionId: string): Promise<LockedSession | null> {
  const { rows } = await client.query<LockedSession>(
    `SELECT "id", "topicId", "trainerId", "status", "startsAt", "capacity", "seatsTaken", "waitlisted", "nextQueueNumber", "votersOnlyUntil"
     FROM "TrainingSession" WHERE "id" = $1 FOR UPDATE`,
    [sessionId],
  );
  return rows[0] ?? null;
}

const seatsOf = (session: Pick<LockedSession, "id" | "seatsTaken" | "waitlisted" | "capacity">): SeatCounts => ({
  sessionId: session.id,
  seatsTaken: session.seatsTaken,
  waitlisted: session.waitlisted,
  capacity: session.capacity,
});

/** 1-based place among the session's waitlisted bookings (arrival order), or null if not waitlisted. */
async function waitlistPosition(client: Pick<pg.Pool, "query">, booking: BookingRow): Promise<number | null> {
  if (booking.status !== "WAITLISTED") return null;
  const { rows } = await client.query<{ position: number }>(
    `SELECT count(*)::int AS "position" FROM "Booking"
     WHERE "sessionId" = $1 AND "status" = 'WAITLISTED' AND "queueNumber" <= $2`,
    [booking.sessionId, booking.queueNumber],
  );
  return rows[0].position;
}

/**
 * One seat per person per topic: a seat (or waitlist place) on one upcoming session of a topic is
 * enough, and a second would keep a colleague off the list. Two parallel requests of one person for
 * two sessions of a topic each hold their own session's lock, so they queue on a transaction lock
 * of that person and topic (always taken after the session locks, so no lock cycle can form). One
 * active booking per topic also keeps a waitlist promotion from giving anyone a second seat.
 */
async function lockPersonTopic(client: pg.PoolClient, userId: string, topicId: string) {
  await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`booking-topic:${userId}:${topicId}`]);
}

/** The person's active booking on an upcoming session of the topic other than `exceptSessionId`, if any. */
async function activeBookingOfTopic(client: pg.PoolClient, userId: string, topicId: string, exceptSessionId: string, now: Date) {
  const { rows } = await client.query<{ sessionId: string; status: "CONFIRMED" | "WAITLISTED"; startsAt: Date }>(
    `SELECT b."sessionId", b."status", s."startsAt"
     FROM "Booking" b JOIN "TrainingSession" s ON s."id" = b."sessionId"
     WHERE b."userId" = $1 AND s."topicId" = $2 AND b."sessionId" <> $3
       AND b."status" IN ('CONFIRMED', 'WAITLISTED') AND s."status" = 'SCHEDULED' AND s."startsAt" > $4
     ORDER BY s."startsAt" LIMIT 1`,
    [userId, topicId, exceptSessionId, now],
  );
  return rows[0] ?? null;
}

export type BookInput = { sessionId: string; userId: string; now: Date };

export async function bookSession(pool: pg.Pool, { sessionId, userId, now }: BookInput): Promise<BookOutcome> {
  return withTransaction(pool, async (client) => {
    const session = await lockSession(client, sessionId);
    if (!session) return { kind: "missing" };
    const existing = (
      await client.query<BookingRow>(`SELECT * FROM "Booking" WHERE "sessionId" = $1 AND "userId" = $2`, [sessionId, userId])
    ).rows[0];
    if (existing && ACTIVE.includes(existing.status)) {
      return { kind: "booked", booking: existing, seats: seatsOf(session), waitlistPosition: await waitlistPosition(client, existing), changed: false };
    }
    if (session.status === "CANCELLED") return { kind: "notBookable", reason: "CANCELLED" };
    if (session.startsAt.getTime() <= now.getTime()) return { kind: "notBookable", reason: "STARTED" };
    if (await teachesSession(client, session, userId)) return { kind: "notBookable", reason: "TRAINER" };
    if (now.getTime() < session.votersOnlyUntil.getTime()) {
      const voted = await client.query(`SELECT 1 FROM "Vote" WHERE "userId" = $1 AND "topicId" = $2`, [userId, session.topicId]);
      if (voted.rowCount === 0) return { kind: "votersOnly", until: session.votersOnlyUntil };
    }
    await lockPersonTopic(client, userId, session.topicId);
    const other = await activeBookingOfTopic(client, userId, session.topicId, sessionId, now);
    if (other) return { kind: "topicAlreadyBooked", other };
    const { booking, seats } = await takePlace(client, session, userId, now);
    // The newest request is the last in the queue: its place is the waitlist's length.
    return { kind: "booked", booking, seats, waitlistPosition: booking.status === "CONFIRMED" ? null : seats.waitlisted, changed: true };
  });
}

/** A seat if one is free, else the back of the waitlist, on a session whose row this transaction holds. */
async function takePlace(client: pg.PoolClient, session: LockedSession, userId: string, now: Date) {
  const confirmed = session.seatsTaken < session.capacity;
  const status: BookingStatus = confirmed ? "CONFIRMED" : "WAITLISTED";
  // A cancelled booking is reused: the person rejoins at the back with a new queue number.
  const { rows } = await client.query<BookingRow>(
    `INSERT INTO "Booking" ("id", "sessionId", "userId", "status", "queueNumber", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ("sessionId", "userId") DO UPDATE
       SET "status" = EXCLUDED."status", "queueNumber" = EXCLUDED."queueNumber", "updatedAt" = EXCLUDED."updatedAt",
           "cancelledAt" = NULL, "attendance" = NULL, "attendanceById" = NULL
     RETURNING *`,
    [randomUUID(), session.id, userId, status, session.nextQueueNumber, now],
  );
  const updated = await client.query<LockedSession>(
    `UPDATE "TrainingSession"
     SET "nextQueueNumber" = "nextQueueNumber" + 1, "seatsTaken" = "seatsTaken" + $2, "waitlisted" = "waitlisted" + $3
     WHERE "id" = $1 RETURNING "id", "seatsTaken", "waitlisted", "capacity"`,
    [session.id, confirmed ? 1 : 0, confirmed ? 0 : 1],
  );
  return { booking: rows[0]!, seats: seatsOf(updated.rows[0]!) };
}

export type CancelInput = { bookingId: string; userId: string; now: Date; cutoffHours: number };

/** The latest instant at which a booking of a session starting at `startsAt` may be cancelled. */
export const cancelCutoff = (startsAt: Date, cutoffHours: number) => new Date(startsAt.getTime() - cutoffHours * 3_600_000);

/**
 * Cancels the person's own booking (someone else's reads as missing). Cancelling a confirmed seat
 * hands it to the first waitlisted booking (lowest queue number) in the same transaction and leaves
 * that person a BOOKING_PROMOTED notification; the caller publishes after commit.
 */
export async function cancelBooking(pool: pg.Pool, { bookingId, userId, now, cutoffHours }: CancelInput): Promise<CancelOutcome> {
  const owned = (await pool.query<{ sessionId: string }>(`SELECT "sessionId" FROM "Booking" WHERE "id" = $1 AND "userId" = $2`, [bookingId, userId])).rows[0];
  if (!owned) return { kind: "missing" };
  return withTransaction(pool, async (client) => {
    const session = await lockSession(client, owned.sessionId);
    const booking = (await client.query<BookingRow>(`SELECT * FROM "Booking" WHERE "id" = $1 AND "userId" = $2`, [bookingId, userId])).rows[0];
    if (!session || !booking) return { kind: "missing" };
    if (booking.status === "CANCELLED") return { kind: "cancelled", booking, seats: seatsOf(session), promoted: null, changed: false };
    const cutoff = cancelCutoff(session.startsAt, cutoffHours);
    if (now.getTime() > cutoff.getTime()) return { kind: "tooLate", cutoff };

    return { kind: "cancelled", ...(await releasePlace(client, session, booking, now)), changed: true };
  });
}

/**
 * Cancels an active booking on a session whose row this transaction holds. A confirmed seat goes
 * to the first waitlisted booking (lowest queue number), who gets a BOOKING_PROMOTED notification;
 * the caller publishes after commit.
 */
async function releasePlace(client: pg.PoolClient, session: LockedSession, booking: BookingRow, now: Date) {
  const cancelled = (
    await client.query<BookingRow>(
      `UPDATE "Booking" SET "status" = 'CANCELLED', "cancelledAt" = $2, "updatedAt" = $2 WHERE "id" = $1 RETURNING *`,
      [booking.id, now],
    )
  ).rows[0]!;
  let seatDelta = booking.status === "CONFIRMED" ? -1 : 0;
  let waitDelta = booking.status === "WAITLISTED" ? -1 : 0;
  let promoted: { bookingId: string; userId: string; notificationId: string } | null = null;
  if (booking.status === "CONFIRMED" && session.status === "SCHEDULED") {
    const next = (
      await client.query<{ id: string; userId: string }>(
        `UPDATE "Booking" SET "status" = 'CONFIRMED', "updatedAt" = $2
         WHERE "id" = (SELECT "id" FROM "Booking" WHERE "sessionId" = $1 AND "status" = 'WAITLISTED' ORDER BY "queueNumber" LIMIT 1)
         RETURNING "id", "userId"`,
        [session.id, now],
      )
    ).rows[0];
    if (next) {
      seatDelta += 1;
      waitDelta -= 1;
      const notificationId = randomUUID();
      await client.query(
        `INSERT INTO "Notification" ("id", "userId", "kind", "topicId", "sessionId", "payload", "createdAt")
         VALUES ($1, $2, 'BOOKING_PROMOTED', $3, $4, '{}'::jsonb, $5)`,
        [notificationId, next.userId, session.topicId, session.id, now],
      );
      promoted = { bookingId: next.id, userId: next.userId, notificationId };
    }
  }
  const updated = await client.query<LockedSession>(
    `UPDATE "TrainingSession" SET "seatsTaken" = "seatsTaken" + $2, "waitlisted" = "waitlisted" + $3
     WHERE "id" = $1 RETURNING "id", "seatsTaken", "waitlisted", "capacity"`,
    [session.id, seatDelta, waitDelta],
  );
  return { booking: cancelled, seats: seatsOf(updated.rows[0]!), promoted };
}

export type MoveInput = { bookingId: string; toSessionId: string; userId: string; now: Date; cutoffHours: number };

export type MoveOutcome =
  | {
      kind: "moved";
      booking: BookingRow;
      seats: SeatCounts[];
      promoted: { bookingId: string; userId: string; notificationId: string } | null;
    }
  | { kind: "missing" }
  | { kind: "notBookable"; reason: NotBookableReason }
  | { kind: "votersOnly"; until: Date }
  | { kind: "full" }
  | { kind: "tooLate"; cutoff: Date };

/**
 * Moves the person's active booking (a seat or a waitlist place) to another upcoming session of the
 * same topic, as a seat: in one transaction the old place is released (a freed seat goes to that
 * session's waitlist) and a seat taken on the new session. Only into a free seat — trading a seat
 * for a waitlist place is not a move anyone asks for — and, for a seat, only up to the old
 * session's cancellation cut-off. Both session rows are locked in id order, so two moves in
 * opposite directions queue instead of deadlocking.
 */
export async function moveBooking(pool: pg.Pool, { bookingId, toSessionId, userId, now, cutoffHours }: MoveInput): Promise<MoveOutcome> {
  const owned = (await pool.query<{ sessionId: string }>(`SELECT "sessionId" FROM "Booking" WHERE "id" = $1 AND "userId" = $2`, [bookingId, userId])).rows[0];
  if (!owned || owned.sessionId === toSessionId) return { kind: "missing" };
  return withTransaction(pool, async (client) => {
    const [firstId, secondId] = [owned.sessionId, toSessionId].sort();
    const locked = new Map<string, LockedSession>();
    for (const id of [firstId!, secondId!]) {
      const session = await lockSession(client, id);
      if (session) locked.set(id, session);
    }
    const from = locked.get(owned.sessionId);
    const to = locked.get(toSessionId);
    const booking = (await client.query<BookingRow>(`SELECT * FROM "Booking" WHERE "id" = $1 AND "userId" = $2`, [bookingId, userId])).rows[0];
    if (!from || !to || !booking || !ACTIVE.includes(booking.status) || to.topicId !== from.topicId) return { kind: "missing" };
    if (to.status === "CANCELLED") return { kind: "notBookable", reason: "CANCELLED" };
    if (to.startsAt.getTime() <= now.getTime()) return { kind: "notBookable", reason: "STARTED" };
    if (await teachesSession(client, to, userId)) return { kind: "notBookable", reason: "TRAINER" };
    if (now.getTime() < to.votersOnlyUntil.getTime()) {
      const voted = await client.query(`SELECT 1 FROM "Vote" WHERE "userId" = $1 AND "topicId" = $2`, [userId, to.topicId]);
      if (voted.rowCount === 0) return { kind: "votersOnly", until: to.votersOnlyUntil };
    }
    if (to.seatsTaken >= to.capacity) return { kind: "full" };
    // A place on a session that has started is no longer an upcoming booking to move (and the rule
    // below only counts sessions still to come).
    if (from.startsAt.getTime() <= now.getTime()) return { kind: "notBookable", reason: "STARTED" };
    const cutoff = cancelCutoff(from.startsAt, cutoffHours);
    if (booking.status === "CONFIRMED" && now.getTime() > cutoff.getTime()) return { kind: "tooLate", cutoff };
    // The same lock and rule as bookSession: besides the booking that moves, the person holds nothing
    // on the topic's upcoming sessions — `to` included (it is upcoming and scheduled, checked above).
    await lockPersonTopic(client, userId, to.topicId);
    if (await activeBookingOfTopic(client, userId, to.topicId, from.id, now)) return { kind: "missing" };
    const released = await releasePlace(client, from, booking, now);
    const taken = await takePlace(client, to, userId, now);
    return { kind: "moved", booking: taken.booking, seats: [released.seats, taken.seats], promoted: released.promoted };
  });
}
