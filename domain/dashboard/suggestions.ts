import type { PrismaClient } from "../../prisma/client";
import { Prisma } from "../../prisma/generated/client";
import { centreZone, isEveryone, staffCondition, type StaffScope } from "./scope";

export type WeekCount = { weekStart: string; count: number };

/**
 * Topics suggested per ISO week (Monday start on the centre's clock), the last `weeks` weeks up
 * to and including the current one, oldest first, empty weeks as 0. Suggestions by staff in scope;
 * every suggestion counts whatever became of it (merged and rejected ones too). Topic(createdAt).
 */
export async function suggestionsPerWeek(prisma: PrismaClient, scope: StaffScope, now: Date, weeks: number): Promise<WeekCount[]> {
  if (weeks <= 0) return [];
  // Everyone includes topics whose author's account is gone (authorId null).
  const authored = isEveryone(scope)
    ? Prisma.sql`"Topic" t`
    : Prisma.sql`"Topic" t JOIN "User" u ON u."id" = t."authorId" AND ${staffCondition(scope)}`;
  return prisma.$queryRaw<WeekCount[]>`
    WITH bounds AS (
      SELECT date_trunc('week', ${now}::timestamptz AT TIME ZONE ${centreZone})::date AS "current"
    ),
    week_list AS (
      SELECT (b."current" - 7 * i)::date AS "weekStart" FROM bounds b, generate_series(0, ${weeks}::int - 1) i
    ),
    suggested AS (
      SELECT date_trunc('week', t."createdAt" AT TIME ZONE ${centreZone})::date AS "weekStart", count(*) AS "n"
      FROM ${authored}
      WHERE t."createdAt" >= ((SELECT min("weekStart") FROM week_list)::timestamp AT TIME ZONE ${centreZone})
      GROUP BY 1
    )
    SELECT to_char(w."weekStart", 'YYYY-MM-DD') AS "weekStart", coalesce(s."n", 0)::int AS "count"
    FROM week_list w LEFT JOIN suggested s ON s."weekStart" = w."weekStart"
    ORDER BY w."weekStart"`;
}
