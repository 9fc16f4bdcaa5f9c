import type { PrismaClient } from "../prisma/client";
import type { Prisma } from "../prisma/generated/client";
import { builder } from "./builder";
import { inOrder, pageOfIds, splitPageQuery, type PageArgs } from "./ordered-page";

export const TRENDING_DAYS = 7;
const trendingSince = () => new Date(Date.now() - TRENDING_DAYS * 24 * 60 * 60 * 1000);

builder.prismaObjectFields("Topic", (t) => ({
  // Selected with the topic (a filtered _count in the page's query), not one query per topic.
  votesLast7Days: t.relationCount("votes", {
    description: `Votes cast in the last ${TRENDING_DAYS} days (still standing: a withdrawn vote does not count).`,
    where: () => ({ createdAt: { gte: trendingSince() } }),
  }),
}));

/**
 * The TRENDING order of the topic list: votes in the last 7 days, then all votes, newest, id —
 * three queries per page whatever its size: the matching ids (the list's own filter), their order
 * (one grouped SQL query over the Vote(topicId, createdAt) index), and the page with its selection.
 */
export async function findTrendingTopics<Q extends PageArgs>(prisma: PrismaClient, query: Q, where: Prisma.TopicWhereInput) {
  const { page, selection } = splitPageQuery(query);
  const matching = (await prisma.topic.findMany({ where, select: { id: true } })).map((topic) => topic.id);
  if (matching.length === 0) return [];
  const ordered = await prisma.$queryRaw<{ id: string }[]>`
    SELECT t."id" FROM "Topic" t
    LEFT JOIN LATERAL (
      SELECT count(*) AS "recent" FROM "Vote" v WHERE v."topicId" = t."id" AND v."createdAt" >= ${trendingSince()}
    ) r ON true
    WHERE t."id" = ANY(${matching})
    ORDER BY r."recent" DESC, t."voteCount" DESC, t."createdAt" DESC, t."id" DESC`;
  const ids = pageOfIds(ordered.map((row) => row.id), page);
  const rows = await prisma.topic.findMany({ ...(selection as object), where: { id: { in: ids } } });
  return inOrder(ids, rows);
}
