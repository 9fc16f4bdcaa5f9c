import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, centreWallClock, dateKey } from "../../domain/centre-time";
import { buildPlanningInstance } from "../../domain/planning/instance-builder";
import { checkSession, contractCapacity, type LiveSession } from "../../domain/planning/review";
import { buildSeedPlan } from "../../prisma/seed/plan";
import { DEMO_PASSWORD, formatDemoAccounts, seedDemoData } from "../../prisma/seed/seed-demo-data";
import type { SeedDemoDataResult } from "../../prisma/seed/seed-demo-data";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

const STAFF = 400;
let db: TestDatabase;
let first: SeedDemoDataResult;
let seedMs: number;
let seededAt: Date;

beforeAll(async () => {
  db = await createTestDatabase();
  seededAt = new Date();
  const started = performance.now();
  first = await seedDemoData(db.prisma, { staffCount: STAFF, seed: 7 });
  seedMs = performance.now() - started;
  console.info(`seedDemoData(${STAFF} staff): ${Math.round(seedMs)} ms`);
});

afterAll(async () => {
  await db?.drop();
});

describe("seedDemoData", () => {
  it("seeds the Training Centre's world", async () => {
    expect(first.seeded).toBe(true);
    expect(seedMs).toBeLessThan(20_000);
    const { prisma } = db;

    const sites = await prisma.site.findMany({ include: { rooms: true }, orderBy: { code: "asc" } });
    expect(sites.map((s) => s.code)).toEqual(["strogino", "vdnkh"]);
    for (const site of sites) expect([site.opensMinute, site.closesMinute]).toEqual([480, 1200]);
    expect(sites.flatMap((s) => s.rooms)).toHaveLength(7);
    expect(Math.max(...sites[1].rooms.map((r) => r.capacity))).toBeGreaterThanOrEqual(40);

    const offices = await prisma.office.findMany();
    expect(offices.length).toBeGreaterThanOrEqual(125);
    expect(new Set(offices.map((o) => o.district)).size).toBeGreaterThanOrEqual(10);

    expect(await prisma.user.count()).toBe(STAFF + 5);
    expect(await prisma.vote.count()).toBeGreaterThan(STAFF);
    expect(await prisma.userAvailability.count()).toBeGreaterThan(STAFF);
    expect(await prisma.userSitePreference.count()).toBeGreaterThanOrEqual(STAFF);

    const topics = await prisma.topic.findMany({ include: { trainers: true } });
    expect(topics.length).toBeGreaterThanOrEqual(60);
    expect(new Set(topics.map((t) => t.format)).size).toBe(5);
    expect(new Set(topics.map((t) => t.block)).size).toBe(2);
    for (const topic of topics) {
      expect(topic.durationMinutes % 30, topic.title).toBe(0);
      expect(topic.minParticipants, topic.title).toBeLessThanOrEqual(topic.maxParticipants);
      if (topic.status !== "NEW") expect(topic.trainers.length, topic.title).toBeGreaterThan(0);
    }
    const statuses = new Set(topics.map((t) => t.status));
    for (const status of ["NEW", "OPEN", "PLANNED", "SCHEDULED"] as const) expect(statuses).toContain(status);

    const trainers = await prisma.trainer.findMany({ include: { topics: true, sites: true, availability: true } });
    expect(trainers).toHaveLength(14);
    for (const trainer of trainers) {
      expect(trainer.topics.length, trainer.name).toBeGreaterThan(0);
      expect(trainer.sites.length, trainer.name).toBeGreaterThan(0);
      expect(trainer.availability.length, trainer.name).toBeGreaterThan(0);
    }
  });

  it("keeps voteCount equal to the number of votes for every topic", async () => {
    const topics = await db.prisma.topic.findMany({
      select: { id: true, voteCount: true, _count: { select: { votes: true } } },
    });
    for (const topic of topics) expect(topic.voteCount, topic.id).toBe(topic._count.votes);
    // Skewed popularity: the favourite topic gathers several times the median.
    const counts = topics.map((t) => t.voteCount).sort((a, b) => a - b);
    expect(counts[counts.length - 1]).toBeGreaterThan(3 * counts[Math.floor(counts.length / 2)]);
  });

  it("writes availability on the 30-minute grid inside the day", async () => {
    const windows = [
      ...(await db.prisma.userAvailability.findMany()),
      ...(await db.prisma.trainerAvailability.findMany()),
    ];
    for (const w of windows) {
      expect(w.weekday).toBeGreaterThanOrEqual(1);
      expect(w.weekday).toBeLessThanOrEqual(7);
      expect(w.startMinute % 30).toBe(0);
      expect(w.endMinute % 30).toBe(0);
      expect(w.startMinute).toBeLessThan(w.endMinute);
      expect(w.startMinute).toBeGreaterThanOrEqual(480);
      expect(w.endMinute).toBeLessThanOrEqual(1200);
    }
  });

  it("creates demo accounts for every role that sign in with the demo password", async () => {
    expect(first.accounts.map((a) => a.role).sort()).toEqual(["ADMIN", "MANAGER", "STAFF", "STAFF", "TRAINER"]);
    for (const account of first.accounts) {
      expect(account.password).toBe(DEMO_PASSWORD);
      const user = await db.prisma.user.findUniqueOrThrow({
        where: { email: account.email },
        include: { trainer: true, _count: { select: { votes: true } } },
      });
      expect(user.role).toBe(account.role);
      expect(user.name).toBe(account.name);
      expect(user.locale).toBe("ru");
      expect(await verify(user.passwordHash, DEMO_PASSWORD)).toBe(true);
      if (account.role === "STAFF") {
        expect(user._count.votes, account.email).toBe(0);
        expect(user.officeId).not.toBeNull();
      }
      if (account.role === "TRAINER") expect(user.trainer?.name).toBe(account.name);
    }
    const table = formatDemoAccounts(first.accounts);
    expect(table).toContain("staff2@spros.demo");
    expect(table).toContain(DEMO_PASSWORD);
  });

  it("is idempotent: a second run leaves the database alone", async () => {
    const counts = () =>
      Promise.all([db.prisma.user.count(), db.prisma.topic.count(), db.prisma.vote.count(), db.prisma.trainingSession.count(), db.prisma.booking.count()]);
    const before = await counts();
    const again = await seedDemoData(db.prisma, { staffCount: STAFF, seed: 7 });
    expect(again.seeded).toBe(false);
    expect(again.accounts).toEqual(first.accounts);
    const after = await counts();
    expect(after).toEqual(before);
  });

  it("plans the same rows for the same seed", () => {
    const options = { staffCount: 50, seed: 42, now: new Date("2026-11-23T12:00:00Z"), passwordHash: "x" };
    expect(buildSeedPlan(options)).toEqual(buildSeedPlan(options));
    expect(buildSeedPlan({ ...options, seed: 43 }).votes).not.toEqual(buildSeedPlan(options).votes);
  });

  it("schedules sessions of the most wanted topics that pass every hard constraint of the review", async () => {
    const { prisma } = db;
    const sessions = await prisma.trainingSession.findMany({
      include: { site: { select: { code: true } } },
      orderBy: [{ date: "asc" }, { startMinute: "asc" }, { id: "asc" }],
    });
    expect(sessions.length).toBeGreaterThanOrEqual(12);
    expect(sessions.length).toBeLessThanOrEqual(20);
    const today = centreWallClock(seededAt).date;
    const upcoming = sessions.filter((s) => s.startsAt > seededAt);
    const held = sessions.filter((s) => s.endsAt <= seededAt);
    expect(upcoming.length).toBeGreaterThanOrEqual(10);
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(upcoming.length + held.length).toBe(sessions.length);
    for (const session of sessions) {
      expect(session.status).toBe("SCHEDULED");
      expect(session.date.getTime()).toBeGreaterThanOrEqual(addDays(today, -21).getTime());
      expect(session.date.getTime()).toBeLessThanOrEqual(addDays(today, 21).getTime());
      expect(session.approvedAt.getTime()).toBeLessThan(Math.min(seededAt.getTime(), session.startsAt.getTime()));
    }

    // The planning instance the review would check against, built from the seeded rows.
    const horizonStart = dateKey(sessions[0].date);
    const days = Math.round((sessions[sessions.length - 1].date.getTime() - sessions[0].date.getTime()) / 86_400_000) + 1;
    const topicIds = [...new Set(sessions.map((s) => s.topicId))];
    const instance = await buildPlanningInstance(prisma, { horizonStart, horizonDays: days, topicIds, now: seededAt });
    const live: LiveSession[] = sessions.map((s) => ({
      id: s.id,
      kind: "session",
      attendeeIds: [],
      topicId: s.topicId,
      trainerId: s.trainerId,
      siteCode: s.site?.code ?? null,
      roomId: s.roomId,
      date: dateKey(s.date),
      startMinute: s.startMinute,
      endMinute: s.endMinute,
    }));
    for (const slot of live) {
      expect(checkSession(instance, slot, live.filter((other) => other.id !== slot.id)), slot.id).toEqual([]);
      expect(sessions.find((s) => s.id === slot.id)!.capacity).toBe(contractCapacity(instance, slot.topicId, slot.roomId));
    }

    // Their topics were scheduled as approval does: status, a moderation record, the most wanted first.
    const topics = await prisma.topic.findMany({ include: { moderation: true } });
    const scheduled = topics.filter((t) => t.status === "SCHEDULED");
    expect(scheduled.map((t) => t.id).sort()).toEqual([...topicIds].sort());
    for (const topic of scheduled) {
      expect(topic.moderation.map((m) => m.kind), topic.title).toEqual(["STATUS_CHANGE"]);
      expect(topic.moderation[0].details).toMatchObject({ toStatus: "SCHEDULED" });
    }
    const mostWanted = Math.max(...topics.map((t) => t.voteCount));
    expect(scheduled.some((t) => t.voteCount === mostWanted)).toBe(true);
  });

  it("keeps every session's seat counters equal to its bookings, the waitlist numbered 1..n in queue order", async () => {
    const sessions = await db.prisma.trainingSession.findMany({
      include: { bookings: { orderBy: { queueNumber: "asc" } } },
    });
    let waitlists = 0;
    let partly = 0;
    for (const session of sessions) {
      const confirmed = session.bookings.filter((b) => b.status === "CONFIRMED");
      const waiting = session.bookings.filter((b) => b.status === "WAITLISTED");
      expect(session.seatsTaken, session.id).toBe(confirmed.length);
      expect(session.waitlisted, session.id).toBe(waiting.length);
      expect(session.seatsTaken).toBeLessThanOrEqual(session.capacity);
      expect(session.nextQueueNumber).toBe(session.bookings.length + 1);
      expect(session.bookings.map((b) => b.queueNumber)).toEqual(session.bookings.map((_, i) => i + 1));
      // Arrival order: the queue follows the booking times; nobody waits while a seat is free.
      const times = session.bookings.map((b) => b.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      if (waiting.length > 0) {
        waitlists++;
        expect(session.seatsTaken).toBe(session.capacity);
        expect(Math.min(...waiting.map((b) => b.queueNumber))).toBeGreaterThan(Math.max(...confirmed.map((b) => b.queueNumber)));
      }
      if (session.seatsTaken > 0 && session.seatsTaken < session.capacity) partly++;
      for (const booking of session.bookings) expect(booking.createdAt.getTime()).toBeLessThanOrEqual(Math.min(seededAt.getTime(), session.startsAt.getTime()));
    }
    expect(waitlists).toBeGreaterThanOrEqual(1);
    expect(partly).toBeGreaterThanOrEqual(3);

    // Nobody holds two seats of one topic, nor two sessions at once.
    const bookings = await db.prisma.booking.findMany({ include: { session: true } });
    const byUser = new Map<string, typeof bookings>();
    for (const booking of bookings) byUser.set(booking.userId, [...(byUser.get(booking.userId) ?? []), booking]);
    for (const [userId, own] of byUser) {
      expect(new Set(own.map((b) => b.session.topicId)).size, userId).toBe(own.length);
      for (const a of own) {
        for (const b of own) {
          if (a !== b) expect(a.session.startsAt < b.session.endsAt && b.session.startsAt < a.session.endsAt, userId).toBe(false);
        }
      }
    }
  });

  it("marks attendance of held sessions, with some no-shows, and none of upcoming ones", async () => {
    const bookings = await db.prisma.booking.findMany({ include: { session: { include: { trainer: true } } } });
    const held = bookings.filter((b) => b.session.endsAt <= seededAt);
    expect(held.length).toBeGreaterThan(0);
    for (const booking of held) {
      expect(booking.status).toBe("CONFIRMED");
      expect(booking.attendance).not.toBeNull();
      expect(booking.attendanceById).not.toBeNull();
    }
    expect(held.filter((b) => b.attendance === "NO_SHOW").length).toBeGreaterThan(0);
    expect(held.filter((b) => b.attendance === "ATTENDED").length).toBeGreaterThan(held.length / 2);
    for (const booking of bookings.filter((b) => b.session.startsAt > seededAt)) expect(booking.attendance).toBeNull();
  });

  it("books staff@spros.demo on one upcoming session and waitlists her on another, after the planning week", async () => {
    const anna = await db.prisma.user.findUniqueOrThrow({ where: { email: "staff@spros.demo" } });
    const bookings = await db.prisma.booking.findMany({ where: { userId: anna.id }, include: { session: true } });
    expect(bookings.map((b) => b.status).sort()).toEqual(["CONFIRMED", "WAITLISTED"]);
    const waiting = bookings.find((b) => b.status === "WAITLISTED")!;
    expect(waiting.queueNumber).toBe(waiting.session.nextQueueNumber - 1);
    // A one-week planning run (from next Monday at the latest) offers sessions before hers.
    const afterPlanningWeek = addDays(centreWallClock(seededAt).date, 15).getTime();
    for (const booking of bookings) {
      expect(booking.session.date.getTime()).toBeGreaterThanOrEqual(afterPlanningWeek);
      // Not a voter: she booked once the seats were open to everybody.
      expect(booking.createdAt.getTime()).toBeGreaterThanOrEqual(booking.session.votersOnlyUntil.getTime());
    }
  });

  it("tells every voter of a scheduled topic about each of its sessions, as approval does", async () => {
    const { prisma } = db;
    const sessions = await prisma.trainingSession.findMany({
      include: { topic: { include: { votes: true } }, notifications: true },
    });
    for (const session of sessions) {
      expect(session.notifications.map((n) => n.userId).sort(), session.id).toEqual(session.topic.votes.map((v) => v.userId).sort());
      for (const notification of session.notifications) {
        expect(notification.kind).toBe("SESSION_SCHEDULED");
        expect(notification.topicId).toBe(session.topicId);
        expect(notification.payload).toMatchObject({ date: dateKey(session.date), startsAt: session.startsAt.toISOString() });
      }
    }
  });
});
