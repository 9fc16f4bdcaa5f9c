import type { PrismaClient } from "../prisma/client";
import { Prisma } from "../prisma/generated/client";
import { AVAILABILITY_GRID } from "./availability";

export type HeatmapCell = { weekday: number; startMinute: number; endMinute: number; preferred: number; ifNeedBe: number };

const { slotMinutes, dayStartMinute, dayEndMinute } = AVAILABILITY_GRID;

/**
 * Per (vote, cell) the voter's effective level for the topic, computed in SQL: 2 = preferred,
 * 1 = if need be. A cell counts when a window covers it entirely. Without narrowing windows the
 * general level applies; with them, the weaker of the two (a cell missing from either is 0) —
 * the same rule as effectiveWindows() in demand.ts.
 */
function effectiveCells(topicId: string) {
  return Prisma.sql`
    cells AS (
      SELECT d AS "weekday", m AS "startMinute"
      FROM generate_series(1, 7) d CROSS JOIN generate_series(${dayStartMinute}::int, ${dayEndMinute - slotMinutes}::int, ${slotMinutes}::int) m
    ),
    voters AS (
      SELECT v."id" AS "voteId", v."userId",
             EXISTS (SELECT 1 FROM "VoteWindow" w WHERE w."voteId" = v."id") AS "narrowed"
      FROM "Vote" v WHERE v."topicId" = ${topicId}
    ),
    general AS (
      SELECT vo."voteId", c."weekday", c."startMinute",
             max(CASE a."strength" WHEN 'PREFERRED' THEN 2 ELSE 1 END) AS "level"
      FROM voters vo
      JOIN "UserAvailability" a ON a."userId" = vo."userId"
      JOIN cells c ON c."weekday" = a."weekday" AND c."startMinute" >= a."startMinute"
                  AND c."startMinute" + ${slotMinutes}::int <= a."endMinute"
      GROUP BY 1, 2, 3
    ),
    narrow AS (
      SELECT vo."voteId", c."weekday", c."startMinute",
             max(CASE w."strength" WHEN 'PREFERRED' THEN 2 ELSE 1 END) AS "level"
      FROM voters vo
      JOIN "VoteWindow" w ON w."voteId" = vo."voteId"
      JOIN cells c ON c."weekday" = w."weekday" AND c."startMinute" >= w."startMinute"
                  AND c."startMinute" + ${slotMinutes}::int <= w."endMinute"
      GROUP BY 1, 2, 3
    ),
    effective AS (
      SELECT g."voteId", g."weekday", g."startMinute",
             CASE WHEN vo."narrowed" THEN least(g."level", coalesce(n."level", 0)) ELSE g."level" END AS "level"
      FROM general g
      JOIN voters vo ON vo."voteId" = g."voteId"
      LEFT JOIN narrow n ON n."voteId" = g."voteId" AND n."weekday" = g."weekday" AND n."startMinute" = g."startMinute"
    )`;
}

/**
 * Every cell of the weekly grid (Monday 08:00 … Sunday 19:30, 7 × 24) with how many of the
 * topic's voters can come then, preferred and if need be. One query; no votes are loaded into JS.
 */
export async function topicDemandHeatmap(prisma: PrismaClient, topicId: string): Promise<HeatmapCell[]> {
  const rows = await prisma.$queryRaw<Array<{ weekday: number; startMinute: number; preferred: number; ifNeedBe: number }>>`
    WITH ${effectiveCells(topicId)}
    SELECT c."weekday", c."startMinute",
           (count(*) FILTER (WHERE e."level" = 2))::int AS "preferred",
           (count(*) FILTER (WHERE e."level" = 1))::int AS "ifNeedBe"
    FROM cells c
    LEFT JOIN effective e ON e."weekday" = c."weekday" AND e."startMinute" = c."startMinute"
    GROUP BY c."weekday", c."startMinute"
    ORDER BY c."weekday", c."startMinute"`;
  return rows.map((row) => ({ ...row, endMinute: row.startMinute + slotMinutes }));
}

/**
 * Voters of the topic with no time at all for it: no weekly availability, or a narrowing that
 * leaves nothing of it.
 */
export async function topicVotersWithoutAvailability(prisma: PrismaClient, topicId: string): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ count: number }>>`
    WITH ${effectiveCells(topicId)}
    SELECT count(*)::int AS "count" FROM voters vo
    WHERE NOT EXISTS (SELECT 1 FROM effective e WHERE e."voteId" = vo."voteId" AND e."level" > 0)`;
  return row.count;
}
