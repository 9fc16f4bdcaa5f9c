import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSeedPlan } from "../../prisma/seed/plan";
import { DEMO_PASSWORD, formatDemoAccounts, seedDemoData } from "../../prisma/seed/seed-demo-data";
import type { SeedDemoDataResult } from "../../prisma/seed/seed-demo-data";
import { createTestDatabase, type TestDatabase } from "./helpers/database";

const STAFF = 400;
let db: TestDatabase;
let first: SeedDemoDataResult;
let seedMs: number;

beforeAll(async () => {
  db = await createTestDatabase();
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
    for (const status of ["NEW", "OPEN", "PLANNED"] as const) expect(statuses).toContain(status);

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
    const before = await Promise.all([db.prisma.user.count(), db.prisma.topic.count(), db.prisma.vote.count()]);
    const again = await seedDemoData(db.prisma, { staffCount: STAFF, seed: 7 });
    expect(again.seeded).toBe(false);
    expect(again.accounts).toEqual(first.accounts);
    const after = await Promise.all([db.prisma.user.count(), db.prisma.topic.count(), db.prisma.vote.count()]);
    expect(after).toEqual(before);
  });

  it("plans the same rows for the same seed", () => {
    const options = { staffCount: 50, seed: 42, now: new Date("2026-11-23T12:00:00Z"), passwordHash: "x" };
    expect(buildSeedPlan(options)).toEqual(buildSeedPlan(options));
    expect(buildSeedPlan({ ...options, seed: 43 }).votes).not.toEqual(buildSeedPlan(options).votes);
  });
});
