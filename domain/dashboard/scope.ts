import { Prisma } from "../../prisma/generated/client";
import { CENTRE_TIMEZONE } from "../centre-time";

/**
 * Which staff a dashboard counts: everyone, or those of one office, those who prefer one site,
 * those fine with on-line sessions (all given conditions at once). Ids are database ids; an id
 * that names nothing simply matches nobody (empty figures, not an error).
 */
export type StaffScope = { officeId?: string | null; siteId?: string | null; onlineOnly?: boolean | null };

/** Topic statuses whose votes are live demand (the same as the votable ones). */
export const ACTIVE_STATUSES = ["NEW", "OPEN", "PLANNED", "SCHEDULED"] as const;

export const isEveryone = (scope: StaffScope) => !scope.officeId && !scope.siteId && !scope.onlineOnly;

/**
 * A condition on the user row aliased `alias` ("u" unless told) that keeps the staff in scope;
 * `TRUE` for everyone. The site test is an index probe on UserSitePreference(siteId, userId).
 */
export function staffCondition(scope: StaffScope, alias = "u"): Prisma.Sql {
  const u = Prisma.raw(`"${alias}"`);
  const parts: Prisma.Sql[] = [];
  if (scope.officeId) parts.push(Prisma.sql`${u}."officeId" = ${scope.officeId}`);
  if (scope.siteId) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "UserSitePreference" sp WHERE sp."userId" = ${u}."id" AND sp."siteId" = ${scope.siteId})`);
  }
  if (scope.onlineOnly) parts.push(Prisma.sql`${u}."onlineOk"`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/**
 * Votes in scope as a FROM item `alias` with the voter as `alias_u` when a filter needs them;
 * for everyone no join at all (the aggregates then use the Vote indexes alone).
 */
export function scopedVotes(scope: StaffScope, alias = "v"): Prisma.Sql {
  return Prisma.sql`"Vote" ${Prisma.raw(`"${alias}"`)} ${voterJoin(scope, alias)}`;
}

/** The JOIN that keeps only votes (aliased `alias`) of staff in scope; nothing for everyone. */
export function voterJoin(scope: StaffScope, alias = "v"): Prisma.Sql {
  if (isEveryone(scope)) return Prisma.empty;
  const u = Prisma.raw(`"${alias}_u"`);
  return Prisma.sql`JOIN "User" ${u} ON ${u}."id" = ${Prisma.raw(`"${alias}"`)}."userId" AND ${staffCondition(scope, `${alias}_u`)}`;
}

export const activeStatusList = Prisma.sql`('NEW', 'OPEN', 'PLANNED', 'SCHEDULED')`;

/** The Training Centre's time zone as an SQL literal parameter. */
export const centreZone = Prisma.sql`${CENTRE_TIMEZONE}::text`;
