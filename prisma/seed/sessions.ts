import { addDays, centreInstant, centreWallClock, clockTime, dateKey, fromDateKey, isoWeekday } from "../../domain/centre-time";
import { isOnlineFormat } from "../../domain/demand";
import type { SessionScheduledPayload } from "../../domain/planning/approve";
import { checkSession, contractCapacity, type LiveSession, type SessionSlot } from "../../domain/planning/review";
import { planTransition } from "../../domain/topic-status";
import type { Instance } from "../../scheduler/types";
import type { Prisma } from "../generated/client";
import type { TopicStatus } from "../generated/enums";
import type { Random } from "./random";

// The demo Training Centre has already planned and approved a few sessions of its most wanted
// topics: some were held in the last two weeks (attendance marked, so the dashboard shows no-show
// rates), the rest lie in the next three weeks with bookings and, on one, a waitlist. Every session
// is placed by the review's own hard-constraint check (checkSession), rows are shaped as approval
// and booking write them: counters equal to the booking rows, topics SCHEDULED with a moderation
// record, a SESSION_SCHEDULED notification for every voter.

/** The rows of the plan the sessions are built from (already generated, ids included). */
export type SessionWorld = {
  sites: ReadonlyArray<{ id: string; code: string; opensMinute: number; closesMinute: number }>;
  rooms: ReadonlyArray<{ id: string; siteId: string; capacity: number }>;
  trainers: ReadonlyArray<{ id: string; maxHoursPerWeek: number; userId?: string | null }>;
  trainerSites: ReadonlyArray<{ trainerId: string; siteId: string }>;
  trainerTopics: ReadonlyArray<{ trainerId: string; topicId: string }>;
  trainerAvailability: ReadonlyArray<{ trainerId: string; weekday: number; startMinute: number; endMinute: number }>;
  topics: ReadonlyArray<{
    id: string;
    format: string;
    durationMinutes: number;
    minParticipants: number;
    maxParticipants: number;
    status: TopicStatus;
    voteCount?: number;
  }>;
  votes: ReadonlyArray<{ userId: string; topicId: string }>;
  users: ReadonlyArray<{ id: string; onlineOk?: boolean }>;
  userSitePreferences: ReadonlyArray<{ userId: string; siteId: string }>;
  userAvailability: ReadonlyArray<{ userId: string; weekday: number; startMinute: number; endMinute: number }>;
};

export type SeedSessions = {
  /** Topic id → the status approval gave it and when. */
  scheduledTopics: Map<string, Date>;
  trainingSessions: Prisma.TrainingSessionCreateManyInput[];
  bookings: Prisma.BookingCreateManyInput[];
  /** One SESSION_SCHEDULED notification per voter of the topic each; written with INSERT … SELECT. */
  announcements: SessionAnnouncement[];
  moderationActions: Prisma.ModerationActionCreateManyInput[];
};

/**
 * What approval tells the voters of a session's topic. The writer fans it out to the voters in the
 * database, as approveProposedSessions does, instead of shipping a row per voter from here.
 */
export type SessionAnnouncement = {
  sessionId: string;
  topicId: string;
  payload: SessionScheduledPayload;
  createdAt: Date;
  /** Share of the voters who have read it (picked by a hash of session and person), 0–1. */
  readShare: number;
};

export type SessionOptions = {
  random: Random;
  ids: Random;
  now: Date;
  managerId: string;
  /** The demo staff member who holds one seat and one place on a waitlist (week 3). */
  demoStaffId: string;
  voterPriorityHours?: number;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SLOT_MINUTES = 30;
const SCHEDULED_TOPICS = 7;
// Days relative to today (centre time): held sessions in the last two weeks, each topic's next
// session within 12 days and another in week 3. The demo staff member's bookings are in week 3,
// after any one-week planning run from next Monday, so what a manager plans there comes first in
// her list (the browser tests rely on it). The seed writes no closed dates, so none are checked.
const PAST_WINDOWS: ReadonlyArray<[number, number]> = [[-14, -2], [-13, -2], [-10, -1], [-8, -1]];
const FIRST_WINDOW: [number, number] = [1, 12];
const WEEK_THREE: [number, number] = [15, 21];
const DEMO_STAFF_FROM_DAY = 15;
// Starts a training centre actually uses, most usual first (shuffled within each group).
const USUAL_STARTS = [[600, 540, 840, 900], [660, 960, 720, 480, 1020], [570, 630, 870, 930, 990, 1080]];
const NO_SHOW_RATE = 0.15;

type Placed = LiveSession & { capacity: number; online: boolean; past: boolean; approvedAt: Date };

export function planSeedSessions(world: SessionWorld, options: SessionOptions): SeedSessions {
  const { random, ids, now, managerId, demoStaffId } = options;
  const priorityMs = (options.voterPriorityHours ?? 48) * HOUR_MS;
  const today = centreWallClock(now).date;
  const first = addDays(today, PAST_WINDOWS.reduce((min, [from]) => Math.min(min, from), 0));
  const horizonDays = Math.round((addDays(today, WEEK_THREE[1]).getTime() - first.getTime()) / DAY_MS) + 1;

  const siteCodeById = new Map(world.sites.map((site) => [site.id, site.code]));
  const instance: Instance = {
    version: 1,
    timezone: "Europe/Moscow",
    horizon: { start: dateKey(first), days: horizonDays },
    slotMinutes: SLOT_MINUTES,
    sites: world.sites.map((site) => ({
      id: site.code,
      opens: clockTime(site.opensMinute),
      closes: clockTime(site.closesMinute),
      closedDates: [],
      rooms: world.rooms.filter((room) => room.siteId === site.id).map((room) => ({ id: room.id, capacity: room.capacity })),
    })),
    trainers: world.trainers.map((trainer) => ({
      id: trainer.id,
      topics: world.trainerTopics.filter((row) => row.trainerId === trainer.id).map((row) => row.topicId),
      sites: world.trainerSites.filter((row) => row.trainerId === trainer.id).map((row) => siteCodeById.get(row.siteId)!),
      availability: world.trainerAvailability
        .filter((row) => row.trainerId === trainer.id)
        .map((row) => ({ weekday: row.weekday, from: clockTime(row.startMinute), to: clockTime(row.endMinute) })),
      maxHoursPerWeek: trainer.maxHoursPerWeek,
    })),
    topics: world.topics.map((topic) => ({
      id: topic.id,
      durationMinutes: topic.durationMinutes,
      online: isOnlineFormat(topic.format),
      minParticipants: topic.minParticipants,
      maxParticipants: topic.maxParticipants,
    })),
    demand: [],
  };

  // The most wanted topics approval may still schedule and somebody can teach.
  const taught = new Set(world.trainerTopics.map((row) => row.topicId));
  const chosen = world.topics
    .filter((topic) => taught.has(topic.id) && planTransition(topic.status, "SCHEDULED", "approval").ok)
    .sort((a, b) => (b.voteCount ?? 0) - (a.voteCount ?? 0) || a.id.localeCompare(b.id))
    .slice(0, SCHEDULED_TOPICS);

  const requests: Array<{ topicId: string; window: [number, number] }> = [
    ...PAST_WINDOWS.map((window, i) => ({ topicId: chosen[i % chosen.length]?.id, window })),
    ...chosen.map((topic) => ({ topicId: topic.id, window: FIRST_WINDOW })),
    ...chosen.map((topic) => ({ topicId: topic.id, window: WEEK_THREE })),
  ].filter((request): request is { topicId: string; window: [number, number] } => request.topicId !== undefined);

  const placed: Placed[] = [];
  for (const request of requests) {
    const slot = placeSession(instance, request.topicId, request.window, today, placed, random);
    if (!slot) continue;
    const startsAt = centreInstant(fromDateKey(slot.date), slot.startMinute);
    const past = request.window[1] < 0;
    // Past sessions were approved a week or two ahead, upcoming ones over the last days: some of
    // the nearer ones are still voters-only; week 3's are open to everybody.
    const approvedAt = past
      ? new Date(startsAt.getTime() - random.int(7, 12) * DAY_MS)
      : new Date(now.getTime() - random.int(request.window === WEEK_THREE ? 3 * 24 : 24, 6 * 24) * HOUR_MS);
    placed.push({
      ...slot,
      id: ids.id(),
      attendeeIds: [],
      kind: "session",
      capacity: contractCapacity(instance, slot.topicId, slot.roomId)!,
      online: slot.roomId === null,
      past,
      approvedAt,
    });
  }
  placed.sort((a, b) => a.date.localeCompare(b.date) || a.startMinute - b.startMinute || a.id.localeCompare(b.id));

  const siteIdByCode = new Map(world.sites.map((site) => [site.code, site.id]));
  const trainerUser = new Map(world.trainers.map((trainer) => [trainer.id, trainer.userId ?? null]));
  const trainingSessions: Prisma.TrainingSessionCreateManyInput[] = [];
  const announcements: SessionAnnouncement[] = [];
  const scheduledTopics = new Map<string, Date>();

  for (const session of placed) {
    const date = fromDateKey(session.date);
    const startsAt = centreInstant(date, session.startMinute);
    trainingSessions.push({
      id: session.id,
      topicId: session.topicId,
      trainerId: session.trainerId,
      siteId: session.siteCode === null ? null : siteIdByCode.get(session.siteCode)!,
      roomId: session.roomId,
      date,
      startMinute: session.startMinute,
      endMinute: session.endMinute,
      startsAt,
      endsAt: centreInstant(date, session.endMinute),
      capacity: session.capacity,
      votersOnlyUntil: new Date(session.approvedAt.getTime() + priorityMs),
      approvedById: managerId,
      approvedAt: session.approvedAt,
    });
    const earliest = scheduledTopics.get(session.topicId);
    if (!earliest || session.approvedAt < earliest) scheduledTopics.set(session.topicId, session.approvedAt);
    const payload: SessionScheduledPayload = {
      date: session.date,
      start: clockTime(session.startMinute),
      end: clockTime(session.endMinute),
      startsAt: startsAt.toISOString(),
      actorId: managerId,
    };
    // Old news has been read; the last days' is still waiting in most bells.
    announcements.push({ sessionId: session.id, topicId: session.topicId, payload, createdAt: session.approvedAt, readShare: session.past ? 1 : 0.3 });
  }

  // The record changeTopicStatusIn leaves when approval schedules a topic.
  const moderationActions: Prisma.ModerationActionCreateManyInput[] = [];
  for (const topic of world.topics) {
    const transition = planTransition(topic.status, "SCHEDULED", "approval");
    const scheduledAt = scheduledTopics.get(topic.id);
    if (!scheduledAt || !transition.ok || transition.unchanged) continue;
    moderationActions.push({
      id: ids.id(),
      topicId: topic.id,
      actorId: managerId,
      kind: transition.kind,
      details: { fromStatus: topic.status, toStatus: "SCHEDULED" },
      createdAt: scheduledAt,
    });
  }

  const bookings = planBookings(world, placed, trainingSessions, { random, ids, now, demoStaffId, trainerUser, managerId, siteIdByCode });
  return { scheduledTopics, trainingSessions, bookings, announcements, moderationActions };
}

/** The first slot (days, usual starts, trainers and rooms in random order) the review accepts. */
function placeSession(
  instance: Instance,
  topicId: string,
  [fromDay, toDay]: [number, number],
  today: Date,
  placed: readonly LiveSession[],
  random: Random,
): SessionSlot | null {
  const topic = instance.topics.find((entry) => entry.id === topicId)!;
  const days = random.shuffle(Array.from({ length: toDay - fromDay + 1 }, (_, i) => fromDay + i));
  const starts = USUAL_STARTS.flatMap((group) => random.shuffle(group));
  const trainers = random.shuffle(instance.trainers.filter((trainer) => trainer.topics.includes(topicId)));
  for (const day of days) {
    const date = dateKey(addDays(today, day));
    for (const startMinute of starts) {
      for (const trainer of trainers) {
        const places: Array<{ siteCode: string | null; roomId: string | null }> = topic.online
          ? [{ siteCode: null, roomId: null }]
          : random.shuffle(trainer.sites).flatMap((code) => roomsFor(instance, code, topic).map((roomId) => ({ siteCode: code, roomId })));
        for (const place of places) {
          const slot: SessionSlot = { topicId, trainerId: trainer.id, ...place, date, startMinute, endMinute: startMinute + topic.durationMinutes };
          if (checkSession(instance, slot, placed).length === 0) return slot;
        }
      }
    }
  }
  return null;
}

/** Rooms of the site that seat the group: the smallest that takes the whole group first. */
function roomsFor(instance: Instance, siteCode: string, topic: Instance["topics"][number]): string[] {
  const rooms = instance.sites.find((site) => site.id === siteCode)?.rooms ?? [];
  const whole = rooms.filter((room) => room.capacity >= topic.maxParticipants).sort((a, b) => a.capacity - b.capacity);
  const part = rooms
    .filter((room) => room.capacity < topic.maxParticipants && room.capacity >= topic.minParticipants)
    .sort((a, b) => b.capacity - a.capacity);
  return [...whole, ...part].map((room) => room.id);
}

type BookingContext = {
  random: Random;
  ids: Random;
  now: Date;
  demoStaffId: string;
  managerId: string;
  trainerUser: Map<string, string | null>;
  siteIdByCode: Map<string, string>;
};

/**
 * Voters book the sessions of their topic that suit them (their site, on-line if they accept it),
 * each at most one session per topic and never two at once. Queue numbers follow the booking
 * times; the first `capacity` are confirmed, the rest wait, as bookSession decides.
 */
function planBookings(
  world: SessionWorld,
  placed: readonly Placed[],
  rows: Prisma.TrainingSessionCreateManyInput[],
  context: BookingContext,
): Prisma.BookingCreateManyInput[] {
  const { random, ids, now, demoStaffId } = context;
  const votersOf = groupBy(world.votes, (vote) => vote.topicId, (vote) => vote.userId);
  const sitesOf = groupBy(world.userSitePreferences, (row) => row.userId, (row) => row.siteId);
  const windowsOf = groupBy(world.userAvailability, (row) => row.userId, (row) => row);
  const onlineOk = new Map(world.users.map((user) => [user.id, user.onlineOk ?? true]));
  const busy = new Map<string, Array<{ date: string; from: number; to: number }>>();
  const holds = new Set<string>();
  const anyVoter = [...new Set(world.votes.map((vote) => vote.userId))].sort();
  const bookings: Prisma.BookingCreateManyInput[] = [];

  const isFree = (userId: string, session: Placed) =>
    !holds.has(`${userId}\u0000${session.topicId}`) &&
    !(busy.get(userId) ?? []).some((b) => b.date === session.date && b.from < session.endMinute && session.startMinute < b.to);
  const take = (userId: string, session: Placed) => {
    holds.add(`${userId}\u0000${session.topicId}`);
    busy.set(userId, [...(busy.get(userId) ?? []), { date: session.date, from: session.startMinute, to: session.endMinute }]);
  };

  // Week 3 holds the demo staff member's seat and the full session she waits for.
  const upcomingInPerson = placed.filter((s) => !s.past && !s.online && s.date >= dateKey(addDays(centreWallClock(now).date, DEMO_STAFF_FROM_DAY)));
  const fullSession = upcomingInPerson.slice().sort((a, b) => a.capacity - b.capacity || a.id.localeCompare(b.id))[0];
  const demoSeat = upcomingInPerson.find(
    (s) => s !== fullSession && s.topicId !== fullSession?.topicId && !(s.date === fullSession?.date && s.startMinute < fullSession.endMinute && fullSession.startMinute < s.endMinute),
  );

  placed.forEach((session, index) => {
    const row = rows[index];
    const weekday = isoWeekday(fromDateKey(session.date));
    const fits = (userId: string) =>
      (windowsOf.get(userId) ?? []).some((w) => w.weekday === weekday && w.startMinute <= session.startMinute && session.endMinute <= w.endMinute);
    const canCome = (userId: string) =>
      userId !== demoStaffId &&
      (session.online ? onlineOk.get(userId)! : (sitesOf.get(userId) ?? []).includes(context.siteIdByCode.get(session.siteCode!)!)) &&
      isFree(userId, session);
    const voters = random.shuffle(votersOf.get(session.topicId) ?? []).filter(canCome);
    const full = session === fullSession;
    const withDemoStaff = full || session === demoSeat;
    // Those whose week has room for it book first; a full house also draws colleagues from further away.
    const candidates = [...voters.filter(fits), ...voters.filter((userId) => !fits(userId))];
    if (full) {
      const inList = new Set(candidates);
      for (const userId of random.shuffle(anyVoter)) {
        if (!inList.has(userId) && userId !== demoStaffId && isFree(userId, session)) candidates.push(userId);
      }
    }

    const wanted = full
      ? session.capacity + random.int(2, 4)
      : session.past
        ? Math.round(session.capacity * (0.7 + random.next() * 0.3))
        : Math.round(session.capacity * (0.25 + random.next() * 0.5));
    const people = candidates.slice(0, wanted);
    if (session === demoSeat) people.splice(Math.floor(people.length / 2), 0, demoStaffId);
    if (full) people.push(demoStaffId);

    const startsAt = row.startsAt as Date;
    const from = session.approvedAt.getTime();
    const until = Math.min(now.getTime(), startsAt.getTime()) - HOUR_MS;
    // Voters may book at once; everybody else after the voters-only window.
    const opensForAll = (row.votersOnlyUntil as Date).getTime();
    // Where the demo staff member (no voter) or colleagues from afar book, everybody booked after
    // the voters-only window; queue numbers follow the booking times.
    const earliest = withDemoStaff ? Math.min(Math.max(from, opensForAll), until) : from;
    const times = people.map(() => earliest + Math.floor(random.next() * Math.max(0, until - earliest))).sort((a, b) => a - b);
    const markedBy = context.trainerUser.get(session.trainerId) ?? context.managerId;
    let noShows = 0;
    people.forEach((userId, i) => {
      take(userId, session);
      const confirmed = i < session.capacity;
      const createdAt = new Date(times[i]);
      let attendance: "ATTENDED" | "NO_SHOW" | null = null;
      if (session.past && confirmed) {
        // At least one empty chair per held session, so the dashboard's rates are not all zero.
        const last = i === Math.min(people.length, session.capacity) - 1;
        attendance = random.chance(NO_SHOW_RATE) || (last && noShows === 0) ? "NO_SHOW" : "ATTENDED";
        if (attendance === "NO_SHOW") noShows++;
      }
      const endsAt = row.endsAt as Date;
      bookings.push({
        id: ids.id(),
        sessionId: session.id,
        userId,
        status: confirmed ? "CONFIRMED" : "WAITLISTED",
        queueNumber: i + 1,
        attendance,
        attendanceById: attendance ? markedBy : null,
        createdAt,
        updatedAt: attendance ? new Date(Math.min(now.getTime(), endsAt.getTime() + HOUR_MS)) : createdAt,
      });
    });
    const confirmedCount = Math.min(people.length, session.capacity);
    row.seatsTaken = confirmedCount;
    row.waitlisted = people.length - confirmedCount;
    row.nextQueueNumber = people.length + 1;
  });
  return bookings;
}

function groupBy<T, V>(rows: readonly T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(value(row));
    else groups.set(k, [value(row)]);
  }
  return groups;
}
