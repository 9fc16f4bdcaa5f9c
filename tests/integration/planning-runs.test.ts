import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInstance, SIZES } from "../../scheduler/generate";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { HORIZON_START, seedPlanningWorld } from "./helpers/planning-world";
import { createUsers, TEST_PASSWORD } from "./helpers/users";

let db: TestDatabase;
let server: ApiServer;
let manager: ApiClient;
let staff: ApiClient;
let world: Awaited<ReturnType<typeof seedPlanningWorld>>;
const sockets: Client[] = [];

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const rawId = (id: string) => Buffer.from(id, "base64").toString().split(":")[1];

beforeAll(async () => {
  db = await createTestDatabase();
  world = await seedPlanningWorld(db.prisma, { prefix: "runs" });
  server = await startApiServer(db, { planningRunner: { instanceId: "api", pollMs: 100, heartbeatMs: 200 } });
  manager = await new ApiClient(server).signIn(world.manager.email, TEST_PASSWORD);
  const [member] = await createUsers(db.prisma, 1, { prefix: "runs-member" });
  staff = await new ApiClient(server).signIn(member.email, TEST_PASSWORD);
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await server?.close();
  await db?.drop();
});

const RUN_FIELDS = /* GraphQL */ `
  id status horizonStart horizonDays timeLimitSeconds attempts error cancelRequested
  createdBy { name } startedAt finishedAt
  progress { phase fraction servedWeight upperBound gap elapsedMs }
  metrics { servedWeight servedPairs demandPairs sessions upperBound gap status elapsedMs }
  instanceSummary { topics demandPairs reservedSessions warnings }
`;

const START = /* GraphQL */ `
  mutation Start($input: StartPlanningRunInput!) {
    startPlanningRun(input: $input) {
      __typename
      ... on MutationStartPlanningRunSuccess { data { ${RUN_FIELDS} } }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`;

const CANCEL = /* GraphQL */ `
  mutation Cancel($id: ID!) {
    cancelPlanningRun(id: $id) {
      __typename
      ... on MutationCancelPlanningRunSuccess { data { id status cancelRequested } }
      ... on Error { message }
    }
  }
`;

const RUN = /* GraphQL */ `
  query Run($id: ID!) {
    node(id: $id) {
      ... on PlanningRun {
        ${RUN_FIELDS}
        topics { title }
        unserved { topic { title } demandPairs unservedPairs reasons { reason count } }
        instanceJson
      }
    }
  }
`;

const input = (overrides: Record<string, unknown> = {}) => ({ horizonStart: HORIZON_START, horizonDays: 7, timeLimitSeconds: 5, ...overrides });

async function readRun(id: string) {
  const result = await manager.request(RUN, { id });
  expect(result.errors).toBeUndefined();
  return result.data.node;
}

async function waitForStatus(id: string, statuses: string[], timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await readRun(id);
    if (statuses.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run still ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function watch(id: string) {
  const socket = manager.subscriptions();
  sockets.push(socket);
  const events: any[] = [];
  socket.subscribe(
    { query: `subscription($id: ID!) { planningRunChanged(runId: $id) { id status progress { phase fraction servedWeight } metrics { sessions } } }`, variables: { id } },
    { next: (value) => events.push(value), error: (error) => events.push({ error }), complete: () => {} },
  );
  const ready = new Promise<void>((resolve) => socket.on("connected", () => resolve()));
  return { events, ready };
}

describe("planning runs over GraphQL", () => {
  it("refuses staff: no run is created, none listed", async () => {
    const started = await staff.request(START, { input: input() });
    expect(started.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const listed = await staff.request(`{ planningRuns { edges { node { id } } } }`);
    expect(listed.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await db.prisma.planningRun.count()).toBe(0);
  });

  it("rejects invalid input with typed field errors and changes nothing", async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ horizonDays: 0 }, ["input", "horizonDays"]],
      [{ horizonDays: 57 }, ["input", "horizonDays"]],
      [{ timeLimitSeconds: 121 }, ["input", "timeLimitSeconds"]],
      [{ timeLimitSeconds: 0 }, ["input", "timeLimitSeconds"]],
      [{ horizonStart: "2027-02-30" }, ["input", "horizonStart"]],
      [{ horizonStart: "2020-01-06" }, ["input", "horizonStart"]],
      [{ topicIds: ["garbage"] }, ["input", "topicIds", "0"]],
      [{ topicIds: [globalId("Topic", world.training.id), globalId("Topic", world.rejected.id)] }, ["input", "topicIds", "1"]],
    ];
    for (const [overrides, path] of cases) {
      const result = await manager.request(START, { input: input(overrides) });
      expect(result.data?.startPlanningRun.__typename, JSON.stringify(overrides)).toBe("ValidationError");
      expect(result.data.startPlanningRun.fieldErrors.map((error: { path: string[] }) => error.path)).toContainEqual(path);
    }
    expect(await db.prisma.planningRun.count()).toBe(0);
  });

  it("cancels a queued run at once and a long running run quickly; the next queued run succeeds with live progress", async () => {
    // A long run (a generated medium-size centre, 60 s) keeps the runner busy.
    const long = await db.prisma.planningRun.create({
      data: {
        horizonStart: new Date("2026-12-07"), horizonDays: 28, timeLimitSeconds: 60, createdById: world.manager.id,
        instance: JSON.parse(JSON.stringify(generateInstance({ ...SIZES.medium, seed: 1 }))),
      },
    });
    const longId = globalId("PlanningRun", long.id);
    await waitForStatus(longId, ["RUNNING"]);

    // Queued behind it: one to cancel before it ever starts, one to watch.
    const doomed = (await manager.request(START, { input: input() })).data.startPlanningRun.data;
    expect(doomed.status).toBe("QUEUED");
    const cancelledQueued = await manager.request(CANCEL, { id: doomed.id });
    expect(cancelledQueued.data.cancelPlanningRun.data).toMatchObject({ status: "CANCELLED" });

    const started = await manager.request(START, { input: input({ topicIds: [globalId("Topic", world.training.id), globalId("Topic", world.webinar.id)] }) });
    const run = started.data.startPlanningRun.data;
    expect(run).toMatchObject({ status: "QUEUED", horizonStart: HORIZON_START, horizonDays: 7, timeLimitSeconds: 5, attempts: 0, createdBy: { name: world.manager.name } });
    expect(run.instanceSummary).toEqual({ topics: 2, demandPairs: 9, reservedSessions: 0, warnings: [] });
    const live = watch(run.id);
    await live.ready;
    await new Promise((resolve) => setTimeout(resolve, 100));

    const asked = Date.now();
    const cancelling = await manager.request(CANCEL, { id: longId });
    expect(cancelling.data.cancelPlanningRun.data).toMatchObject({ status: "RUNNING", cancelRequested: true });
    const cancelled = await waitForStatus(longId, ["CANCELLED", "SUCCEEDED", "FAILED"]);
    expect(cancelled.status).toBe("CANCELLED");
    expect(Date.now() - asked).toBeLessThan(3_000);
    expect(cancelled.metrics).toBeNull();
    expect(await db.prisma.proposedSession.count({ where: { runId: long.id } })).toBe(0);

    const done = await waitForStatus(run.id, ["SUCCEEDED", "FAILED", "CANCELLED"]);
    expect(done).toMatchObject({ status: "SUCCEEDED", attempts: 1, error: null, progress: { phase: "DONE", fraction: 1 } });
    expect(done.metrics.demandPairs).toBe(9);
    expect(done.metrics.sessions).toBeGreaterThan(0);
    expect(done.metrics.servedPairs).toBeGreaterThan(0);
    expect(done.topics.map((topic: { title: string }) => topic.title)).toEqual([world.training.title, world.webinar.title]);
    expect(await db.prisma.proposedSession.count({ where: { runId: rawId(run.id) } })).toBe(done.metrics.sessions);
    // The export is the frozen contract instance.
    const exported = JSON.parse(done.instanceJson);
    expect(exported).toMatchObject({ version: 1, horizon: { start: HORIZON_START, days: 7 }, slotMinutes: 30 });
    expect(exported.topics.map((topic: { id: string }) => topic.id)).toEqual([world.training.id, world.webinar.id]);

    // The subscriber was told when the run was claimed, after progress reports, and when it finished.
    // (Each event resolves to the run as it is when read, so a fast run may already look finished.)
    await new Promise((resolve) => setTimeout(resolve, 200));
    const payloads = live.events.map((event) => event.data?.planningRunChanged);
    expect(live.events.filter((event) => event.error || event.errors), JSON.stringify(live.events)).toEqual([]);
    // Claimed, then any progress reports, then finished. A progress report is written at most every
    // progressMs and only while the run is still going, so a solve that ends first (a loaded machine
    // delays the write past the finish) sends none: the count is not fixed, the order is.
    expect(payloads.length, JSON.stringify(payloads)).toBeGreaterThanOrEqual(2);
    expect(payloads.at(-1)).toMatchObject({ status: "SUCCEEDED", progress: { phase: "DONE" }, metrics: { sessions: done.metrics.sessions } });

    // The cancelled-while-queued run never ran.
    expect(await db.prisma.planningRun.findUnique({ where: { id: rawId(doomed.id) }, select: { status: true, attempts: true } })).toEqual({ status: "CANCELLED", attempts: 0 });
    const again = await manager.request(CANCEL, { id: run.id });
    expect(again.data.cancelPlanningRun.__typename).toBe("PlanningRunFinishedError");

    const list = await manager.request(`{ planningRuns(first: 10) { totalCount edges { node { id status } } } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data.planningRuns.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([run.id, doomed.id, longId]);
  });

  it("accepts an instance without demand and reports it", async () => {
    const lonely = await db.prisma.topic.create({
      data: { title: "Тема без голосов", description: "Пока никто не голосовал", block: "SERVICE_CULTURE", format: "SEMINAR", status: "NEW" },
    });
    const result = await manager.request(START, { input: input({ topicIds: [globalId("Topic", lonely.id)], timeLimitSeconds: 1 }) });
    const run = result.data.startPlanningRun.data;
    expect(run.instanceSummary).toEqual({ topics: 1, demandPairs: 0, reservedSessions: 0, warnings: ["NO_DEMAND", "NO_QUALIFIED_TRAINER"] });
    const done = await waitForStatus(run.id, ["SUCCEEDED", "FAILED"]);
    expect(done).toMatchObject({ status: "SUCCEEDED", metrics: { sessions: 0, demandPairs: 0 } });
  });
});
