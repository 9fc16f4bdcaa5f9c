import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPlanningRunner, INTERRUPTED, type PlanningRunner } from "../../domain/planning/runner";
import { enqueuePlanningRun } from "../../domain/planning/start-run";
import { createSprosPubSub } from "../../graphql/pubsub";
import { generateInstance, SIZES } from "../../scheduler/generate";
import { useTestDatabase } from "./helpers/database";
import { HORIZON_START, seedPlanningWorld } from "./helpers/planning-world";

const db = useTestDatabase();
let world: Awaited<ReturnType<typeof seedPlanningWorld>>;
const runners: PlanningRunner[] = [];

beforeAll(async () => {
  world = await seedPlanningWorld(db.prisma, { prefix: "runner" });
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

function runner(instanceId: string, options: { pollMs?: number; staleMs?: number; heartbeatMs?: number } = {}) {
  const created = createPlanningRunner({ prisma: db.prisma, pubsub: createSprosPubSub(), instanceId, pollMs: 50, heartbeatMs: 100, staleMs: 60_000, ...options });
  runners.push(created);
  return created;
}

const enqueue = () =>
  enqueuePlanningRun(db.prisma, { horizonStart: HORIZON_START, horizonDays: 7, timeLimitSeconds: 2, createdById: world.manager.id });

/** A run the solver needs many seconds for (a generated medium-size centre), frozen as-is. */
const enqueueLong = () =>
  db.prisma.planningRun.create({
    data: {
      horizonStart: new Date("2026-12-07"),
      horizonDays: 28,
      timeLimitSeconds: 60,
      createdById: world.manager.id,
      instance: JSON.parse(JSON.stringify(generateInstance({ ...SIZES.medium, seed: 1 }))),
    },
    select: { id: true },
  });

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const readRun = (id: string) =>
  db.prisma.planningRun.findUniqueOrThrow({
    where: { id },
    select: { status: true, attempts: true, error: true, lockedBy: true, progress: true, proposal: true, _count: { select: { sessions: true } } },
  });

describe("planning runner", () => {
  it("two runners on one database execute a queued run exactly once", async () => {
    const [{ runId }, ...others] = await Promise.all([enqueue(), enqueue(), enqueue()]);
    const a = runner("a");
    const b = runner("b");
    await Promise.all([a.start(), b.start()]);
    const finished = (row: { status: string }) => row.status !== "QUEUED" && row.status !== "RUNNING";
    for (const other of others) {
      const row = await waitFor(() => readRun(other.runId), finished);
      expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
      expect(row._count.sessions).toBe((row.proposal as { sessions: unknown[] }).sessions.length);
    }
    const run = await waitFor(() => readRun(runId), finished);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.attempts).toBe(1);
    expect(run.lockedBy).toMatch(/^(a|b)\//);
    const proposal = run.proposal as { sessions: unknown[] };
    expect(proposal.sessions.length).toBeGreaterThan(0);
    // One set of sessions: exactly the proposal's, written once.
    expect(run._count.sessions).toBe(proposal.sessions.length);
    expect(run.progress).toMatchObject({ phase: "done", fraction: 1 });
    const rows = await db.prisma.proposedSession.findMany({ where: { runId } });
    const inPerson = rows.find((row) => row.topicId === world.training.id)!;
    expect(inPerson).toMatchObject({ siteId: world.strogino.id, trainerId: world.anna.id });
    expect(inPerson.attendeeIds.length).toBeGreaterThanOrEqual(2);
    expect(inPerson.endMinute - inPerson.startMinute).toBe(120);
    expect(inPerson.preferredAttendees + inPerson.ifNeedBeAttendees).toBe(inPerson.attendeeIds.length);
    const online = rows.find((row) => row.topicId === world.webinar.id);
    if (online) expect(online).toMatchObject({ siteId: null, roomId: null });
  });

  it("re-queues a run whose heartbeat went stale, and another runner completes it", async () => {
    const { runId } = await enqueue();
    // A process claimed it a minute ago and died.
    await db.prisma.planningRun.update({
      where: { id: runId },
      data: { status: "RUNNING", lockedBy: "dead/1", attempts: 1, heartbeatAt: new Date(Date.now() - 60_000), startedAt: new Date(Date.now() - 60_000) },
    });
    const alive = runner("alive", { staleMs: 1_000 });
    await alive.start();
    const run = await waitFor(() => readRun(runId), (row) => row.status === "SUCCEEDED" || row.status === "FAILED");
    expect(run).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect(run.lockedBy).toMatch(/^alive\//);
    expect(run._count.sessions).toBeGreaterThan(0);
  });

  it("fails an interrupted run whose attempts are exhausted instead of leaving it RUNNING", async () => {
    const { runId } = await enqueue();
    await db.prisma.planningRun.update({
      where: { id: runId },
      data: { status: "RUNNING", lockedBy: "dead/2", attempts: 2, heartbeatAt: new Date(Date.now() - 60_000) },
    });
    const fresh = await enqueue(); // a live RUNNING run with a fresh heartbeat must be left alone
    await db.prisma.planningRun.update({ where: { id: fresh.runId }, data: { status: "RUNNING", lockedBy: "busy/1", attempts: 1, heartbeatAt: new Date() } });
    const sweeper = runner("sweeper", { staleMs: 5_000 });
    expect(await sweeper.recover()).toEqual([runId]);
    expect(await readRun(runId)).toMatchObject({ status: "FAILED", error: INTERRUPTED, lockedBy: null, _count: { sessions: 0 } });
    expect(await readRun(fresh.runId)).toMatchObject({ status: "RUNNING", lockedBy: "busy/1" });
    await db.prisma.planningRun.update({ where: { id: fresh.runId }, data: { status: "FAILED" } });
  });

  it("stopping the runner aborts the solver and leaves the run for recovery", async () => {
    const { id: runId } = await enqueueLong();
    const solo = runner("solo");
    await solo.start();
    await waitFor(() => readRun(runId), (row) => row.status === "RUNNING");
    const started = Date.now();
    await solo.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    const run = await readRun(runId);
    expect(run).toMatchObject({ status: "RUNNING", attempts: 1, _count: { sessions: 0 } });
    expect(run.proposal).toBeNull();
    await db.prisma.planningRun.update({ where: { id: runId }, data: { status: "FAILED" } });
  });
});
