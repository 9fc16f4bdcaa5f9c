import type { PrismaClient } from "../prisma/client";
import { Prisma } from "../prisma/generated/client";
import { AVAILABILITY_GRID } from "./availability";

export type HeatmapCell = { weekday: number; startMinute: number; endMinute: number; preferred: number; ifNeedBe: number };

const { slotMinutes, dayStartMinute, dayEndMinute } = AVAILABILITY_GRID;
const CELLS_PER_DAY = (dayEndMinute - dayStartMinute) / slotMinutes;

/**
 * The topic's voters' effective windows as cell spans, in SQL. Without narrowing a vote's windows
 * are the voter's weekly ones; with narrowing, the pairwise intersections with the weaker level
 * (2 = preferred, 1 = if need be) — the same rule as effectiveWindows() in demand.ts. Both sets are
 * stored normalised (disjoint per weekday), so a vote's spans are disjoint too. A span covers the
 * cells a window covers entirely: [cellFrom, cellTo) in 0…24 counted from 08:00.
 */
function effectiveSpans(topicId: string, voterCondition?: Prisma.Sql) {
  const voters = voterCondition
    ? Prisma.sql`"Vote" v JOIN "User" u ON u."id" = v."userId" AND ${voterCondition}`
    : Prisma.sql`"Vote" v`;
  return Prisma.sql`
    voters AS (
      SELECT v."id" AS "voteId", v."userId",
             EXISTS (SELECT 1 FROM "VoteWindow" w WHERE w."voteId" = v."id") AS "narrowed"
      FROM ${voters} WHERE v."topicId" = ${topicId}
    ),
    effective AS (
      SELECT vo."voteId", a."weekday", a."startMinute" AS "s", a."endMinute" AS "e",
             CASE a."strength" WHEN 'PREFERRED' THEN 2 ELSE 1 END AS "level"
      FROM voters vo JOIN "UserAvailability" a ON a."userId" = vo."userId"
      WHERE NOT vo."narrowed"
      UNION ALL
      SELECT vo."voteId", a."weekday", greatest(a."startMinute", w."startMinute"), least(a."endMinute", w."endMinute"),
             least(CASE a."strength" WHEN 'PREFERRED' THEN 2 ELSE 1 END, CASE w."strength" WHEN 'PREFERRED' THEN 2 ELSE 1 END)
      FROM voters vo
      JOIN "UserAvailability" a ON a."userId" = vo."userId"
      JOIN "VoteWindow" w ON w."voteId" = vo."voteId" AND w."weekday" = a."weekday"
                         AND w."startMinute" < a."endMinute" AND a."startMinute" < w."endMinute"
      WHERE vo."narrowed"
    ),
    spans AS (
      SELECT "voteId", "weekday", "level", ${SPAN_CELLS}
      FROM effective
    )`;
}

/** The grid cells a window from minute "s" to minute "e" covers entirely, as [cellFrom, cellTo) in 0…24. */
export const SPAN_CELLS = Prisma.sql`
  greatest(ceil(("s" - ${dayStartMinute}::int) / ${slotMinutes}::numeric)::int, 0) AS "cellFrom",
  least(floor(("e" - ${dayStartMinute}::int) / ${slotMinutes}::numeric)::int, ${CELLS_PER_DAY}::int) AS "cellTo"`;

/**
 * Counts per cell from the `spans` CTE (weekday, level, cellFrom, cellTo) that `ctes` defines, each
 * span weighing `weight`: a span adds its weight at its first cell and takes it away after its
 * last, and a running sum per weekday gives the counts — the work grows with the spans, not
 * spans × cells. Every cell of the grid is returned, weekday then time.
 */
export async function countSpansPerCell(prisma: PrismaClient, ctes: Prisma.Sql, weight: Prisma.Sql): Promise<HeatmapCell[]> {
  const rows = await prisma.$queryRaw<Array<{ weekday: number; cell: number; preferred: number; ifNeedBe: number }>>`
    WITH ${ctes},
    deltas AS (
      SELECT "weekday", "cell", "level", sum("d") AS "d" FROM (
        SELECT "weekday", "cellFrom" AS "cell", "level", ${weight} AS "d" FROM spans WHERE "cellTo" > "cellFrom"
        UNION ALL
        SELECT "weekday", "cellTo", "level", -(${weight}) FROM spans WHERE "cellTo" > "cellFrom"
      ) x GROUP BY "weekday", "cell", "level"
    ),
    cells AS (
      SELECT d AS "weekday", i AS "cell" FROM generate_series(1, 7) d CROSS JOIN generate_series(0, ${CELLS_PER_DAY - 1}::int) i
    ),
    per_cell AS (
      SELECT c."weekday", c."cell",
             coalesce(sum(x."d") FILTER (WHERE x."level" = 2), 0) AS "p",
             coalesce(sum(x."d") FILTER (WHERE x."level" = 1), 0) AS "n"
      FROM cells c LEFT JOIN deltas x ON x."weekday" = c."weekday" AND x."cell" = c."cell"
      GROUP BY c."weekday", c."cell"
    )
    SELECT "weekday", "cell", (sum("p") OVER w)::int AS "preferred", (sum("n") OVER w)::int AS "ifNeedBe"
    FROM per_cell
    WINDOW w AS (PARTITION BY "weekday" ORDER BY "cell")
    ORDER BY "weekday", "cell"`;
  return rows.map(({ weekday, cell, preferred, ifNeedBe }) => {
    const startMinute = dayStartMinute + cell * slotMinutes;
    return { weekday, startMinute, endMinute: startMinute + slotMinutes, preferred, ifNeedBe };
  });
}

/**
 * Every cell of the weekly grid (Monday 08:00 … Sunday 19:30, 7 × 24) with how many of the
 * topic's voters can come then, preferred and if need be. One query; no votes are loaded into JS;
 * each voter's span weighs 1 (countSpansPerCell). `voterCondition`
 * (on the voter's User row `u`) counts only some voters (the dashboard's office/site filters).
 */
export function topicDemandHeatmap(prisma: PrismaClient, topicId: string, voterCondition?: Prisma.Sql): Promise<HeatmapCell[]> {
  return countSpansPerCell(prisma, effectiveSpans(topicId, voterCondition), Prisma.sql`1`);
}

/**
 * Voters of the topic with no time at all for it: no weekly availability, or a narrowing that
 * leaves nothing of it.
 */
export async function topicVotersWithoutAvailability(prisma: PrismaClient, topicId: string): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ count: number }>>`
    WITH ${effectiveSpans(topicId)}
    SELECT count(*)::int AS "count" FROM voters vo
    WHERE NOT EXISTS (SELECT 1 FROM spans x WHERE x."voteId" = vo."voteId" AND x."cellTo" > x."cellFrom")`;
  return row.count;
}
