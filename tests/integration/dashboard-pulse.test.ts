import { PrismaPg } from "@prisma/adapter-pg";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../prisma/generated/client";
import { clientFor, globalId } from "./bookings-helpers";
import { startApiServer, type ApiClient, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { subscribe } from "./helpers/subscriptions";
import { createTopics, createUsers } from "./helpers/users";

// The pulse's statements are counted through Prisma's query log: its headline query is the only
// one that names "activeVoters".
let db: TestDatabase;
let logged: PrismaClient<"query">;
let server: ApiServer;
let managers: ApiClient[];
let staff: ApiClient;
let voters: ApiClient[];
let topicIds: string[];
let statements: string[] = [];
const sockets: Client[] = [];
const pulseComputations = () => statements.filter((sql) => sql.includes('"activeVoters"')).length;

const PULSE = /* GraphQL */ `
  subscription {
    dashboardPulse {
      asOf sequence latestChangeAt
      headline { activeVoters votesThisWeek topicsOpen seatsBooked demandServedShare }
      topTopics { topic { id title voteCount } votes votesLast7Days }
    }
  }
`;
const VOTE = /* GraphQL */ `mutation ($id: ID!) { vote(topicId: $id) { __typename } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }), log: [{ emit: "event" as const, level: "query" as const }] });
  logged.$on("query", (event) => statements.push(event.query));
  server = await startApiServer({ prisma: logged, sql: db.sql });
  const bosses = await createUsers(db.prisma, 2, { prefix: "pulse-manager", role: "MANAGER" });
  managers = await Promise.all(bosses.map((boss) => clientFor(server, boss.id)));
  const people = await createUsers(db.prisma, 20, { prefix: "pulse-voter" });
  voters = await Promise.all(people.map((person) => clientFor(server, person.id)));
  staff = voters[0];
  const titles = Array.from({ length: 12 }, (_, i) => `Тема для пульса ${i}`);
  topicIds = (await createTopics(db.prisma, people[0].id, titles)).map((topic) => topic.id);
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await server?.close();
  await logged?.$disconnect();
  await db?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("dashboardPulse", () => {
  it("is refused to staff", async () => {
    const { next } = subscribe(sockets, staff, PULSE);
    const [event] = await next(1);
    expect(JSON.stringify(event.error ?? event.errors)).toContain("Not allowed");
  });

  it("computes nothing while nobody subscribes", async () => {
    statements = [];
    await Promise.all(voters.slice(0, 5).map((voter) => voter.request(VOTE, { id: globalId("Topic", topicIds[11]) })));
    await sleep(800);
    expect(pulseComputations()).toBe(0);
  });

  it("turns a burst of 200 votes into a handful of pulses, computed once for all subscribers, the last one current", async () => {
    const watchers = managers.map((manager) => subscribe(sockets, manager, PULSE));
    await Promise.all(watchers.map((watcher) => watcher.ready));
    // Both managers are served by one execution of the selection (ADR 019).
    expect(server.sharedSubscriptionStreams()).toEqual([managers.length]);
    statements = [];

    // 20 voters × 10 topics: topic i gets 20 − i votes … all 200 fired at once.
    const began = Date.now();
    await Promise.all(
      voters.flatMap((voter, v) =>
        topicIds.slice(0, 10).map(async (topicId, t) => {
          if (v >= 20 - t) return voter.request(`{ __typename }`);
          const result = await voter.request(VOTE, { id: globalId("Topic", topicId) });
          expect(result.data?.vote.__typename).toBe("MutationVoteSuccess");
        }),
      ),
    );
    const ended = Date.now();
    await sleep(1500); // the trailing pulse, then quiet

    const [first, second] = watchers.map((watcher) => watcher.events.map((event) => event.data?.dashboardPulse));
    const burstSeconds = (ended - began) / 1000;
    if (process.env.SHOW_PULSES) console.log(`burst ${burstSeconds} s, ${first.length} pulses`, first.map((p) => [p.sequence, p.asOf, p.latestChangeAt, p.topTopics[0]?.votes]));
    expect(first.length).toBeGreaterThanOrEqual(1);
    expect(first.length).toBeLessThanOrEqual(Math.floor(2 * burstSeconds) + 2);
    // The same payloads for both subscribers, computed once per pulse.
    expect(second.map((pulse) => [pulse.sequence, pulse.asOf])).toEqual(first.map((pulse) => [pulse.sequence, pulse.asOf]));
    expect(pulseComputations()).toBe(first.length);
    for (let i = 1; i < first.length; i++) {
      expect(first[i].sequence).toBeGreaterThan(first[i - 1].sequence);
      expect(new Date(first[i].asOf).getTime() - new Date(first[i - 1].asOf).getTime()).toBeGreaterThanOrEqual(450);
    }

    const last = first.at(-1);
    const counts = await db.prisma.topic.findMany({ where: { status: "OPEN" }, orderBy: [{ voteCount: "desc" }, { createdAt: "desc" }, { id: "desc" }], take: 10 });
    expect(last.topTopics.map((row: any) => [row.topic.title, row.votes])).toEqual(counts.map((topic) => [topic.title, topic.voteCount]));
    expect(last.topTopics[0]).toMatchObject({ votes: 20, votesLast7Days: 20, topic: { title: "Тема для пульса 0", voteCount: 20 } });
    const totalVotes = await db.prisma.vote.count();
    expect(last.headline).toEqual({ activeVoters: 20, votesThisWeek: totalVotes, topicsOpen: 12, seatsBooked: 0, demandServedShare: 0 });
    expect(new Date(last.latestChangeAt).getTime()).toBeGreaterThanOrEqual(began);
    expect(new Date(last.latestChangeAt).getTime()).toBeLessThanOrEqual(ended);
    expect(new Date(last.asOf).getTime()).toBeGreaterThanOrEqual(new Date(last.latestChangeAt).getTime());

    // Everyone leaves: the pulse stops computing.
    await Promise.all(sockets.splice(0).map((socket) => socket.dispose()));
    await sleep(200);
    statements = [];
    await voters[0].request(VOTE, { id: globalId("Topic", topicIds[10]) });
    await sleep(800);
    expect(pulseComputations()).toBe(0);
  });
});
