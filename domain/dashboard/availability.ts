import type { PrismaClient } from "../../prisma/client";
import { Prisma } from "../../prisma/generated/client";
import { countSpansPerCell, SPAN_CELLS, topicDemandHeatmap, type HeatmapCell } from "../demand-heatmap";
import { isEveryone, staffCondition, type StaffScope } from "./scope";

/**
 * Every cell of the weekly grid (7 × 24, weekday then time) with how many staff in scope can come
 * then, preferred and if need be, from their weekly availability, in one query (countSpansPerCell,
 * each window shape weighing the number of staff who painted it). Windows are
 * stored normalised (disjoint per user and weekday), so nobody is counted twice in a cell.
 */
export async function staffAvailabilityHeatmap(prisma: PrismaClient, scope: StaffScope): Promise<HeatmapCell[]> {
  // Painted grids repeat: staff share window shapes, so windows are counted per shape first.
  const availability = isEveryone(scope)
    ? Prisma.sql`"UserAvailability" a`
    : Prisma.sql`"UserAvailability" a JOIN "User" u ON u."id" = a."userId" AND ${staffCondition(scope)}`;
  const windows = Prisma.sql`SELECT a."weekday", a."startMinute" AS "s", a."endMinute" AS "e", a."strength", count(*) AS "n"
                             FROM ${availability} GROUP BY 1, 2, 3, 4`;
  return countSpansPerCell(
    prisma,
    Prisma.sql`spans AS (
      SELECT "weekday", "n", CASE "strength" WHEN 'PREFERRED' THEN 2 ELSE 1 END AS "level", ${SPAN_CELLS}
      FROM (${windows}) w
    )`,
    Prisma.sql`"n"`,
  );
}

/** A topic's voters in scope with their effective availability (Topic.demandHeatmap, filtered). */
export function topicAvailabilityHeatmap(prisma: PrismaClient, scope: StaffScope, topicId: string): Promise<HeatmapCell[]> {
  return topicDemandHeatmap(prisma, topicId, isEveryone(scope) ? undefined : staffCondition(scope));
}

