import type { PrismaClient } from "../../prisma/client";
import { Prisma } from "../../prisma/generated/client";
import { AVAILABILITY_GRID } from "../availability";
import { topicDemandHeatmap, type HeatmapCell } from "../demand-heatmap";
import { isEveryone, staffCondition, type StaffScope } from "./scope";

const { slotMinutes, dayStartMinute, dayEndMinute } = AVAILABILITY_GRID;
const CELLS_PER_DAY = (dayEndMinute - dayStartMinute) / slotMinutes;

/**
 * Every cell of the weekly grid (7 × 24, weekday then time) with how many staff in scope can come
 * then, preferred and if need be, from their weekly availability. One query in the style of
 * topicDemandHeatmap: each window adds +1 at its first cell and −1 after its last, a running sum
 * per weekday gives the counts — the work grows with the windows, not windows × cells. Windows are
 * stored normalised (disjoint per user and weekday), so nobody is counted twice in a cell.
 */
export async function staffAvailabilityHeatmap(prisma: PrismaClient, scope: StaffScope): Promise<HeatmapCell[]> {
  // Painted grids repeat: staff share window shapes, so windows are counted per shape first.
  const windows = isEveryone(scope)
    ? Prisma.sql`SELECT a."weekday", a."startMinute" AS "s", a."endMinute" AS "e", a."strength", count(*) AS "n"
                 FROM "UserAvailability" a GROUP BY 1, 2, 3, 4`
    : Prisma.sql`SELECT a."weekday", a."startMinute" AS "s", a."endMinute" AS "e", a."strength", count(*) AS "n"
                 FROM "UserAvailability" a JOIN "User" u ON u."id" = a."userId" AND ${staffCondition(scope)}
                 GROUP BY 1, 2, 3, 4`;
  const rows = await prisma.$queryRaw<Array<{ weekday: number; cell: number; preferred: number; ifNeedBe: number }>>`
    WITH spans AS (
      SELECT "weekday", "n", CASE "strength" WHEN 'PREFERRED' THEN 2 ELSE 1 END AS "level",
             greatest(ceil(("s" - ${dayStartMinute}::int) / ${slotMinutes}::numeric)::int, 0) AS "cellFrom",
             least(floor(("e" - ${dayStartMinute}::int) / ${slotMinutes}::numeric)::int, ${CELLS_PER_DAY}::int) AS "cellTo"
      FROM (${windows}) w
    ),
    deltas AS (
      SELECT "weekday", "cell", "level", sum("d") AS "d" FROM (
        SELECT "weekday", "cellFrom" AS "cell", "level", "n" AS "d" FROM spans WHERE "cellTo" > "cellFrom"
        UNION ALL
        SELECT "weekday", "cellTo", "level", -"n" FROM spans WHERE "cellTo" > "cellFrom"
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

/** A topic's voters in scope with their effective availability (Topic.demandHeatmap, filtered). */
export function topicAvailabilityHeatmap(prisma: PrismaClient, scope: StaffScope, topicId: string): Promise<HeatmapCell[]> {
  return topicDemandHeatmap(prisma, topicId, isEveryone(scope) ? undefined : staffCondition(scope));
}

