import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInstance, SIZES } from "../../scheduler/generate";
import { ApiClient } from "./helpers/api-server";
import { readMetrics, startAppInstance, type AppInstance } from "./helpers/app-instance";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { HORIZON_START, seedPlanningWorld } from "./helpers/planning-world";
import { TEST_REDIS_URL, uniqueRedisPrefix, waitForRedisSubscribers } from "./helpers/redis";
import { subscribe } from "./helpers/subscriptions";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

/**
 * Two real server.ts processes share one database and one Redis, as behind a load balancer: what
 * happens on one must be seen live on the other.
 */
let db: TestDatabase;
let one: AppInstance;
let two: AppInstance;
let world: Awaited<ReturnType<typeof seedPlanningWorld>>;
const prefix = uniqueRedisPrefix("multi-instance");
const sockets: Client[] = [];
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

beforeAll(async () => {
  db = await createTestDatabase();
  world = await seedPlanningWorld(db.prisma, { prefix: "multi" });
  [one, two] = await Promise.all(
    ["one", "two"].map((name) => startAppInstance({ name, databaseUrl: db.url, redisUrl: TEST_REDIS_URL, redisPrefix: prefix })),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await Promise.all([one?.close(), two?.close()]);
  await db?.drop();
});

const VOTE = /* GraphQL */ `
  mutation Vote($topicId: ID!) {
    vote(topicId: $topicId) { __typename ... on MutationVoteSuccess { data { voteCount } } }
  }
`;

describe("two instances on one database and one Redis", () => {
  it("streams a vote cast on either instance to subscribers on both", async () => {
    const [alice, bob, watcher] = await createUsers(db.prisma, 3, { prefix: "multi-voters" });
    const [topic] = await createTopics(db.prisma, watcher.id, ["Тема для двух экземпляров"]);
    const topicId = globalId("Topic", topic.id);
    const onOne = subscribe(sockets, await new ApiClient(one).signIn(watcher.email, TEST_PASSWORD), "subscription { topicVoteChanged { topicId voteCount } }");
    const onTwo = subscribe(sockets, await new ApiClient(two).signIn(watcher.email, TEST_PASSWORD), "subscription { topicVoteChanged { topicId voteCount } }");
    await Promise.all([onOne.ready, onTwo.ready]);
    await waitForRedisSubscribers(`${prefix}topic:voteChanged`, 2);

    const aliceOnTwo = await new ApiClient(two).signIn(alice.email, TEST_PASSWORD);
    expect((await aliceOnTwo.request(VOTE, { topicId })).data.vote.data).toEqual({ voteCount: 1 });
    expect((await onOne.next(1))[0].data.topicVoteChanged).toEqual({ topicId, voteCount: 1 });

    const bobOnOne = await new ApiClient(one).signIn(bob.email, TEST_PASSWORD);
    expect((await bobOnOne.request(VOTE, { topicId })).data.vote.data).toEqual({ voteCount: 2 });
    const expected = [{ topicId, voteCount: 1 }, { topicId, voteCount: 2 }];
    expect((await onTwo.next(2)).map((event) => event.data.topicVoteChanged)).toEqual(expected);
    expect((await onOne.next(2)).map((event) => event.data.topicVoteChanged)).toEqual(expected);
  });

  it("runs a scheduler run started on one instance exactly once, streams it to the other, cancels across instances", async () => {
    const managerOnOne = await new ApiClient(one).signIn(world.manager.email, TEST_PASSWORD);
    const managerOnTwo = await new ApiClient(two).signIn(world.manager.email, TEST_PASSWORD);
    const read = async (client: ApiClient, id: string) => (await client.request(`query($id: ID!) { node(id: $id) { ... on PlanningRun { id status attempts cancelRequested metrics { sessions } } } }`, { id })).data.node;
    const waitFor = async (id: string, status: string) => {
      await expect.poll(async () => (await read(managerOnOne, id)).status, { timeout: 20_000, interval: 50 }).toBe(status);
    };

    // Two long runs (a generated medium centre, 60 s) occupy both runners, one each: a runner works
    // on one run at a time.
    const blockers = await Promise.all(
      [1, 2].map((seed) =>
        db.prisma.planningRun.create({
          data: {
            horizonStart: new Date("2026-12-07"), horizonDays: 28, timeLimitSeconds: 60, createdById: world.manager.id,
            instance: JSON.parse(JSON.stringify(generateInstance({ ...SIZES.medium, seed }))),
          },
        }),
      ),
    );
    for (const blocker of blockers) await waitFor(globalId("PlanningRun", blocker.id), "RUNNING");

    // Started on instance one, it waits in the queue; instance two follows it.
    const started = await managerOnOne.request(
      `mutation($input: StartPlanningRunInput!) { startPlanningRun(input: $input) { __typename ... on MutationStartPlanningRunSuccess { data { id status } } } }`,
      { input: { horizonStart: HORIZON_START, horizonDays: 7, timeLimitSeconds: 5 } },
    );
    const run = started.data.startPlanningRun.data;
    expect(run.status).toBe("QUEUED");
    const live = subscribe(sockets, managerOnTwo, `subscription($id: ID!) { planningRunChanged(runId: $id) { id status progress { phase } } }`, { id: run.id });
    await live.ready;
    await waitForRedisSubscribers(`${prefix}planningRun:changed:${atob(run.id).split(":")[1]}`, 1);

    // Cancelled through instance two, whichever instance runs them; the freed runners take the queued run.
    const CANCEL = `mutation($id: ID!) { cancelPlanningRun(id: $id) { __typename ... on MutationCancelPlanningRunSuccess { data { cancelRequested } } } }`;
    for (const blocker of blockers) {
      const cancelled = await managerOnTwo.request(CANCEL, { id: globalId("PlanningRun", blocker.id) });
      expect(cancelled.data.cancelPlanningRun.data).toEqual({ cancelRequested: true });
    }
    for (const blocker of blockers) await waitFor(globalId("PlanningRun", blocker.id), "CANCELLED");
    await waitFor(run.id, "SUCCEEDED");

    // Claimed and finished (progress too, when the solver takes long enough to report): heard on
    // the instance that did not start it and may not have run it.
    await expect.poll(() => live.events.at(-1)?.data?.planningRunChanged, { timeout: 5000 }).toMatchObject({ status: "SUCCEEDED", progress: { phase: "DONE" } });
    expect(live.events.filter((event) => event.error || event.errors)).toEqual([]);
    expect(live.events.length).toBeGreaterThanOrEqual(2);

    const [fromOne, fromTwo] = await Promise.all([read(managerOnOne, run.id), read(managerOnTwo, run.id)]);
    expect(fromOne).toEqual(fromTwo);
    expect(fromOne).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
    expect(fromOne.metrics.sessions).toBeGreaterThan(0);

    // Each instance ran one blocker; exactly one of them ran the run.
    const finished = await Promise.all([one, two].map(async (instance) => runsFinished(await readMetrics(instance))));
    expect(finished.map((counts) => counts.cancelled)).toEqual([1, 1]);
    expect(finished.map((counts) => counts.succeeded).sort()).toEqual([0, 1]);
  });

  it("ends a session everywhere at once: signing out everywhere on one instance locks the other out too", async () => {
    const [member] = await createUsers(db.prisma, 1, { prefix: "multi-signout" });
    const onOne = await new ApiClient(one).signIn(member.email, TEST_PASSWORD);
    // The same browser session reaches instance two, which now caches it (30 s, ADR 007).
    const onTwo = new ApiClient(two);
    onTwo.cookie = onOne.cookie;
    const ME = `{ me { id } }`;
    expect((await onTwo.request(ME)).data?.me.id).toBeDefined();
    expect((await onTwo.request(ME)).data?.me.id).toBeDefined();

    const signedOut = await onOne.request(`mutation { signOutEverywhere }`);
    expect(signedOut.errors).toBeUndefined();
    // Far sooner than the cache would expire by itself.
    await expect.poll(async () => (await onTwo.request(ME)).errors?.[0]?.extensions?.code, { timeout: 2000, interval: 20 }).toBe("UNAUTHENTICATED");
  });
});

function runsFinished(metrics: string) {
  const count = (outcome: string) => Number(new RegExp(`^planning_run_duration_seconds_count\\{outcome="${outcome}"\\} (\\d+)`, "m").exec(metrics)?.[1]);
  return { succeeded: count("succeeded"), cancelled: count("cancelled") };
}
