import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOKABLE_SESSIONS, MY_BOOKINGS } from "../../app/lib/documents/bookings";
import { addDays } from "../../domain/centre-time";
import { PrismaClient } from "../../prisma/generated/client";
import type { ApiClient, ApiServer } from "./helpers/api-server";
import { startApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createUsers } from "./helpers/users";
import { clientFor, createPlace, createSession, createTopic, type SessionPlace } from "./bookings-helpers";

// Every SQL statement the API sends is counted: Prisma's through its query log, the raw ones
// (waitlist positions, bookings) through a counting wrapper around the pg pool.
let db: TestDatabase;
let logged: PrismaClient<"query">;
let server: ApiServer;
let statements: string[] = [];
let viewer: ApiClient;
let viewerId: string;
let otherId: string;
let places: SessionPlace[];
let topics: Array<{ id: string }>;
let sessionCount = 0;

function countingPool(pool: pg.Pool): pg.Pool {
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === "query") {
        return (...args: Parameters<pg.Pool["query"]>) => {
          statements.push(`pg: ${String(args[0])}`);
          return (target.query as (...a: unknown[]) => unknown)(...args);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }), log: [{ emit: "event" as const, level: "query" as const }] });
  logged.$on("query", (event) => statements.push(event.query));
  server = await startApiServer({ prisma: logged, sql: countingPool(db.sql) }, { viewerCache: { ttlMs: 0 } });
  const [me, other] = await createUsers(db.prisma, 2, { prefix: "bq" });
  viewerId = me.id;
  otherId = other.id;
  viewer = await clientFor(server, me.id);
  places = [await createPlace(db.prisma), await createPlace(db.prisma), await createPlace(db.prisma)];
  topics = [];
  for (let i = 0; i < 4; i++) topics.push(await createTopic(db.prisma, `Тема для записи ${i}`, i === 3 ? "WEBINAR" : "TRAINING"));
  // The viewer voted for two topics and can come on weekday mornings at the first site.
  await db.prisma.vote.createMany({ data: topics.slice(0, 2).map((topic) => ({ userId: viewerId, topicId: topic.id })) });
  await db.prisma.userAvailability.createMany({
    data: [1, 2, 3, 4, 5].map((weekday) => ({ userId: viewerId, weekday, startMinute: 480, endMinute: 780, strength: "PREFERRED" as const })),
  });
  await db.prisma.userSitePreference.create({ data: { userId: viewerId, siteId: places[0].siteId } });
});

afterAll(async () => {
  await server?.close();
  await logged?.$disconnect();
  await db?.drop();
});

/** Sessions spread over topics, places and days; every third one the viewer holds (every other of those waitlisted). */
async function addSessions(count: number, options: { past?: boolean; book?: "all" | "some" } = {}) {
  for (let i = 0; i < count; i++) {
    const n = sessionCount++;
    const startsAt = options.past ? addDays(new Date(), -1 - (n % 20)) : addDays(new Date(), 2 + (n % 25));
    startsAt.setUTCHours(6 + (n % 5), 0, 0, 0);
    const session = await createSession(db.prisma, {
      topicId: topics[n % topics.length].id,
      place: places[n % places.length],
      capacity: 1,
      startsAt,
      online: n % 7 === 0,
    });
    if (options.book === "all" || (options.book === "some" && n % 3 === 0)) {
      const waitlisted = n % 2 === 0;
      if (waitlisted) await db.prisma.booking.create({ data: { sessionId: session.id, userId: otherId, status: "CONFIRMED", queueNumber: 1 } });
      await db.prisma.booking.create({
        data: { sessionId: session.id, userId: viewerId, status: waitlisted ? "WAITLISTED" : "CONFIRMED", queueNumber: waitlisted ? 2 : 1, attendance: options.past && !waitlisted ? "ATTENDED" : null },
      });
    }
  }
}

// One list per request: the upcoming and past lists of one request may share Prisma's per-tick
// batches or not, depending on timing, so their sum is not a stable number; each list alone is.
const ONE_LIST = /* GraphQL */ `
  query OneList($when: BookingWhen!) { myBookings(when: $when, first: 100) { edges { node { ...MyBooking } } } }
  ${MY_BOOKINGS.slice(MY_BOOKINGS.indexOf("fragment MyBooking"))}
`;

async function countStatements(query: string, variables: Record<string, unknown> = {}) {
  statements = [];
  const result = await viewer.request(query, variables);
  expect(result.errors).toBeUndefined();
  if (process.env.SHOW_SQL) console.log(statements.length, statements.map((s) => s.slice(0, 160)).join("\n"));
  return { count: statements.length, data: result.data };
}

describe("no N+1 queries in the booking lists", () => {
  it("bookableSessions: 5 and 40 sessions (topics, places, matches, the viewer's bookings and waitlist places) cost the same few statements", async () => {
    await addSessions(5, { book: "some" });
    const small = await countStatements(BOOKABLE_SESSIONS, { first: 100 });
    expect(small.data.bookableSessions.edges).toHaveLength(5);

    await addSessions(35, { book: "some" });
    const large = await countStatements(BOOKABLE_SESSIONS, { first: 100 });
    const nodes = large.data.bookableSessions.edges.map((edge: any) => edge.node);
    expect(nodes).toHaveLength(40);
    expect(large.data.bookableSessions.totalCount).toBe(40);
    // The page really carries what is batched: bookings, waitlist places, matches.
    expect(nodes.filter((node: any) => node.viewerBooking?.status === "WAITLISTED").every((node: any) => node.viewerBooking.waitlistPosition === 1)).toBe(true);
    expect(nodes.filter((node: any) => node.viewerBooking).length).toBeGreaterThan(10);
    expect(nodes.some((node: any) => node.matchesMyVote && node.matchesMyTime)).toBe(true);

    expect(large.count).toBe(small.count);
    // Viewer, the filter's site list, its votes / vote windows / availability / sites, the order (which the
    // total shares), the page, topics, their upcoming sessions (free seats, a booking held elsewhere) and
    // the viewer's bookings of those, rooms, trainers, sites, bookings.
    expect(large.count).toBeLessThanOrEqual(16);
  });

  it("myBookings: 3 and 30 bookings (upcoming and past, with sessions and waitlist places) cost the same few statements", async () => {
    await db.prisma.booking.deleteMany({});
    await addSessions(2, { book: "all" });
    await addSessions(1, { book: "all", past: true });
    const small = { upcoming: await countStatements(ONE_LIST, { when: "UPCOMING" }), past: await countStatements(ONE_LIST, { when: "PAST" }) };
    expect(small.upcoming.data.myBookings.edges).toHaveLength(2);
    expect(small.past.data.myBookings.edges).toHaveLength(1);

    await addSessions(18, { book: "all" });
    await addSessions(9, { book: "all", past: true });
    const large = { upcoming: await countStatements(ONE_LIST, { when: "UPCOMING" }), past: await countStatements(ONE_LIST, { when: "PAST" }) };
    expect(large.upcoming.data.myBookings.edges).toHaveLength(20);
    expect(large.past.data.myBookings.edges).toHaveLength(10);
    const waitlisted = large.upcoming.data.myBookings.edges.filter((edge: any) => edge.node.status === "WAITLISTED");
    expect(waitlisted.length).toBeGreaterThan(0);
    expect(waitlisted.every((edge: any) => edge.node.waitlistPosition === 1)).toBe(true);

    for (const when of ["upcoming", "past"] as const) {
      expect(large[when].count, when).toBe(small[when].count);
      // Viewer, the page, its sessions, topics, sites, rooms, waitlist places.
      expect(large[when].count, when).toBeLessThanOrEqual(8);
    }
    // The web app's page (both lists and the feed URL in one request) stays small too.
    const page = await countStatements(MY_BOOKINGS);
    expect(page.data.upcoming.edges).toHaveLength(20);
    expect(page.count).toBeLessThanOrEqual(14);
  });
});
