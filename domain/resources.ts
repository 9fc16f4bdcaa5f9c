import type { PrismaClient } from "../prisma/client";
import { fromDateKey } from "./centre-time";
import type { RoomFields, SiteFields } from "./resource-rules";

/**
 * Sites, rooms and the closed-day calendar. Input arrives already checked against
 * resource-rules.ts; what needs the database (uniqueness, existence, sessions in the way) is
 * checked here, inside the writing transaction. Expected failures are returned, never thrown.
 */
export type FieldProblem = { path: string[]; message: string };
export type ResourceConflictCode =
  | "ROOM_HAS_UPCOMING_SESSIONS"
  | "ROOM_HAS_PAST_SESSIONS"
  | "SESSIONS_ON_CLOSED_DATE";

export type Outcome<T> =
  | { kind: "ok"; value: T }
  | { kind: "missing" }
  | { kind: "invalid"; problems: FieldProblem[] }
  | { kind: "conflict"; code: ResourceConflictCode; message: string };

export const invalid = (path: string[], message: string): Outcome<never> => ({ kind: "invalid", problems: [{ path, message }] });
const ok = <T>(value: T): Outcome<T> => ({ kind: "ok", value });
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

// ---- sites -------------------------------------------------------------------------------------

export async function saveSite(prisma: PrismaClient, siteId: string | null, fields: SiteFields): Promise<Outcome<{ id: string }>> {
  const holder = await prisma.site.findUnique({ where: { code: fields.code }, select: { id: true, name: true } });
  if (holder && holder.id !== siteId) return invalid(["code"], `is already used by the site «${holder.name}»`);
  try {
    if (siteId === null) return ok(await prisma.site.create({ data: fields, select: { id: true } }));
    const updated = await prisma.site.updateMany({ where: { id: siteId }, data: fields });
    return updated.count ? ok({ id: siteId }) : { kind: "missing" };
  } catch (error) {
    if (isUniqueViolation(error)) return invalid(["code"], "is already used by another site");
    throw error;
  }
}

// ---- rooms -------------------------------------------------------------------------------------

const roomNameTaken = (name: string) => invalid(["name"], `a room named «${name}» already exists at this site`);

export async function createRoom(prisma: PrismaClient, siteId: string, fields: RoomFields): Promise<Outcome<{ id: string }>> {
  const site = await prisma.site.findUnique({ where: { id: siteId }, select: { id: true } });
  if (!site) return invalid(["siteId"], "unknown site");
  const twin = await prisma.room.findFirst({ where: { siteId, name: { equals: fields.name, mode: "insensitive" } }, select: { id: true } });
  if (twin) return roomNameTaken(fields.name);
  try {
    return ok(await prisma.room.create({ data: { siteId, ...fields }, select: { id: true } }));
  } catch (error) {
    if (isUniqueViolation(error)) return roomNameTaken(fields.name);
    throw error;
  }
}

export async function updateRoom(prisma: PrismaClient, roomId: string, fields: RoomFields): Promise<Outcome<{ id: string }>> {
  const room = await prisma.room.findUnique({ where: { id: roomId }, select: { siteId: true } });
  if (!room) return { kind: "missing" };
  const twin = await prisma.room.findFirst({
    where: { siteId: room.siteId, id: { not: roomId }, name: { equals: fields.name, mode: "insensitive" } },
    select: { id: true },
  });
  if (twin) return roomNameTaken(fields.name);
  try {
    await prisma.room.update({ where: { id: roomId }, data: fields, select: { id: true } });
    return ok({ id: roomId });
  } catch (error) {
    if (isUniqueViolation(error)) return roomNameTaken(fields.name);
    throw error;
  }
}

/**
 * Deletes a room no approved session uses. The room row is locked first, so a session approved
 * into it concurrently either commits before (and is counted) or fails its foreign-key check after.
 * Past sessions keep their room for history (the foreign key restricts), so such a room stays.
 */
export async function deleteRoom(prisma: PrismaClient, roomId: string, now: Date): Promise<Outcome<{ id: string; siteId: string }>> {
  return prisma.$transaction(async (tx) => {
    const [room] = await tx.$queryRaw<Array<{ siteId: string; name: string }>>`SELECT "siteId", "name" FROM "Room" WHERE "id" = ${roomId} FOR UPDATE`;
    if (!room) return { kind: "missing" } as const;
    const upcoming = await tx.trainingSession.count({ where: { roomId, status: "SCHEDULED", endsAt: { gt: now } } });
    if (upcoming > 0) {
      return {
        kind: "conflict",
        code: "ROOM_HAS_UPCOMING_SESSIONS",
        message: `The room «${room.name}» has ${upcoming} upcoming session(s); move or cancel them first`,
      } as const;
    }
    const past = await tx.trainingSession.count({ where: { roomId } });
    if (past > 0) {
      return {
        kind: "conflict",
        code: "ROOM_HAS_PAST_SESSIONS",
        message: `The room «${room.name}» is kept for the history of ${past} past or cancelled session(s); rename it instead`,
      } as const;
    }
    await tx.room.delete({ where: { id: roomId } });
    return ok({ id: roomId, siteId: room.siteId });
  }, { maxWait: 10_000 });
}

// ---- closed dates ------------------------------------------------------------------------------

export type ClosedDateFields = { siteId: string | null; date: string; reason: string };

/**
 * Closes the whole centre (siteId null) or one site on a date. Refused when the date is already
 * closed for it (or the whole centre is), or when scheduled sessions take place there that day.
 */
export async function addClosedDate(prisma: PrismaClient, fields: ClosedDateFields): Promise<Outcome<{ id: string }>> {
  const date = fromDateKey(fields.date);
  return prisma.$transaction(async (tx) => {
    if (fields.siteId !== null) {
      const site = await tx.site.findUnique({ where: { id: fields.siteId }, select: { id: true } });
      if (!site) return invalid(["siteId"], "unknown site");
    }
    // Serialises additions for one date: the (siteId, date) unique index treats NULL site ids as distinct.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('closed-date'), ${Math.floor(date.getTime() / 86_400_000)}::int)`;
    const existing = await tx.closedDate.findFirst({
      where: { date, OR: [{ siteId: null }, { siteId: fields.siteId }] },
      select: { siteId: true },
    });
    if (existing) {
      return invalid(["date"], existing.siteId === null ? `the whole centre is already closed on ${fields.date}` : `is already closed on ${fields.date}`);
    }
    const sessions = await tx.trainingSession.count({
      where: { date, status: "SCHEDULED", ...(fields.siteId !== null ? { siteId: fields.siteId } : {}) },
    });
    if (sessions > 0) {
      return {
        kind: "conflict",
        code: "SESSIONS_ON_CLOSED_DATE",
        message: `${sessions} scheduled session(s) take place there on ${fields.date}; move or cancel them first`,
      } as const;
    }
    return ok(await tx.closedDate.create({ data: { siteId: fields.siteId, date, reason: fields.reason }, select: { id: true } }));
  }, { maxWait: 10_000 });
}

export async function removeClosedDate(prisma: PrismaClient, closedDateId: string): Promise<Outcome<{ id: string }>> {
  const removed = await prisma.closedDate.deleteMany({ where: { id: closedDateId } });
  return removed.count ? ok({ id: closedDateId }) : { kind: "missing" };
}
