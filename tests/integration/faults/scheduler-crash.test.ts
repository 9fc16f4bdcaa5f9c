import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Client } from "graphql-ws";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { INTERRUPTED } from "../../../domain/planning/runner";
import { generateInstance, SIZES } from "../../../scheduler/generate";
import type { Instance } from "../../../scheduler/types";
import { ApiClient, startApiServer, type ApiServer } from "../helpers/api-server";
import { useTestDatabase } from "../helpers/database";
import { subscribe } from "../helpers/subscriptions";
import { createUsers, TEST_PASSWORD } from "../helpers/users";

/**
 * Drill: the process running a scheduler run is killed (SIGKILL: no shutdown hook, no last write)
 * while the solver is busy. Another runner must notice the stale heartbeat and either run it again
 * to one clean result or fail it, and a manager following the run sees how it ended. A run is
 * never left RUNNING.
 */

const db = useTestDatabase();
const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "planning-runner-process.ts");
/** Short intervals so recovery happens within seconds (production: 2 s heartbeat, 30 s stale). */
const RUNNER = { pollMs: 100, heartbeatMs: 200, staleMs: 1_500, progressMs: 100 };

let instance: Instance;
let managerId: string;
/** The manager's session cookie, signed in once (argon2 is slow; the drill's timing is tight). */
let managerCookie: string;
let server: ApiServer | undefined;
let child: ChildProcess | undefined;
const sockets: Client[] = [];

/**
 * A generated centre (300 staff, 12 topics, 14 days) that the solver cannot finish early: it
 * searches until its time limit. Its sites, rooms, trainers and topics are stored under the
 * instance's own ids so a proposal can be written as ProposedSession rows.
 */
beforeAll(async () => {
  instance = generateInstance({ ...SIZES.small, seed: 7 });
  const [boss] = await createUsers(db.prisma, 1, { prefix: "crash-manager", role: "MANAGER" });
  managerId = boss.id;
  for (const site of instance.sites) {
    await db.prisma.site.create({
      data: { code: site.id, name: site.id, address: site.id, rooms: { create: site.rooms.map((room) => ({ id: room.id, name: room.id, capacity: room.capacity })) } },
    });
  }
  await db.prisma.topic.createMany({
    data: instance.topics.map((topic) => ({ id: topic.id, title: topic.id, description: topic.id, block: "SERVICE_DELIVERY" as const, format: topic.online ? ("WEBINAR" as const) : ("TRAINING" as const), status: "OPEN" as const })),
  });
  await db.prisma.trainer.createMany({ data: instance.trainers.map((trainer) => ({ id: trainer.id, name: trainer.id })) });
  const signInServer = await startApiServer(db);
  managerCookie = (await new ApiClient(signInServer).signIn(boss.email, TEST_PASSWORD)).cookie!;
  await signInServer.close();
});

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  child = undefined;
  await Promise.all(sockets.splice(0).map((socket) => socket.dispose()));
  await server?.close();
  server = undefined;
}, 30_000);

afterAll(async () => {
  await db.prisma.planningRun.deleteMany();
});

/** Starts a runner process; resolves once its runner started. */
function startRunnerProcess(instanceId: string): Promise<ChildProcess> {
  const spawned = spawn(process.execPath, ["--import", "tsx", entry], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      RUNNER_INSTANCE_ID: instanceId,
      RUNNER_POLL_MS: String(RUNNER.pollMs),
      RUNNER_HEARTBEAT_MS: String(RUNNER.heartbeatMs),
      RUNNER_STALE_MS: String(RUNNER.staleMs),
      RUNNER_PROGRESS_MS: String(RUNNER.progressMs),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child = spawned;
  return new Promise((resolve, reject) => {
    createInterface({ input: spawned.stdout! }).on("line", (line) => line === "READY" && resolve(spawned));
    spawned.once("exit", (code, signal) => reject(new Error(`runner process exited (${code ?? signal}) before it was ready`)));
  });
}

const enqueue = (timeLimitSeconds: number) =>
  db.prisma.planningRun.create({
    data: {
      horizonStart: new Date(`${instance.horizon.start}T00:00:00Z`),
      horizonDays: instance.horizon.days,
      timeLimitSeconds,
      createdById: managerId,
      instance: JSON.parse(JSON.stringify(instance)),
    },
    select: { id: true },
  });

const readRun = (id: string) =>
  db.prisma.planningRun.findUniqueOrThrow({
    where: { id },
    select: { status: true, attempts: true, error: true, lockedBy: true, heartbeatAt: true, progress: true, proposal: true, finishedAt: true, _count: { select: { sessions: true } } },
  });

/** Polls the run row (the child process's work is visible only there) until `done` holds. */
async function waitForRun(id: string, done: (row: Awaited<ReturnType<typeof readRun>>) => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await readRun(id);
    if (done(row)) return row;
    if (Date.now() > deadline) throw new Error(`timed out; run is ${JSON.stringify({ ...row, proposal: row.proposal ? "…" : null })}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const FOLLOW = /* GraphQL */ `
  subscription ($id: ID!) { planningRunChanged(runId: $id) { id status attempts error progress { phase fraction } metrics { sessions } } }
`;
const FINISHED = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

/** A runner process claims the run; resolves once it is solving and has reported progress. */
async function claimInDoomedProcess(runId: string) {
  const victim = await startRunnerProcess("doomed");
  const running = await waitForRun(runId, (row) => row.status === "RUNNING" && row.lockedBy?.startsWith("doomed/") === true && row.progress !== null);
  return { victim, running };
}

async function kill(victim: ChildProcess) {
  const exited = new Promise((resolve) => victim.once("exit", resolve));
  victim.kill("SIGKILL");
  await exited;
}

/**
 * The API server with the surviving runner, and a manager following the run. Started while the
 * doomed process still holds a fresh heartbeat, so the survivor leaves the run alone until the kill
 * and the manager misses no event.
 */
async function survivorFollowing(runId: string, runner: { instanceId: string; maxAttempts?: number }) {
  server = await startApiServer(db, { planningRunner: { ...RUNNER, ...runner } });
  const manager = new ApiClient(server);
  manager.cookie = managerCookie;
  const live = subscribe(sockets, manager, FOLLOW, { id: encodeGlobalID("PlanningRun", runId) });
  await live.ready;
  return live;
}

/** Follows the run as a manager until a finished status arrives. */
async function followUntilFinished(live: ReturnType<typeof subscribe>) {
  for (let count = 1; ; count++) {
    const events = await live.next(count, 40_000);
    const last = events.at(-1);
    if (last.error || last.errors) throw new Error(`subscription failed: ${JSON.stringify(last)}`);
    if (FINISHED.has(last.data.planningRunChanged.status)) return last.data.planningRunChanged;
  }
}

describe("scheduler run whose process is killed mid-run", () => {
  it("is resumed by another runner and finishes once, with one set of proposals", async () => {
    // Long enough that the doomed process is still solving when it is killed, short enough for the retry.
    const { id: runId } = await enqueue(10);
    const { victim, running } = await claimInDoomedProcess(runId);
    const live = await survivorFollowing(runId, { instanceId: "survivor" });
    await kill(victim);
    const killed = await readRun(runId);
    // The dead process's claim is still there: nothing but the heartbeat tells it is gone.
    expect(killed).toMatchObject({ status: "RUNNING", attempts: 1, lockedBy: running.lockedBy, proposal: null, _count: { sessions: 0 } });

    const seen = await followUntilFinished(live);
    expect(seen).toMatchObject({ status: "SUCCEEDED", attempts: 2, error: null, progress: { phase: "DONE", fraction: 1 } });

    const run = await readRun(runId);
    expect(run).toMatchObject({ status: "SUCCEEDED", attempts: 2, error: null });
    expect(run.lockedBy).toMatch(/^survivor\//);
    expect(run.finishedAt).toBeInstanceOf(Date);
    // One attempt's proposals: exactly the stored proposal's sessions, no duplicates.
    const proposal = run.proposal as { sessions: Array<{ topicId: string; trainerId: string; start: string }> };
    expect(proposal.sessions.length).toBeGreaterThan(0);
    expect(run._count.sessions).toBe(proposal.sessions.length);
    expect(seen.metrics.sessions).toBe(proposal.sessions.length);
    const rows = await db.prisma.proposedSession.findMany({ where: { runId }, select: { trainerId: true, date: true, startMinute: true } });
    const slots = rows.map((row) => `${row.trainerId} ${row.date.toISOString()} ${row.startMinute}`);
    expect(new Set(slots).size).toBe(slots.length);
  }, 60_000);

  it("is failed cleanly, not left RUNNING, when it had no attempt left", async () => {
    const { id: runId } = await enqueue(30);
    const { victim } = await claimInDoomedProcess(runId);
    const live = await survivorFollowing(runId, { instanceId: "sweeper", maxAttempts: 1 });
    await kill(victim);

    const seen = await followUntilFinished(live);
    expect(seen).toMatchObject({ status: "FAILED", attempts: 1, error: INTERRUPTED });
    const run = await readRun(runId);
    expect(run).toMatchObject({ status: "FAILED", attempts: 1, error: INTERRUPTED, lockedBy: null, proposal: null, _count: { sessions: 0 } });
    expect(run.finishedAt).toBeInstanceOf(Date);
  }, 60_000);
});
