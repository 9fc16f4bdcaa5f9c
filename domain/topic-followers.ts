import { Prisma } from "../prisma/generated/client";

/**
 * The people told about a topic's fate (status changes, merges): its voters and
 * the colleague who suggested it, once each, never the person who made the change. A FROM item
 * with a "userId" column, to INSERT … SELECT notifications from.
 */
export function topicFollowers(topicId: string, actorId: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT v."userId" FROM "Vote" v WHERE v."topicId" = ${topicId}
    UNION
    SELECT t."authorId" FROM "Topic" t WHERE t."id" = ${topicId} AND t."authorId" IS NOT NULL
  ) AS follower WHERE follower."userId" <> ${actorId}`;
}
