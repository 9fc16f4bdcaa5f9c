import type { PrismaClient } from "../../prisma/client";
import { validateInstance } from "../../scheduler/validate";
import { addDays, clockTime, dateKey, fromDateKey } from "../centre-time";
import { buildDemandEntries } from "../demand-loader";
import { isOnlineFormat, type DemandEntry } from "../demand";

/**
 * Builds a scheduler-contract instance (/work/shared/scheduler-contract.md, v1, plus the optional
 * `reserved` extension) from the live database. Ids in the instance: sites by `code`, everything
 * else by its database id, so a proposal maps straight back to rows.
 */

export const PLANNING_SLOT_MINUTES = 30;
export const DEFAULT_TOPIC_LIMIT = 30;
/** Topics a planning run may consider; rejected, done and merged topics are never planned. */
export const PLANNABLE_STATUSES = ["NEW", "OPEN", "PLANNED", "SCHEDULED"] as const;

export type ReservedEntry = { trainerId: string; siteId: string; roomId: string | null; start: string; end: string };

export type PlanningInstance = {
  version: 1;
  timezone: "Europe/Moscow";
  horizon: { start: string; days: number };
  slotMinutes: number;
  sites: Array<{ id: string; opens: string; closes: string; closedDates: string[]; rooms: Array<{ id: string; capacity: number }> }>;
  trainers: Array<{
    id: string;
    topics: string[];
    sites: string[];
    availability: Array<{ weekday: number; from: string; to: string }>;
    unavailableDates: string[];
    maxHoursPerWeek: number;
  }>;
  topics: Array<{ id: string; durationMinutes: number; online: boolean; minParticipants: number; maxParticipants: number }>;
  demand: DemandEntry[];
  reserved?: ReservedEntry[];
};

export type BuildInstanceOptions = {
  /** "YYYY-MM-DD", the first planned day (centre wall clock). */
  horizonStart: string;
  horizonDays: number;
  /** Explicit topic ids (plannable ones are kept, in the given order); default: top demand. */
  topicIds?: ReadonlyArray<string> | null;
  topicLimit?: number;
  /** "Upcoming" sessions (whose bookings remove demand) start after this instant. Default: now. */
  now?: Date;
};

export class InstanceBuildError extends Error {
  constructor(readonly errors: string[]) {
    super(`the built instance is invalid: ${errors.slice(0, 5).join("; ")}`);
    this.name = "InstanceBuildError";
  }
}

/** The ids of the topics a run considers by default: open and new topics, most votes first. */
export async function defaultPlanningTopicIds(prisma: PrismaClient, limit = DEFAULT_TOPIC_LIMIT): Promise<string[]> {
  const rows = await prisma.topic.findMany({
    where: { status: { in: ["OPEN", "NEW"] } },
    orderBy: [{ voteCount: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

const plannable: ReadonlySet<string> = new Set(PLANNABLE_STATUSES);

export async function buildPlanningInstance(prisma: PrismaClient, options: BuildInstanceOptions): Promise<PlanningInstance> {
  const first = fromDateKey(options.horizonStart);
  const end = addDays(first, options.horizonDays); // exclusive
  const inHorizon = { gte: first, lt: end };
  const now = options.now ?? new Date();

  let topicIds: string[];
  if (options.topicIds && options.topicIds.length > 0) {
    const wanted = [...new Set(options.topicIds)];
    const rows = await prisma.topic.findMany({ where: { id: { in: wanted } }, select: { id: true, status: true } });
    const ok = new Set(rows.filter((row) => plannable.has(row.status)).map((row) => row.id));
    topicIds = wanted.filter((id) => ok.has(id));
  } else {
    topicIds = await defaultPlanningTopicIds(prisma, options.topicLimit ?? DEFAULT_TOPIC_LIMIT);
  }

  const [sites, closed, trainers, topics, demand, booked, approved] = await Promise.all([
    prisma.site.findMany({
      orderBy: { code: "asc" },
      select: { id: true, code: true, opensMinute: true, closesMinute: true, rooms: { select: { id: true, capacity: true }, orderBy: { id: "asc" } } },
    }),
    prisma.closedDate.findMany({ where: { date: inHorizon }, select: { siteId: true, date: true }, orderBy: { date: "asc" } }),
    prisma.trainer.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        maxHoursPerWeek: true,
        topics: { where: { topicId: { in: topicIds } }, select: { topicId: true } },
        sites: { select: { site: { select: { code: true } } } },
        availability: { select: { weekday: true, startMinute: true, endMinute: true }, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] },
        daysOff: { where: { date: inHorizon }, select: { date: true }, orderBy: { date: "asc" } },
      },
    }),
    prisma.topic.findMany({
      where: { id: { in: topicIds } },
      select: { id: true, format: true, durationMinutes: true, minParticipants: true, maxParticipants: true },
    }),
    buildDemandEntries(prisma, { topicIds }),
    // Who already holds a seat (or a place in the queue) at an upcoming session of a topic.
    prisma.booking.findMany({
      where: {
        status: { in: ["CONFIRMED", "WAITLISTED"] },
        session: { status: "SCHEDULED", topicId: { in: topicIds }, startsAt: { gt: now } },
      },
      select: { userId: true, session: { select: { topicId: true } } },
    }),
    prisma.trainingSession.findMany({
      where: { status: "SCHEDULED", date: inHorizon },
      orderBy: [{ date: "asc" }, { startMinute: "asc" }, { id: "asc" }],
      select: { trainerId: true, site: { select: { code: true } }, roomId: true, date: true, startMinute: true, endMinute: true },
    }),
  ]);

  const centreClosed = closed.filter((row) => row.siteId === null).map((row) => dateKey(row.date));
  const closedBySite = new Map<string, string[]>();
  for (const row of closed) {
    if (row.siteId !== null) closedBySite.set(row.siteId, [...(closedBySite.get(row.siteId) ?? []), dateKey(row.date)]);
  }
  const sortedUnique = (dates: string[]) => [...new Set(dates)].sort();

  const topicOrder = new Map(topicIds.map((id, index) => [id, index]));
  const holders = new Set(booked.map((row) => `${row.userId}\u0000${row.session.topicId}`));
  const stamp = (date: Date, minute: number) => `${dateKey(date)}T${clockTime(minute)}`;

  const instance: PlanningInstance = {
    version: 1,
    timezone: "Europe/Moscow",
    horizon: { start: options.horizonStart, days: options.horizonDays },
    slotMinutes: PLANNING_SLOT_MINUTES,
    sites: sites.map((site) => ({
      id: site.code,
      opens: clockTime(site.opensMinute),
      closes: clockTime(site.closesMinute),
      closedDates: sortedUnique([...centreClosed, ...(closedBySite.get(site.id) ?? [])]),
      rooms: site.rooms.map((room) => ({ id: room.id, capacity: room.capacity })),
    })),
    trainers: trainers.map((trainer) => ({
      id: trainer.id,
      topics: trainer.topics.map((row) => row.topicId).sort((a, b) => topicOrder.get(a)! - topicOrder.get(b)!),
      sites: trainer.sites.map((row) => row.site.code).sort(),
      availability: trainer.availability.map((w) => ({ weekday: w.weekday, from: clockTime(w.startMinute), to: clockTime(w.endMinute) })),
      // A centre-wide closed date also stops on-line sessions: every trainer is unavailable then.
      unavailableDates: sortedUnique([...trainer.daysOff.map((row) => dateKey(row.date)), ...centreClosed]),
      maxHoursPerWeek: trainer.maxHoursPerWeek,
    })),
    topics: topics
      .sort((a, b) => topicOrder.get(a.id)! - topicOrder.get(b.id)!)
      .map((topic) => ({
        id: topic.id,
        durationMinutes: topic.durationMinutes,
        online: isOnlineFormat(topic.format),
        minParticipants: topic.minParticipants,
        maxParticipants: topic.maxParticipants,
      })),
    demand: demand.filter((entry) => !holders.has(`${entry.personId}\u0000${entry.topicId}`)),
  };
  if (approved.length > 0) {
    instance.reserved = approved.map((session) => ({
      trainerId: session.trainerId,
      siteId: session.site?.code ?? "online",
      roomId: session.site ? session.roomId : null,
      start: stamp(session.date, session.startMinute),
      end: stamp(session.date, session.endMinute),
    }));
  }
  const checked = validateInstance(instance);
  if (!checked.ok) throw new InstanceBuildError(checked.errors);
  return instance;
}
