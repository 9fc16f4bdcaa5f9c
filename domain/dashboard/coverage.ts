import type { PrismaClient } from "../../prisma/client";
import { scopedVotes, staffCondition, type StaffScope } from "./scope";

export type TopicCoverage = {
  topicId: string;
  sessions: number;
  seats: number;
  booked: number;
  demand: number;
  unserved: number;
  noShowRate: number | null;
};

/**
 * For every topic with approved (SCHEDULED) sessions, past or upcoming: how many sessions and
 * seats were offered, how many CONFIRMED bookings they hold, the demand (votes on the topic), the
 * voters left without a confirmed seat on one of its sessions, and the no-show rate among bookings
 * whose attendance was marked (null before any is). Seats and sessions are the offer to everyone;
 * bookings, votes and attendance count staff in scope. Most demand first.
 */
export async function topicCoverage(prisma: PrismaClient, scope: StaffScope): Promise<TopicCoverage[]> {
  const rows = await prisma.$queryRaw<Array<Omit<TopicCoverage, "noShowRate" | "unserved"> & { servedVoters: number; marked: number; noShows: number }>>`
    WITH offered AS (
      SELECT s."topicId", count(*)::int AS "sessions", sum(s."capacity")::int AS "seats"
      FROM "TrainingSession" s WHERE s."status" = 'SCHEDULED'
      GROUP BY s."topicId"
    ),
    booked AS (
      SELECT s."topicId", b."userId", b."attendance"
      FROM "TrainingSession" s
      JOIN "Booking" b ON b."sessionId" = s."id" AND b."status" = 'CONFIRMED'
      JOIN "User" u ON u."id" = b."userId" AND ${staffCondition(scope)}
      WHERE s."status" = 'SCHEDULED'
    ),
    per_topic AS (
      SELECT "topicId", count(*)::int AS "booked",
             (count(*) FILTER (WHERE "attendance" IS NOT NULL))::int AS "marked",
             (count(*) FILTER (WHERE "attendance" = 'NO_SHOW'))::int AS "noShows"
      FROM booked GROUP BY "topicId"
    )
    SELECT o."topicId", o."sessions", o."seats",
           coalesce(p."booked", 0) AS "booked", coalesce(p."marked", 0) AS "marked", coalesce(p."noShows", 0) AS "noShows",
           (SELECT count(*) FROM ${scopedVotes(scope)} WHERE v."topicId" = o."topicId")::int AS "demand",
           (SELECT count(*) FROM ${scopedVotes(scope)}
            WHERE v."topicId" = o."topicId"
              AND EXISTS (SELECT 1 FROM booked x WHERE x."topicId" = v."topicId" AND x."userId" = v."userId"))::int AS "servedVoters"
    FROM offered o LEFT JOIN per_topic p ON p."topicId" = o."topicId"
    ORDER BY "demand" DESC, o."topicId"`;
  return rows.map(({ servedVoters, marked, noShows, ...row }) => ({
    ...row,
    unserved: Math.max(0, row.demand - servedVoters),
    noShowRate: marked > 0 ? noShows / marked : null,
  }));
}
