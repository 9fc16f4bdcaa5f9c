import type { PrismaClient } from "../../prisma/client";
import type { TopicBlock, TopicFormat } from "../../prisma/generated/enums";
import { activeStatusList, isEveryone, scopedVotes, staffCondition, type StaffScope } from "./scope";

export const TREND_DAYS = 7;

export type TopicDemand = { topicId: string; votes: number; votesLast7Days: number };
export type OfficeDemand = { officeId: string; votes: number; voters: number };
export type BlockFormatDemand = { block: TopicBlock; format: TopicFormat; votes: number; topics: number };

/**
 * The `first` active topics with the most votes (in scope), then the newest, with their votes of
 * the last 7 days. For everyone the order comes from the maintained counter (Topic(voteCount, id))
 * and the trend from the Vote(topicId, createdAt) index per listed topic; with a filter the votes
 * of the staff in scope are grouped by topic. Topics without votes are left out.
 */
export async function topTopics(prisma: PrismaClient, scope: StaffScope, now: Date, first: number): Promise<TopicDemand[]> {
  const since = new Date(now.getTime() - TREND_DAYS * 86_400_000);
  if (first <= 0) return [];
  if (isEveryone(scope)) {
    return prisma.$queryRaw<TopicDemand[]>`
      SELECT t."id" AS "topicId", t."voteCount" AS "votes",
             (SELECT count(*) FROM "Vote" v WHERE v."topicId" = t."id" AND v."createdAt" >= ${since})::int AS "votesLast7Days"
      FROM "Topic" t
      WHERE t."status" IN ${activeStatusList} AND t."voteCount" > 0
      ORDER BY t."voteCount" DESC, t."createdAt" DESC, t."id" DESC
      LIMIT ${first}`;
  }
  return prisma.$queryRaw<TopicDemand[]>`
    SELECT t."id" AS "topicId", count(*)::int AS "votes",
           (count(*) FILTER (WHERE v."createdAt" >= ${since}))::int AS "votesLast7Days"
    FROM ${scopedVotes(scope)} JOIN "Topic" t ON t."id" = v."topicId" AND t."status" IN ${activeStatusList}
    GROUP BY t."id"
    ORDER BY count(*) DESC, t."createdAt" DESC, t."id" DESC
    LIMIT ${first}`;
}

/**
 * Votes on active topics and distinct voters per office (of staff in scope), most votes first.
 * Staff without an office are left out. Votes are first counted per voter (one pass over the
 * Vote(userId, topicId) index), then per office.
 */
export async function demandByOffice(prisma: PrismaClient, scope: StaffScope, first: number): Promise<OfficeDemand[]> {
  if (first <= 0) return [];
  return prisma.$queryRaw<OfficeDemand[]>`
    WITH per_voter AS (
      SELECT v."userId", count(*) AS "votes"
      FROM "Vote" v JOIN "Topic" t ON t."id" = v."topicId" AND t."status" IN ${activeStatusList}
      GROUP BY v."userId"
    )
    SELECT u."officeId", sum(p."votes")::int AS "votes", count(*)::int AS "voters"
    FROM per_voter p JOIN "User" u ON u."id" = p."userId"
    WHERE u."officeId" IS NOT NULL AND ${staffCondition(scope)}
    GROUP BY u."officeId"
    ORDER BY sum(p."votes") DESC, u."officeId"
    LIMIT ${first}`;
}

/**
 * Votes per block × format on active topics, with how many of those topics have votes. For
 * everyone straight from the topics' counters; with a filter from the votes of staff in scope.
 */
export async function demandByBlockFormat(prisma: PrismaClient, scope: StaffScope): Promise<BlockFormatDemand[]> {
  if (isEveryone(scope)) {
    return prisma.$queryRaw<BlockFormatDemand[]>`
      SELECT "block", "format", sum("voteCount")::int AS "votes", count(*)::int AS "topics"
      FROM "Topic" WHERE "status" IN ${activeStatusList} AND "voteCount" > 0
      GROUP BY "block", "format" ORDER BY "block", "format"`;
  }
  return prisma.$queryRaw<BlockFormatDemand[]>`
    SELECT t."block", t."format", count(*)::int AS "votes", count(DISTINCT t."id")::int AS "topics"
    FROM ${scopedVotes(scope)} JOIN "Topic" t ON t."id" = v."topicId" AND t."status" IN ${activeStatusList}
    GROUP BY t."block", t."format" ORDER BY t."block", t."format"`;
}
