/**
 * `npm run bench:live` — subscription fan-out: N WebSocket subscribers while votes flow at a fixed
 * rate; prints delivery latency p50/p95/p99/max, messages and pulses per second, and a PASS/MISS
 * verdict against the target (p95 < 250 ms with 2,000 subscribers at 1,000 votes/s). A
 * benchmark, not a timed test: it exits 0 unless something breaks.
 *
 * - A fresh database on TEST_DATABASE_URL's server, migrated and filled by bulk SQL
 *   (helpers/live-seed.ts: managers to subscribe, staff to vote, topics, some votes); dropped at the
 *   end, also on error and on Ctrl-C.
 * - The API server (Yoga + graphql-ws, no Remix) in a child process in production mode
 *   (helpers/api-server-entry.ts); everyone signed in by minted session cookies.
 * - Subscribers live in BENCH_LIVE_WORKERS worker threads (helpers/live-subscriber-worker.ts), the
 *   open-loop vote driver (helpers/live-votes.ts) on the main thread; each measures its own
 *   event-loop delay, so a bench that cannot keep up says so.
 * - Pulse mode (the dashboard's live channel): for each level of BENCH_LIVE_LEVELS managers
 *   subscribe to `dashboardPulse`, then votes flow at BENCH_LIVE_LOW_RATE and BENCH_LIVE_RATE.
 *   Latency = receive time − the pulse's latestChangeAt (the newest vote it covers).
 * - Per-vote mode (BENCH_LIVE_PERVOTE, "subscribers@rate,…"): staff subscribe to
 *   `topicVoteChanged`, one message per vote per subscriber, no coalescing: latency = receive time
 *   − the vote's send time. Shows what the pulse saves.
 * - BENCH_LIVE_INSTANCES=2: the production topology for many dashboards: two server processes
 *   sharing events over Redis (BENCH_REDIS_URL, else REDIS_URL, else 127.0.0.1:6379; a unique
 *   channel prefix per run), votes sent to the first, subscribers connected to the second.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, type RecordableHistogram } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { DEFAULT_ADMIN_URL, uniqueDatabaseName, withDatabase } from "../../prisma/migrate";
import { startApiServerProcess } from "./helpers/api-server-process";
import { BenchRun, log } from "./helpers/bench-run";
import { CpuMeter, processCpuMs, type CpuSnapshot, type CpuUsage } from "./helpers/cpu";
import { seedLiveWorld, type LiveWorld } from "./helpers/live-seed";
import { mintSessionCookies } from "./helpers/session-cookies";
import { SubscriberPool, type LiveMode, type WindowStats } from "./helpers/live-subscribers";
import { globalTopicId, VoteDriver, type DriveResult } from "./helpers/live-votes";

const here = path.dirname(fileURLToPath(import.meta.url));
const int = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const list = (value: string) => value.split(",").map((item) => item.trim()).filter(Boolean);

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const LEVELS = list(process.env.BENCH_LIVE_LEVELS ?? "500,2000").map(Number);
const RATE = int("BENCH_LIVE_RATE", 1000);
const LOW_RATE = int("BENCH_LIVE_LOW_RATE", 300);
const RATES = [...new Set([LOW_RATE, RATE].filter((rate) => rate > 0))];
const PER_VOTE_SPEC = process.env.BENCH_LIVE_PERVOTE ?? "500@100";
const PER_VOTE = PER_VOTE_SPEC === "off" ? [] : list(PER_VOTE_SPEC).map((spec) => {
  const match = /^(\d+)@(\d+)$/.exec(spec);
  if (!match) throw new Error(`BENCH_LIVE_PERVOTE: "${spec}" is not subscribers@rate (e.g. 500@100), nor "off"`);
  return { subscribers: Number(match[1]), rate: Number(match[2]) };
});
const STAFF = int("BENCH_LIVE_STAFF", 2000);
const TOPICS = int("BENCH_LIVE_TOPICS", 200);
const SEED_VOTE_PERCENT = int("BENCH_LIVE_SEED_VOTE_PERCENT", 5);
const WARMUP_MS = int("BENCH_LIVE_WARMUP_MS", 3000);
const DURATION_MS = int("BENCH_LIVE_DURATION_MS", 15_000);
const PER_VOTE_DURATION_MS = int("BENCH_LIVE_PERVOTE_DURATION_MS", 10_000);
const WORKERS = int("BENCH_LIVE_WORKERS", 2);
const POOL_SIZE = int("BENCH_POOL_SIZE", 20);
const SOCKETS = int("BENCH_LIVE_SOCKETS", 64);
const MAX_IN_FLIGHT = int("BENCH_LIVE_MAX_IN_FLIGHT", 512);
const CONNECT_CONCURRENCY = int("BENCH_LIVE_CONNECT_CONCURRENCY", 25);
const RING_SIZE = 256;
const INSTANCES = int("BENCH_LIVE_INSTANCES", 1);
if (INSTANCES !== 1 && INSTANCES !== 2) throw new Error(`BENCH_LIVE_INSTANCES must be 1 or 2, not ${process.env.BENCH_LIVE_INSTANCES}`);
if (INSTANCES === 2) {
  // Read by api-server-entry.ts in both server processes.
  process.env.BENCH_REDIS_URL ||= process.env.REDIS_URL || "redis://127.0.0.1:6379";
  process.env.BENCH_REDIS_PREFIX = `bench-live-${randomBytes(4).toString("hex")}:`;
}
const TARGET = { subscribers: 2000, rate: 1000, p95Ms: 250 };
/** A bench thread whose event loop lags more than this at p99 is part of the measurement. */
const BENCH_LAG_LIMIT_MS = 50;

// The cookie is signed here and verified in the server process: both need the same secret.
process.env.SESSION_SECRET ??= randomBytes(32).toString("hex");

// ---------------------------------------------------------------------------------------------
// Clean-up on every exit path.

const bench = new BenchRun(withDatabase(ADMIN_URL, uniqueDatabaseName("spros_live")));
const { databaseUrl } = bench;
/** The votes' server first; with two instances the subscribers' second. */
const serverProcesses: ChildProcess[] = [];
const subscriberPools = new Set<SubscriberPool>();
let driver: VoteDriver | undefined;
bench.onCleanUp(() => Promise.all([...subscriberPools].map((pool) => pool.close().catch(() => {}))));
bench.onCleanUp(() => driver?.close());

// ---------------------------------------------------------------------------------------------

function startServer(): Promise<string> {
  const onSpawn = (child: ChildProcess) => {
    serverProcesses.push(child);
    bench.serverProcess(child);
  };
  return startApiServerProcess({ databaseUrl, poolSize: POOL_SIZE, onSpawn });
}

/** The soft limit on open files (each subscriber is one socket here and one in the server). */
function openFileLimit(): number {
  try {
    const line = readFileSync("/proc/self/limits", "utf8").split("\n").find((l) => l.startsWith("Max open files"));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === "unlimited" ? Infinity : Number(soft);
  } catch {
    return Infinity;
  }
}

// ---------------------------------------------------------------------------------------------
// One measured run: subscribers already connected, votes at `rate`.

type Run = {
  mode: LiveMode;
  subscribers: number;
  failed: number;
  connectMs: number;
  ready: number;
  drive: DriveResult;
  window: WindowStats;
  cpu: CpuUsage;
  /** CPU of the subscribers' instance (ms) when it is not the votes' one (already in cpu.server). */
  fanOutCpu: number | null;
  driverLagP99Ms: number;
};

let meter: CpuMeter;
const driverLag = monitorEventLoopDelay({ resolution: 10 });

async function readCounts(pool: pg.Pool) {
  const { rows } = await pool.query<{ id: string; voteCount: number }>(`SELECT "id", "voteCount" FROM "Topic"`);
  return new Map(rows.map((row) => [row.id, row.voteCount]));
}

async function measure(
  pool: SubscriberPool,
  setupPool: pg.Pool,
  rate: number,
  durationMs: number,
): Promise<{ drive: DriveResult; window: WindowStats; cpu: CpuUsage; fanOutCpu: number | null; driverLagP99Ms: number }> {
  driver!.setCounts(await readCounts(setupPool));
  let before!: CpuSnapshot;
  let after!: CpuSnapshot;
  let window!: WindowStats;
  const fanOutPid = serverProcesses[1]?.pid;
  const fanOutMs = () => (fanOutPid ? (processCpuMs(fanOutPid) ?? 0) : 0);
  let fanOutBefore = 0;
  let fanOutAfter = 0;
  const drive = await driver!.run(rate, WARMUP_MS, durationMs, {
    onWindowStart: async () => {
      [before] = await Promise.all([meter.snapshot(), pool.start()]);
      fanOutBefore = fanOutMs();
      driverLag.reset();
      driverLag.enable();
    },
    onWindowEnd: async () => {
      driverLag.disable();
      [after, window] = await Promise.all([meter.snapshot(), pool.stop()]);
      fanOutAfter = fanOutMs();
    },
  });
  const driverLagP99Ms = driverLag.count ? Math.max(0, driverLag.percentile(99) / 1e6 - 10) : 0; // minus the resolution
  const cpu = CpuMeter.between(before, after);
  const fanOutCpu = fanOutPid ? fanOutAfter - fanOutBefore : null;
  if (fanOutCpu !== null) cpu.server += fanOutCpu;
  return { drive, window, cpu, fanOutCpu, driverLagP99Ms };
}

async function withSubscribers(
  mode: LiveMode,
  url: string,
  cookies: string[],
  topicGlobalIds: string[],
  ring: SharedArrayBuffer,
  body: (pool: SubscriberPool, connected: { connected: number; failed: number; ms: number; ready: number }) => Promise<void>,
) {
  const pool = new SubscriberPool({
    url: url.replace(/^http/, "ws"),
    cookies,
    mode,
    topicGlobalIds,
    ring,
    ringSize: RING_SIZE,
    connectConcurrency: CONNECT_CONCURRENCY,
    workers: WORKERS,
  });
  subscriberPools.add(pool);
  try {
    const connected = await pool.connect();
    log(`${mode}: ${connected.connected} subscribers connected, ${connected.failed} failed, in ${connected.ms} ms` +
      (connected.firstError ? ` (first error: ${connected.firstError})` : ""));
    // Every subscriber is live once one vote reaches all of them.
    await pool.arm();
    await driver!.vote();
    const { got, open } = await pool.awaitAll(30_000);
    log(`${mode}: ${got} of ${open} open subscribers received the probe vote`);
    await body(pool, { ...connected, ready: got });
  } finally {
    await pool.close();
    subscriberPools.delete(pool);
  }
}

// ---------------------------------------------------------------------------------------------
// Report.

const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const pct = (histogram: RecordableHistogram, p: number) => (histogram.count ? histogram.percentile(p) : NaN);
const median = (values: number[]) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const core = (ms: number, seconds: number) => `${fmt((100 * ms) / (seconds * 1000))}%`;

function benchBottleneck(run: Run): string | null {
  const lag = Math.max(run.driverLagP99Ms, run.window.eventLoopP99Ms);
  return lag > BENCH_LAG_LIMIT_MS
    ? `the bench itself lags (event-loop delay p99: driver ${fmt(run.driverLagP99Ms)} ms, subscriber threads ${fmt(run.window.eventLoopP99Ms)} ms): part of the latency is the bench's`
    : null;
}

function verdict(run: Run): string {
  if (run.mode !== "pulse" || run.subscribers < TARGET.subscribers || run.drive.rate < TARGET.rate) return "";
  const misses: string[] = [];
  const p95 = pct(run.window.latency, 95);
  if (!(p95 < TARGET.p95Ms)) misses.push(`p95 ${fmt(p95)} ms ≥ ${TARGET.p95Ms} ms`);
  if (run.drive.achievedPerSecond < 0.95 * TARGET.rate) misses.push(`only ${fmt(run.drive.achievedPerSecond)} votes/s went through`);
  if (run.failed > 0 || run.window.open < run.subscribers) misses.push(`${run.subscribers - run.window.open} subscribers lost`);
  return misses.length ? `MISS (${misses.join("; ")})` : "PASS";
}

const loadAtStart = os.loadavg();

function printReport(runs: Run[]) {
  const [load1, load5] = os.loadavg();
  console.log("");
  console.log(
    `Machine: ${os.cpus().length} cores, load average (1 min / 5 min) ${fmt(loadAtStart[0], 1)} / ${fmt(loadAtStart[1], 1)} before the run, ` +
      `${fmt(load1, 1)} / ${fmt(load5, 1)} at the end ` +
      `(bench, server and PostgreSQL share it). Server: ${INSTANCES === 2 ? "two processes sharing events over Redis, votes to the first, subscribers on the second" : "separate process"}, NODE_ENV=production, Prisma pool ${POOL_SIZE}${INSTANCES === 2 ? " each" : ""}; ` +
      `subscribers over ${WORKERS} worker thread(s); ${WARMUP_MS / 1000} s warm-up, then ${DURATION_MS / 1000} s measured ` +
      `(per-vote mode ${PER_VOTE_DURATION_MS / 1000} s). Target: p95 < ${TARGET.p95Ms} ms with ${TARGET.subscribers} subscribers at ${TARGET.rate} votes/s.`,
  );
  const header = ["mode", "subs", "votes/s", "achieved", "vote p50", "msgs/s", "pulses/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "server", "postgres", "bench", "verdict"];
  const widths = [9, 5, 7, 8, 8, 8, 8, 7, 7, 7, 7, 6, 8, 6, 0];
  const row = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i])).join("  ");
  const lines = [row(header)];
  for (const run of runs) {
    const { drive, window: w, cpu } = run;
    const seconds = drive.seconds;
    lines.push(
      row([
        run.mode === "pulse" ? "pulse" : "per-vote",
        String(w.open),
        String(drive.rate),
        fmt(drive.achievedPerSecond),
        fmt(pct(drive.latency, 50) / 1000, 1),
        fmt(w.received / seconds),
        run.mode === "pulse" ? fmt(w.sequences.length / seconds, 1) : "–",
        fmt(pct(w.latency, 50)),
        fmt(pct(w.latency, 95)),
        fmt(pct(w.latency, 99)),
        fmt(w.latency.count ? w.latency.max : NaN),
        core(cpu.server, seconds),
        core(cpu.database, seconds),
        core(cpu.generator, seconds),
        verdict(run),
      ]),
    );
  }
  console.log(lines.join("\n"));
  console.log(
    "(votes/s: the open-loop target; achieved: votes answered per second in the window; vote p50: the mutation's own latency, ms; " +
      "msgs/s: messages received by all subscribers together; latency: pulse mode from the newest vote a pulse covers (server stamp after the commit), " +
      "per-vote mode from the vote's send; CPU in % of one core over the window, 200% = both cores.)",
  );
  console.log("Details:");
  for (const run of runs) {
    const { drive, window: w } = run;
    const name = `  ${run.mode === "pulse" ? "pulse" : "per-vote"} ${run.subscribers} subscribers @ ${drive.rate}/s:`;
    const parts = [
      `connected ${run.subscribers}, failed ${run.failed} (connect ${fmt(run.connectMs / 1000, 1)} s), probe reached ${run.ready}`,
      `votes sent ${drive.sent}, answered ${drive.completed}, skipped ${drive.skipped} (over ${MAX_IN_FLIGHT} in flight), errors ${drive.errors}` +
        (drive.firstError ? ` (first: ${drive.firstError})` : "") +
        `, vote p99 ${fmt(pct(drive.latency, 99) / 1000)} ms`,
    ];
    if (run.mode === "pulse") {
      const seqs = w.sequences;
      parts.push(
        `pulses ${seqs.length}, deliveries per pulse median ${fmt(median(seqs.map((s) => s.count)))}; ` +
          `newest vote → pulse start median ${fmt(median(seqs.map((s) => s.asOf - s.latestChangeAt)))} ms, ` +
          `pulse start → first subscriber ${fmt(median(seqs.map((s) => s.first - s.asOf)))} ms, ` +
          `first → last subscriber (fan-out spread) median ${fmt(median(seqs.map((s) => s.last - s.first)))} ms / max ${fmt(Math.max(...seqs.map((s) => s.last - s.first)))} ms`,
        `oldest vote a pulse first shows (receive − previous pulse's latestChangeAt): p50 ${fmt(pct(w.oldest, 50))} ms, p95 ${fmt(pct(w.oldest, 95))} ms, max ${fmt(w.oldest.count ? w.oldest.max : NaN)} ms`,
      );
    } else {
      parts.push(
        `messages expected ≈ ${fmt(drive.achievedPerSecond * run.subscribers)}/s, received ${fmt(w.received / drive.seconds)}/s; unmatched ${w.unmatched}`,
      );
    }
    if (run.fanOutCpu !== null) {
      parts.push(`server CPU: votes' instance ${core(run.cpu.server - run.fanOutCpu, drive.seconds)}, subscribers' instance ${core(run.fanOutCpu, drive.seconds)}`);
    }
    parts.push(
      `subscribers closed during the window ${w.closedInWindow}; bench event-loop delay p99: driver ${fmt(run.driverLagP99Ms, 1)} ms, ` +
        `subscriber threads ${fmt(w.eventLoopP99Ms, 1)} ms (max ${fmt(w.eventLoopMaxMs)} ms)`,
    );
    const lag = benchBottleneck(run);
    if (lag) parts.push(`NOTE: ${lag}`);
    console.log(`${name}\n    ${parts.join("\n    ")}`);
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const needed = Math.max(...LEVELS, ...PER_VOTE.map((p) => p.subscribers), 0);
  const limit = openFileLimit();
  if (limit < needed + 200) {
    throw new Error(`open-file limit ${limit} is too low for ${needed} subscribers (raise it with ulimit -n ${needed * 2 + 500})`);
  }
  const managers = Math.max(...LEVELS, 1);
  const staffNeeded = Math.max(...PER_VOTE.map((p) => p.subscribers), 0);
  if (staffNeeded > STAFF) throw new Error(`BENCH_LIVE_STAFF (${STAFF}) must be ≥ the per-vote subscribers (${staffNeeded})`);

  log(`database ${new URL(databaseUrl).pathname.slice(1)} on ${new URL(ADMIN_URL).host}; open-file limit ${limit}`);
  await bench.createDatabase();
  const setupPool = bench.pool(new pg.Pool({ connectionString: databaseUrl, max: 4 }));
  const world: LiveWorld = await seedLiveWorld(setupPool, { managers, staff: STAFF, topics: TOPICS, seedVotePercent: SEED_VOTE_PERCENT }, log);
  const managerCookies = await mintSessionCookies(setupPool, world.managerIds);
  const staffCookies = await mintSessionCookies(setupPool, world.staffIds);

  const graphqlUrl = await startServer();
  const subscriptionUrl = INSTANCES === 2 ? await startServer() : graphqlUrl;
  meter = new CpuMeter(serverProcesses[0]?.pid, setupPool, new URL(databaseUrl).pathname.slice(1));
  log(
    `API server (NODE_ENV=production, Prisma pool ${POOL_SIZE}) at ${graphqlUrl}` +
      (INSTANCES === 2 ? `, subscribers' instance at ${subscriptionUrl} (events over ${process.env.BENCH_REDIS_URL}, prefix ${process.env.BENCH_REDIS_PREFIX})` : "") +
      `; load average ${os.loadavg()[0].toFixed(1)}`,
  );

  const ringBuffer = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * TOPICS * RING_SIZE);
  driver = new VoteDriver(graphqlUrl, world, staffCookies, new Float64Array(ringBuffer), RING_SIZE, { sockets: SOCKETS, maxInFlight: MAX_IN_FLIGHT });
  const topicGlobalIds = world.topicIds.map(globalTopicId);
  const runs: Run[] = [];

  for (const level of LEVELS) {
    await withSubscribers("pulse", subscriptionUrl, managerCookies.slice(0, level), topicGlobalIds, ringBuffer, async (pool, connected) => {
      for (const rate of RATES) {
        log(`pulse: ${connected.connected} subscribers, ${rate} votes/s, ${WARMUP_MS} ms warm-up + ${DURATION_MS} ms`);
        const result = await measure(pool, setupPool, rate, DURATION_MS);
        runs.push({ mode: "pulse", subscribers: connected.connected, failed: connected.failed, connectMs: connected.ms, ready: connected.ready, ...result });
        log(`  achieved ${fmt(result.drive.achievedPerSecond)} votes/s, p95 ${fmt(pct(result.window.latency, 95))} ms`);
        await new Promise((resolve) => setTimeout(resolve, 1500)); // let the last pulse go out
      }
    });
  }
  for (const { subscribers, rate } of PER_VOTE) {
    await withSubscribers("perVote", subscriptionUrl, staffCookies.slice(0, subscribers), topicGlobalIds, ringBuffer, async (pool, connected) => {
      log(`per-vote: ${connected.connected} subscribers, ${rate} votes/s, ${WARMUP_MS} ms warm-up + ${PER_VOTE_DURATION_MS} ms`);
      const result = await measure(pool, setupPool, rate, PER_VOTE_DURATION_MS);
      runs.push({ mode: "perVote", subscribers: connected.connected, failed: connected.failed, connectMs: connected.ms, ready: connected.ready, ...result });
      log(`  achieved ${fmt(result.drive.achievedPerSecond)} votes/s, p95 ${fmt(pct(result.window.latency, 95))} ms`);
    });
  }

  printReport(runs);
  const { rows: drift } = await setupPool.query(
    `SELECT count(*)::int AS n FROM "Topic" t WHERE t."voteCount" <> (SELECT count(*) FROM "Vote" v WHERE v."topicId" = t."id")`,
  );
  console.log(`Consistency after the runs: ${drift[0].n} topics whose voteCount differs from count(Vote)`);
}

await bench.run(main);
