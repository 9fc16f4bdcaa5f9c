import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, centreInstant, centreWallClock, dateKey, isoWeekday } from "../../domain/centre-time";
import { PrismaClient } from "../../prisma/generated/client";
import { clientFor, createPlace, createSession, globalId } from "./bookings-helpers";
import { startApiServer, type ApiClient, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers } from "./helpers/users";

// A small world whose every figure is worked out by hand below. Staff:
//   u0 office A, prefers S1, on-line ok      u1 office A, prefers S2, not on-line
//   u2 office B, prefers S1, on-line ok      u3 office B, no site, not on-line
//   u4 no office, on-line ok
// Topics: T0 OPEN (delivery/webinar), T1 OPEN (culture/training), T2 SCHEDULED (delivery/training),
// T3 REJECTED (culture/webinar), T4 OPEN without votes (delivery/training).
let db: TestDatabase;
let logged: PrismaClient<"query">;
let server: ApiServer;
let manager: ApiClient;
let staff: ApiClient;
let statements: string[] = [];
const now = new Date();
const DAY = 86_400_000;
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const justNow = new Date(now.getTime() - 60_000);
// Monday 00:00 at the centre, worked out with the centre-time helpers (not with SQL).
const { date: today } = centreWallClock(now);
const monday = addDays(today, 1 - isoWeekday(today));
const mondayStart = centreInstant(monday, 0);

const ids = { users: [] as string[], offices: {} as Record<"A" | "B", string>, sites: {} as Record<"S1" | "S2", string>, topics: [] as string[] };
const voteDates: Array<[user: number, topic: number, at: Date]> = [
  [0, 0, ago(2)], [1, 0, ago(10)], [2, 0, ago(40)], [3, 0, justNow],
  [0, 1, ago(20)], [2, 1, ago(3)],
  [0, 2, justNow], [1, 2, ago(5)], [4, 2, ago(50)],
  [3, 3, justNow],
];

beforeAll(async () => {
  db = await createTestDatabase();
  logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }), log: [{ emit: "event" as const, level: "query" as const }] });
  logged.$on("query", (event) => statements.push(event.query));
  server = await startApiServer({ prisma: logged, sql: db.sql }, { viewerCache: { ttlMs: 0 } });
  const prisma = db.prisma;

  const [a, b] = await Promise.all(["A", "B"].map((name) => prisma.office.create({ data: { name: `Офис ${name}`, district: "ЦАО" } })));
  ids.offices = { A: a.id, B: b.id };
  const place = await createPlace(prisma);
  const s2 = await prisma.site.create({ data: { code: "s2-dash", name: "ВДНХ", address: "Москва" } });
  ids.sites = { S1: place.siteId, S2: s2.id };

  const users = await createUsers(prisma, 5, { prefix: "dash" });
  ids.users = users.map((user) => user.id);
  const profile = [
    { officeId: a.id, site: place.siteId, onlineOk: true },
    { officeId: a.id, site: s2.id, onlineOk: false },
    { officeId: b.id, site: place.siteId, onlineOk: true },
    { officeId: b.id, site: null, onlineOk: false },
    { officeId: null, site: null, onlineOk: true },
  ];
  for (const [i, p] of profile.entries()) {
    await prisma.user.update({ where: { id: ids.users[i] }, data: { officeId: p.officeId, onlineOk: p.onlineOk } });
    if (p.site) await prisma.userSitePreference.create({ data: { userId: ids.users[i], siteId: p.site } });
  }
  await prisma.userAvailability.createMany({
    data: [
      { userId: ids.users[0], weekday: 1, startMinute: 480, endMinute: 600, strength: "PREFERRED" },
      { userId: ids.users[0], weekday: 2, startMinute: 540, endMinute: 600, strength: "IF_NEED_BE" },
      { userId: ids.users[1], weekday: 1, startMinute: 540, endMinute: 660, strength: "IF_NEED_BE" },
      { userId: ids.users[2], weekday: 1, startMinute: 480, endMinute: 510, strength: "PREFERRED" },
      { userId: ids.users[4], weekday: 7, startMinute: 1140, endMinute: 1200, strength: "PREFERRED" },
    ],
  });

  const topics = await createTopics(prisma, ids.users[0], ["Тема ноль", "Тема один", "Тема два", "Тема три", "Тема четыре"]);
  ids.topics = topics.map((topic) => topic.id);
  const created = [justNow, new Date(mondayStart.getTime() - 3 * DAY), new Date(mondayStart.getTime() - 17 * DAY), justNow, justNow];
  const statuses = ["OPEN", "OPEN", "SCHEDULED", "REJECTED", "OPEN"] as const;
  for (const [i, id] of ids.topics.entries()) {
    await prisma.topic.update({
      where: { id },
      data: { createdAt: created[i], status: statuses[i], authorId: i === 1 ? ids.users[2] : ids.users[0] },
    });
  }
  await prisma.vote.createMany({
    data: voteDates.map(([user, topic, at]) => ({ userId: ids.users[user], topicId: ids.topics[topic], createdAt: at })),
  });
  await prisma.$executeRaw`UPDATE "Topic" t SET "voteCount" = (SELECT count(*) FROM "Vote" v WHERE v."topicId" = t."id")`;
  // u0 narrowed their T0 vote to Monday 08:00–09:00.
  const narrowed = await prisma.vote.findFirstOrThrow({ where: { userId: ids.users[0], topicId: ids.topics[0] } });
  await prisma.voteWindow.create({ data: { voteId: narrowed.id, weekday: 1, startMinute: 480, endMinute: 540, strength: "PREFERRED" } });

  // T2's sessions: one past (u0 attended, u1 no-show, u3 attended), one upcoming (u2 booked,
  // u4 waitlisted), one cancelled (ignored).
  const past = await createSession(prisma, { topicId: ids.topics[2], place, capacity: 10, startsAt: ago(1) });
  const upcoming = await createSession(prisma, { topicId: ids.topics[2], place, capacity: 8, startsAt: addDays(now, 3) });
  const cancelled = await createSession(prisma, { topicId: ids.topics[2], place, capacity: 5, startsAt: addDays(now, 4) });
  await prisma.trainingSession.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
  await prisma.booking.createMany({
    data: [
      { sessionId: past.id, userId: ids.users[0], status: "CONFIRMED", queueNumber: 1, attendance: "ATTENDED" },
      { sessionId: past.id, userId: ids.users[1], status: "CONFIRMED", queueNumber: 2, attendance: "NO_SHOW" },
      { sessionId: past.id, userId: ids.users[3], status: "CONFIRMED", queueNumber: 3, attendance: "ATTENDED" },
      { sessionId: upcoming.id, userId: ids.users[2], status: "CONFIRMED", queueNumber: 1 },
      { sessionId: upcoming.id, userId: ids.users[4], status: "WAITLISTED", queueNumber: 2 },
      { sessionId: cancelled.id, userId: ids.users[1], status: "CANCELLED", queueNumber: 1 },
    ],
  });

  const [boss] = await createUsers(prisma, 1, { prefix: "dash-manager", role: "MANAGER" });
  manager = await clientFor(server, boss.id);
  staff = await clientFor(server, ids.users[0]);
});

afterAll(async () => {
  await server?.close();
  await logged?.$disconnect();
  await db?.drop();
});

const DASHBOARD = /* GraphQL */ `
  query Dashboard($filter: DashboardFilter, $topicId: ID, $weeks: Int) {
    dashboard(filter: $filter) {
      asOf
      headline { activeVoters votesThisWeek topicsOpen seatsBooked demandServedShare }
      topTopics { topic { id title author { name } } votes votesLast7Days }
      availability(topicId: $topicId) { weekday startMinute endMinute preferred ifNeedBe }
      demandByOffice { office { id name district } votes voters }
      demandByBlockFormat { block format votes topics }
      suggestionsPerWeek(weeks: $weeks) { weekStart count }
      coverage { topic { id title } sessions seats booked demand unserved noShowRate }
    }
  }
`;

const filters = () => ({
  officeA: { officeId: globalId("Office", ids.offices.A) },
  officeB: { officeId: globalId("Office", ids.offices.B) },
  siteS1: { siteId: globalId("Site", ids.sites.S1) },
  online: { onlineOnly: true },
});

async function dashboard(filter?: object, variables: Record<string, unknown> = {}) {
  const result = await manager.request(DASHBOARD, { filter, weeks: 4, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data.dashboard;
}

const topRows = (rows: any[]) => rows.map((row) => [ids.topics.indexOf(decodeId(row.topic.id)), row.votes, row.votesLast7Days]);
const decodeId = (globalIdValue: string) => Buffer.from(globalIdValue, "base64").toString().split(":")[1];

/** The 168 cells expected from a list of (weekday, from, to, strength) spans, one per person. */
function expectedCells(spans: Array<[number, number, number, "P" | "N"]>) {
  const cells = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let start = 480; start < 1200; start += 30) {
      const covering = spans.filter(([day, from, to]) => day === weekday && from <= start && start + 30 <= to);
      cells.push({
        weekday, startMinute: start, endMinute: start + 30,
        preferred: covering.filter((span) => span[3] === "P").length,
        ifNeedBe: covering.filter((span) => span[3] === "N").length,
      });
    }
  }
  return cells;
}

describe("dashboard query", () => {
  it("headline: active voters, votes this week, open topics, seats booked, share of demand served", async () => {
    const everyone = await dashboard();
    expect(Math.abs(new Date(everyone.asOf).getTime() - Date.now())).toBeLessThan(60_000);
    expect(everyone.headline).toEqual({
      activeVoters: 4, // u4 voted 50 days ago only
      votesThisWeek: voteDates.filter(([, , at]) => at >= mondayStart).length,
      topicsOpen: 3,
      seatsBooked: 1, // u2 on the upcoming session; the past one has ended, u4 is waitlisted
      demandServedShare: 2 / 9, // (u0, T2) and (u1, T2) of the 9 votes on active topics
    });
    expect(voteDates.filter(([, , at]) => at >= mondayStart).length).toBeGreaterThanOrEqual(3);
    const officeB = await dashboard(filters().officeB);
    expect(officeB.headline).toEqual({
      activeVoters: 2,
      votesThisWeek: voteDates.filter(([user, , at]) => (user === 2 || user === 3) && at >= mondayStart).length,
      topicsOpen: 3,
      seatsBooked: 1,
      demandServedShare: 0, // u2 and u3 hold T2 seats but did not vote for T2
    });
  });

  it("top topics: active topics by votes with votes of the last 7 days, per filter", async () => {
    expect(topRows((await dashboard()).topTopics)).toEqual([[0, 4, 2], [2, 3, 2], [1, 2, 1]]);
    // Ties (2 votes each) go to the newer topic first.
    expect(topRows((await dashboard(filters().officeA)).topTopics)).toEqual([[0, 2, 1], [2, 2, 2], [1, 1, 0]]);
    expect(topRows((await dashboard(filters().siteS1)).topTopics)).toEqual([[0, 2, 1], [1, 2, 1], [2, 1, 1]]);
    expect(topRows((await dashboard(filters().online)).topTopics)).toEqual([[0, 2, 1], [1, 2, 1], [2, 2, 1]]);
    const first = await manager.request(`{ dashboard { topTopics(first: 1) { votes topic { title } } } }`);
    expect(first.data.dashboard.topTopics).toEqual([{ votes: 4, topic: { title: "Тема ноль" } }]);
  });

  it("availability: everyone's weekly grid, a topic's voters with their narrowing, filtered", async () => {
    const u0: Array<[number, number, number, "P" | "N"]> = [[1, 480, 600, "P"], [2, 540, 600, "N"]];
    const u1: Array<[number, number, number, "P" | "N"]> = [[1, 540, 660, "N"]];
    const u2: Array<[number, number, number, "P" | "N"]> = [[1, 480, 510, "P"]];
    const u4: Array<[number, number, number, "P" | "N"]> = [[7, 1140, 1200, "P"]];
    const everyone = await dashboard();
    expect(everyone.availability).toHaveLength(168);
    expect(everyone.availability).toEqual(expectedCells([...u0, ...u1, ...u2, ...u4]));
    expect((await dashboard(filters().siteS1)).availability).toEqual(expectedCells([...u0, ...u2]));
    expect((await dashboard(filters().online)).availability).toEqual(expectedCells([...u0, ...u2, ...u4]));

    // T0's voters: u0 narrowed to Monday 08:00–09:00, u1, u2; u3 has no availability.
    const topicId = globalId("Topic", ids.topics[0]);
    expect((await dashboard(undefined, { topicId })).availability).toEqual(expectedCells([[1, 480, 540, "P"], ...u1, ...u2]));
    expect((await dashboard(filters().officeA, { topicId })).availability).toEqual(expectedCells([[1, 480, 540, "P"], ...u1]));
    expect((await dashboard(filters().officeB, { topicId })).availability).toEqual(expectedCells(u2));
  });

  it("demand by office (votes on active topics, distinct voters) and by block × format", async () => {
    const everyone = await dashboard();
    expect(everyone.demandByOffice.map((row: any) => [row.office.name, row.votes, row.voters])).toEqual([
      ["Офис A", 5, 2],
      ["Офис B", 3, 2],
    ]);
    expect(everyone.demandByBlockFormat).toEqual([
      { block: "SERVICE_DELIVERY", format: "TRAINING", votes: 3, topics: 1 },
      { block: "SERVICE_DELIVERY", format: "WEBINAR", votes: 4, topics: 1 },
      { block: "SERVICE_CULTURE", format: "TRAINING", votes: 2, topics: 1 },
    ]);
    const online = await dashboard(filters().online);
    expect(online.demandByOffice.map((row: any) => [row.office.name, row.votes, row.voters])).toEqual([
      ["Офис A", 3, 1],
      ["Офис B", 2, 1],
    ]);
    const officeB = await dashboard(filters().officeB);
    expect(officeB.demandByBlockFormat).toEqual([
      { block: "SERVICE_DELIVERY", format: "WEBINAR", votes: 2, topics: 1 },
      { block: "SERVICE_CULTURE", format: "TRAINING", votes: 1, topics: 1 },
    ]);
  });

  it("suggestions per ISO week on the centre's clock, empty weeks as zero", async () => {
    const weeks = [21, 14, 7, 0].map((days) => dateKey(addDays(monday, -days)));
    const everyone = await dashboard();
    expect(everyone.suggestionsPerWeek).toEqual([
      { weekStart: weeks[0], count: 1 }, // T2
      { weekStart: weeks[1], count: 0 },
      { weekStart: weeks[2], count: 1 }, // T1
      { weekStart: weeks[3], count: 3 }, // T0, T3, T4
    ]);
    expect((await dashboard(filters().officeB)).suggestionsPerWeek.map((row: any) => row.count)).toEqual([0, 0, 1, 0]);
    const twelve = await manager.request(`{ dashboard { suggestionsPerWeek { weekStart count } } }`);
    expect(twelve.data.dashboard.suggestionsPerWeek).toHaveLength(12);
    expect(twelve.data.dashboard.suggestionsPerWeek.at(-1)).toEqual({ weekStart: weeks[3], count: 3 });
  });

  it("coverage: sessions and seats offered, confirmed bookings, demand, unserved voters, no-show rate", async () => {
    const everyone = await dashboard();
    expect(everyone.coverage).toEqual([
      { topic: { id: globalId("Topic", ids.topics[2]), title: "Тема два" }, sessions: 2, seats: 18, booked: 4, demand: 3, unserved: 1, noShowRate: 1 / 3 },
    ]);
    const officeA = await dashboard(filters().officeA);
    expect(officeA.coverage.map(({ topic, ...row }: any) => row)).toEqual([
      { sessions: 2, seats: 18, booked: 2, demand: 2, unserved: 0, noShowRate: 1 / 2 },
    ]);
  });

  it("an unknown id in the filter gives empty figures; a malformed one is a BAD_USER_INPUT validation error", async () => {
    const nowhere = await dashboard({ officeId: globalId("Office", "no-such-office") });
    expect(nowhere.topTopics).toEqual([]);
    expect(nowhere.demandByOffice).toEqual([]);
    expect(nowhere.coverage.map((row: any) => [row.booked, row.demand])).toEqual([[0, 0]]);
    expect(nowhere.headline).toMatchObject({ activeVoters: 0, votesThisWeek: 0, seatsBooked: 0, demandServedShare: null });
    expect(nowhere.availability.every((cell: any) => cell.preferred === 0 && cell.ifNeedBe === 0)).toBe(true);

    for (const filter of [{ officeId: "garbage" }, { siteId: globalId("Topic", ids.topics[0]) }]) {
      const result = await manager.request(DASHBOARD, { filter });
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", type: "ValidationError" });
    }
    const badTopic = await manager.request(`{ dashboard { availability(topicId: "nope") { preferred } } }`);
    expect(badTopic.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const tooMany = await manager.request(`{ dashboard { topTopics(first: 1000) { votes } } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("is for managers only", async () => {
    const result = await staff.request(`{ dashboard { headline { topicsOpen } } }`);
    expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("loads in a bounded number of statements however many rows it shows (no N+1)", async () => {
    const count = async () => {
      statements = [];
      await dashboard();
      if (process.env.SHOW_SQL) console.log(statements.length, statements.map((s) => s.slice(0, 120)).join("\n"));
      return statements.length;
    };
    const before = await count();
    // More topics with votes, more offices with voters, more covered topics.
    const extra = await createUsers(db.prisma, 6, { prefix: "dash-extra" });
    const offices = await Promise.all([1, 2, 3].map((i) => db.prisma.office.create({ data: { name: `Офис ${i}`, district: "САО" } })));
    for (const [i, user] of extra.entries()) await db.prisma.user.update({ where: { id: user.id }, data: { officeId: offices[i % 3].id } });
    const more = await createTopics(db.prisma, extra[0].id, ["Ещё тема 1", "Ещё тема 2", "Ещё тема 3", "Ещё тема 4"]);
    await db.prisma.vote.createMany({ data: more.flatMap((topic) => extra.map((user) => ({ userId: user.id, topicId: topic.id }))) });
    await db.prisma.$executeRaw`UPDATE "Topic" t SET "voteCount" = (SELECT count(*) FROM "Vote" v WHERE v."topicId" = t."id")`;
    const place = await createPlace(db.prisma);
    for (const topic of more) await createSession(db.prisma, { topicId: topic.id, place, startsAt: addDays(now, 5) });
    const after = await count();
    const data = await dashboard();
    expect(data.topTopics.length).toBeGreaterThan(5);
    expect(data.demandByOffice.length).toBe(5);
    expect(data.coverage.length).toBe(5);
    expect(after).toBe(before);
    // Viewer, then per field: headline, top topics + their rows (with authors), availability,
    // offices + their rows, block × format, weeks, coverage + its topics.
    expect(after).toBeLessThanOrEqual(13);
  });
});
