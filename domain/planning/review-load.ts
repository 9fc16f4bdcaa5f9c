import type { PrismaClient } from "../../prisma/client";
import type { Prisma } from "../../prisma/generated/client";
import type { Instance } from "../../scheduler/types";
import { addDays, dateKey, fromDateKey } from "../centre-time";
import type { LiveSession } from "./review";

/** The client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient | PrismaClient;

export type ReviewContext = {
  runId: string;
  instance: Instance;
  /** Site.id → Site.code (the instance's site ids) and back. */
  siteCodeById: Map<string, string>;
  siteIdByCode: Map<string, string>;
  /** The run's PROPOSED and APPROVED sessions and every other SCHEDULED TrainingSession near the horizon. */
  live: LiveSession[];
};

type SlotRow = {
  id: string;
  topicId: string;
  trainerId: string;
  siteId: string | null;
  roomId: string | null;
  date: Date;
  startMinute: number;
  endMinute: number;
};

function toLive(row: SlotRow, codes: Map<string, string>, kind: LiveSession["kind"], attendeeIds: readonly string[] = []): LiveSession {
  return {
    id: row.id,
    kind,
    topicId: row.topicId,
    trainerId: row.trainerId,
    siteCode: row.siteId ? (codes.get(row.siteId) ?? row.siteId) : null,
    roomId: row.roomId,
    date: dateKey(row.date),
    startMinute: row.startMinute,
    endMinute: row.endMinute,
    attendeeIds,
  };
}

/** The run's frozen instance, if the run exists and finished. */
export async function loadRun(tx: Tx, runId: string) {
  return tx.planningRun.findUnique({ where: { id: runId }, select: { id: true, status: true, instance: true } });
}

/**
 * Everything the checks read. The TrainingSession window spans the horizon plus a week on each side,
 * enough for weekly hours of any week the horizon touches.
 */
export async function loadReviewContext(tx: Tx, runId: string, frozen: Instance, dates: readonly string[]): Promise<ReviewContext> {
  const instance = await withTodaysCalendar(tx, frozen, dates);
  const sites = await tx.site.findMany({ select: { id: true, code: true } });
  const siteCodeById = new Map(sites.map((site) => [site.id, site.code]));
  const siteIdByCode = new Map(sites.map((site) => [site.code, site.id]));
  const start = fromDateKey(instance.horizon.start);
  const [proposals, sessions] = await Promise.all([
    tx.proposedSession.findMany({
      where: { runId, state: { in: ["PROPOSED", "APPROVED"] } },
      orderBy: { id: "asc" },
    }),
    tx.trainingSession.findMany({
      where: {
        status: "SCHEDULED",
        date: { gte: addDays(start, -7), lt: addDays(start, instance.horizon.days + 7) },
        OR: [{ proposedSessionId: null }, { proposedSession: { runId: { not: runId } } }],
      },
      select: { id: true, topicId: true, trainerId: true, siteId: true, roomId: true, date: true, startMinute: true, endMinute: true },
    }),
  ]);
  const live = [
    ...proposals.map((row) => toLive(row, siteCodeById, "proposal", row.attendeeIds)),
    ...sessions.map((row) => toLive(row, siteCodeById, "session")),
  ];
  return { runId, instance, siteCodeById, siteIdByCode, live };
}

/**
 * Row locks that serialise every check-then-write touching the same trainer or room (edits and
 * approvals of any run), always in one order: trainers, then rooms, each sorted.
 */
export async function lockResources(tx: Tx, trainerIds: Iterable<string>, roomIds: Iterable<string | null>) {
  const trainers = [...new Set(trainerIds)].sort();
  const rooms = [...new Set([...roomIds].filter((id): id is string => id !== null))].sort();
  if (trainers.length > 0) {
    await tx.$queryRaw`SELECT "id" FROM "Trainer" WHERE "id" = ANY(${trainers}::text[]) ORDER BY "id" FOR NO KEY UPDATE`;
  }
  if (rooms.length > 0) {
    await tx.$queryRaw`SELECT "id" FROM "Room" WHERE "id" = ANY(${rooms}::text[]) ORDER BY "id" FOR NO KEY UPDATE`;
  }
}

/**
 * The run's instance was frozen when it started; since then a manager may have closed a day, given a
 * trainer a day off or made a room smaller. Checks of an edit or an approval on `dates` use the
 * calendar and capacities as they are now. The closed-date lock for those dates (the one
 * addClosedDate takes) keeps a closure from slipping in until this transaction ends; trainers' days
 * off are covered by the trainer row locks (lockResources, setTrainerDaysOff).
 */
async function withTodaysCalendar(tx: Tx, frozen: Instance, dates: readonly string[]): Promise<Instance> {
  const days = [...new Set(dates)].sort().map(fromDateKey);
  for (const day of days) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('closed-date'), ${Math.floor(day.getTime() / 86_400_000)}::int)`;
  }
  const [closed, daysOff, rooms] = await Promise.all([
    tx.closedDate.findMany({ where: { date: { in: days } }, select: { date: true, site: { select: { code: true } } } }),
    tx.trainerDayOff.findMany({ where: { date: { in: days } }, select: { trainerId: true, date: true } }),
    tx.room.findMany({ select: { id: true, capacity: true } }),
  ]);
  const centreClosed = closed.filter((row) => row.site === null).map((row) => dateKey(row.date));
  const closedAt = (code: string) => closed.filter((row) => row.site?.code === code).map((row) => dateKey(row.date));
  const offFor = (trainerId: string) => daysOff.filter((row) => row.trainerId === trainerId).map((row) => dateKey(row.date));
  const capacity = new Map(rooms.map((room) => [room.id, room.capacity]));
  const union = (list: readonly string[] | undefined, more: readonly string[]) => [...new Set([...(list ?? []), ...more])].sort();
  return {
    ...frozen,
    sites: frozen.sites.map((site) => ({
      ...site,
      closedDates: union(site.closedDates, [...centreClosed, ...closedAt(site.id)]),
      rooms: site.rooms.map((room) => ({ ...room, capacity: capacity.get(room.id) ?? room.capacity })),
    })),
    trainers: frozen.trainers.map((trainer) => ({
      ...trainer,
      unavailableDates: union(trainer.unavailableDates, [...centreClosed, ...offFor(trainer.id)]),
    })),
  };
}
