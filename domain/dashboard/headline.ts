import type { PrismaClient } from "../../prisma/client";
import { Prisma } from "../../prisma/generated/client";
import { activeStatusList, centreZone, isEveryone, scopedVotes, staffCondition, type StaffScope } from "./scope";

export type DashboardHeadline = {
  activeVoters: number;
  votesThisWeek: number;
  topicsOpen: number;
  seatsBooked: number;
  demandServedShare: number | null;
};

const ACTIVE_VOTER_DAYS = 30;

/**
 * The five headline numbers in one statement (five scalar subqueries, each on its own index):
 * - activeVoters: distinct voters of standing votes cast in the last 30 days (Vote(createdAt, userId));
 * - votesThisWeek: standing votes cast since Monday 00:00 at the centre (Vote(createdAt, userId));
 * - topicsOpen: topics in status OPEN (Topic(status)), whoever the scope;
 * - seatsBooked: CONFIRMED bookings of SCHEDULED sessions that have not ended (TrainingSession(endsAt));
 * - demandServedShare: of the votes on active topics, the share whose voter holds a CONFIRMED
 *   booking on a SCHEDULED session of that topic; null without demand.
 * Votes, voters and bookings count staff in `scope` only.
 */
/** Votes on active topics in scope; for everyone the topics' counters (ADR 004) are enough. */
export function demandCount(scope: StaffScope): Prisma.Sql {
  return isEveryone(scope)
    ? Prisma.sql`SELECT coalesce(sum("voteCount"), 0) FROM "Topic" WHERE "status" IN ${activeStatusList}`
    : Prisma.sql`SELECT count(*) FROM ${scopedVotes(scope)} JOIN "Topic" t ON t."id" = v."topicId" AND t."status" IN ${activeStatusList}`;
}

export async function dashboardHeadline(prisma: PrismaClient, scope: StaffScope, now: Date): Promise<DashboardHeadline> {
  const monthAgo = new Date(now.getTime() - ACTIVE_VOTER_DAYS * 86_400_000);
  const [row] = await prisma.$queryRaw<Array<DashboardHeadline & { demand: number; served: number }>>`
    WITH week AS (
      SELECT (date_trunc('week', ${now}::timestamptz AT TIME ZONE ${centreZone}) AT TIME ZONE ${centreZone}) AS "start"
    ), booked_voters AS (
      SELECT DISTINCT b."userId", s."topicId" FROM "Booking" b JOIN "TrainingSession" s ON s."id" = b."sessionId"
      WHERE b."status" = 'CONFIRMED' AND s."status" = 'SCHEDULED'
    ), votes AS (${isEveryone(scope) ? everyoneVotes(monthAgo) : scopedVoteFigures(scope, monthAgo)})
    SELECT x."activeVoters"::int, x."votesThisWeek"::int, x."demand"::int, x."served"::int,
      (SELECT count(*) FROM "Topic" WHERE "status" = 'OPEN')::int AS "topicsOpen",
      (SELECT count(*) FROM "Booking" b
         JOIN "TrainingSession" s ON s."id" = b."sessionId"
         JOIN "User" u ON u."id" = b."userId"
       WHERE b."status" = 'CONFIRMED' AND s."status" = 'SCHEDULED' AND s."endsAt" > ${now}
         AND ${staffCondition(scope)})::int AS "seatsBooked"
    FROM votes x`;
  return {
    activeVoters: row.activeVoters,
    votesThisWeek: row.votesThisWeek,
    topicsOpen: row.topicsOpen,
    seatsBooked: row.seatsBooked,
    demandServedShare: row.demand > 0 ? row.served / row.demand : null,
  };
}

/**
 * Everyone: each figure from its own index — recent votes from Vote(createdAt, userId) (index-only),
 * demand from the topics' counters, served votes by probing Vote(userId, topicId) per booked voter.
 */
function everyoneVotes(monthAgo: Date): Prisma.Sql {
  return Prisma.sql`SELECT
      (SELECT count(*) FROM (SELECT DISTINCT v."userId" FROM "Vote" v WHERE v."createdAt" >= ${monthAgo}) d) AS "activeVoters",
      (SELECT count(*) FROM "Vote" v WHERE v."createdAt" >= (SELECT "start" FROM week)) AS "votesThisWeek",
      (${demandCount({})}) AS "demand",
      (SELECT count(*) FROM booked_voters x
         JOIN "Vote" v ON v."userId" = x."userId" AND v."topicId" = x."topicId"
         JOIN "Topic" t ON t."id" = v."topicId" AND t."status" IN ${activeStatusList}) AS "served"`;
}

/** A filter: one pass over the votes of the staff in scope gives all four vote figures. */
function scopedVoteFigures(scope: StaffScope, monthAgo: Date): Prisma.Sql {
  return Prisma.sql`SELECT
      count(DISTINCT v."userId") FILTER (WHERE v."createdAt" >= ${monthAgo}) AS "activeVoters",
      count(*) FILTER (WHERE v."createdAt" >= (SELECT "start" FROM week)) AS "votesThisWeek",
      count(*) FILTER (WHERE t."status" IN ${activeStatusList}) AS "demand",
      count(*) FILTER (WHERE t."status" IN ${activeStatusList} AND x."userId" IS NOT NULL) AS "served"
    FROM ${scopedVotes(scope)}
    JOIN "Topic" t ON t."id" = v."topicId"
    LEFT JOIN booked_voters x ON x."userId" = v."userId" AND x."topicId" = v."topicId"`;
}
