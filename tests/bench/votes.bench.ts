/**
 * `npm run bench:votes` — throughput and latency of the vote mutation over HTTP against real
 * PostgreSQL, next to the raw ceiling (the same SQL statement sent straight through pg), plus the
 * time to load the topic list with 100k votes in the database. A benchmark, not a timed test: it
 * prints figures and a PASS/MISS verdict against the targets and always exits 0 unless
 * something breaks.
 *
 * - A fresh database on TEST_DATABASE_URL's server (default postgresql://postgres@127.0.0.1:5432),
 *   migrated, filled with BENCH_USERS users, BENCH_TOPICS open topics and BENCH_LIST_VOTES votes by
 *   bulk SQL; dropped at the end, also on error and on Ctrl-C.
 * - The API server (Yoga + graphql-ws, no Remix) runs in a child process in production mode with a
 *   Prisma pool of BENCH_POOL_SIZE connections, so the load generator doesn't share its event loop.
 * - Virtual clients are signed in by minting session cookies (real UserSession rows, helpers/session-cookies.ts) rather than by
 *   2,000 argon2 sign-ins: the vote path still reads and checks the cookie and loads the viewer.
 * - Each level runs closed-loop clients for BENCH_WARMUP_MS + BENCH_DURATION_MS; every operation
 *   toggles the vote of one of the client's own users on a random topic (vote when not voted,
 *   unvote when voted), so every request changes a row and publishes an event.
 * - The ceiling: the same statement as graphql/vote-store.ts via pg.Pool at the same client
 *   concurrency over the same number of connections, in this process.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { TOPICS, UNVOTE, VOTE } from "../../app/lib/documents";
import { DEFAULT_ADMIN_URL, uniqueDatabaseName, withDatabase } from "../../prisma/migrate";
import { mintSessionCookies } from "./helpers/session-cookies";
import { startApiServerProcess } from "./helpers/api-server-process";
import { BenchRun, log } from "./helpers/bench-run";
import { CpuMeter, type CpuSnapshot, type CpuUsage } from "./helpers/cpu";
import { GraphQLHttpClient, ms, runClosedLoop, type LoadOptions, type LoadResult } from "./helpers/load";

const int = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const LEVELS = (process.env.BENCH_LEVELS ?? "50,200").split(",").map(Number);
const USERS = int("BENCH_USERS", 2000);
const TOPIC_COUNT = int("BENCH_TOPICS", 200);
const LIST_VOTES = int("BENCH_LIST_VOTES", 100_000);
const POOL_SIZE = int("BENCH_POOL_SIZE", 20);
const CEILING_POOL_SIZE = int("BENCH_CEILING_POOL_SIZE", POOL_SIZE);
const WARMUP_MS = int("BENCH_WARMUP_MS", 2000);
const DURATION_MS = int("BENCH_DURATION_MS", 10_000);
const LIST_RUNS = int("BENCH_LIST_RUNS", 30);
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;
const TARGET_P99_LEVEL = 200;

// The cookie is signed here and verified in the server process: both need the same secret.
process.env.SESSION_SECRET ??= randomBytes(32).toString("hex");

/** Verbatim the statements of graphql/vote-store.ts (castVote / withdrawVote), as pg parameters. */
const VOTE_SQL = `
    WITH inserted AS (
      INSERT INTO "Vote" ("id", "userId", "topicId")
      SELECT $1, $2, t."id" FROM "Topic" t
      WHERE t."id" = $3 AND t."status" <> 'MERGED'
      ON CONFLICT ("userId", "topicId") DO NOTHING
      RETURNING "topicId"
    )
    UPDATE "Topic" SET "voteCount" = "voteCount" + 1
    WHERE "id" = (SELECT "topicId" FROM inserted)
    RETURNING "voteCount"`;
const UNVOTE_SQL = `
    WITH deleted AS (
      DELETE FROM "Vote" WHERE "userId" = $1 AND "topicId" = $2
      RETURNING "topicId"
    )
    UPDATE "Topic" SET "voteCount" = "voteCount" - 1
    WHERE "id" = (SELECT "topicId" FROM deleted)
    RETURNING "voteCount"`;

// ---------------------------------------------------------------------------------------------
// Clean-up on every exit path.

const bench = new BenchRun(withDatabase(ADMIN_URL, uniqueDatabaseName("spros_bench")));
const { databaseUrl } = bench;
let serverProcess: ChildProcess | undefined;

// ---------------------------------------------------------------------------------------------
// Fixture: users, topics and a skewed 100k-vote spread, by bulk SQL.

type Fixture = { userIds: string[]; topicIds: string[]; voted: Set<number>[] };

/** Topic i gets a share proportional to (n - i): a long tail, like a real backlog. */
function votesPerTopic(total: number, topics: number, users: number): number[] {
  const weight = (i: number) => topics - i;
  const weightSum = (topics * (topics + 1)) / 2;
  const counts = Array.from({ length: topics }, (_, i) => Math.min(users, Math.floor((total * weight(i)) / weightSum)));
  let missing = total - counts.reduce((sum, count) => sum + count, 0);
  for (let i = topics - 1; missing > 0; i = (i - 1 + topics) % topics) {
    if (counts[i] < users) {
      counts[i]++;
      missing--;
    }
  }
  return counts;
}

async function buildFixture(pool: pg.Pool): Promise<Fixture> {
  const started = performance.now();
  await pool.query(
    `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash")
     SELECT 'bu' || lpad(g::text, 6, '0'), 'bench-' || g || '@bench.spros', 'Участник ' || g, 'STAFF',
            'not-a-password-hash'
     FROM generate_series(0, $1::int - 1) g`,
    [USERS],
  );
  await pool.query(
    `INSERT INTO "Topic" ("id", "title", "description", "block", "format", "status", "authorId", "createdAt", "updatedAt")
     SELECT 'bt' || lpad(g::text, 6, '0'), 'Тема для замера №' || g, 'Описание темы для замера №' || g,
            (CASE WHEN g % 2 = 0 THEN 'SERVICE_DELIVERY' ELSE 'SERVICE_CULTURE' END)::"TopicBlock",
            (CASE WHEN g % 3 = 0 THEN 'WEBINAR' ELSE 'TRAINING' END)::"TopicFormat",
            'OPEN', 'bu000000', timestamptz '2026-11-01 09:00Z' + g * interval '1 minute', now()
     FROM generate_series(0, $1::int - 1) g`,
    [TOPIC_COUNT],
  );
  const userIds = Array.from({ length: USERS }, (_, i) => `bu${String(i).padStart(6, "0")}`);
  const topicIds = Array.from({ length: TOPIC_COUNT }, (_, i) => `bt${String(i).padStart(6, "0")}`);

  // Topic i is voted by `counts[i]` consecutive users starting at a topic-specific offset.
  const counts = votesPerTopic(LIST_VOTES, TOPIC_COUNT, USERS);
  const offsets = topicIds.map((_, i) => (i * 7919) % USERS);
  await pool.query(
    `INSERT INTO "Vote" ("id", "userId", "topicId", "createdAt")
     SELECT gen_random_uuid()::text, 'bu' || lpad(((spread.first + j) % $4::int)::text, 6, '0'), spread.topic,
            timestamptz '2026-11-10 09:00Z' + j * interval '1 second'
     FROM unnest($1::text[], $2::int[], $3::int[]) AS spread(topic, votes, first)
     CROSS JOIN LATERAL generate_series(0, spread.votes - 1) AS j`,
    [topicIds, counts, offsets, USERS],
  );
  await pool.query(
    `UPDATE "Topic" t SET "voteCount" = c.n
     FROM (SELECT "topicId", count(*)::int AS n FROM "Vote" GROUP BY "topicId") c WHERE c."topicId" = t."id"`,
  );
  await pool.query(`ANALYZE`);

  const voted = userIds.map(() => new Set<number>());
  const userIndex = new Map(userIds.map((id, i) => [id, i]));
  const topicIndex = new Map(topicIds.map((id, i) => [id, i]));
  const { rows } = await pool.query<{ userId: string; topicId: string }>(`SELECT "userId", "topicId" FROM "Vote"`);
  for (const row of rows) voted[userIndex.get(row.userId)!].add(topicIndex.get(row.topicId)!);
  log(`fixture: ${USERS} users, ${TOPIC_COUNT} topics, ${rows.length} votes in ${Math.round(performance.now() - started)} ms`);
  return { userIds, topicIds, voted };
}

// ---------------------------------------------------------------------------------------------
// The server under test.

function startServer(): Promise<string> {
  return startApiServerProcess({ databaseUrl, poolSize: POOL_SIZE, onSpawn: (child) => bench.serverProcess((serverProcess = child)) });
}

// ---------------------------------------------------------------------------------------------
// Measurements.

/** Client k owns users k, k + c, k + 2c, …; only it touches their votes, so `voted` stays exact. */
function pickToggle(fixture: Fixture, concurrency: number, client: number) {
  const owned = Math.ceil((fixture.userIds.length - client) / concurrency);
  const user = client + concurrency * Math.floor(Math.random() * owned);
  const topic = Math.floor(Math.random() * fixture.topicIds.length);
  return { user, topic, hasVoted: fixture.voted[user].has(topic) };
}

function recordToggle(fixture: Fixture, user: number, topic: number, hasVoted: boolean) {
  if (hasVoted) fixture.voted[user].delete(topic);
  else fixture.voted[user].add(topic);
}

type Measured = LoadResult & { cpu: CpuUsage };
let meter: CpuMeter;

/** runClosedLoop plus the CPU each party used during the measured window. */
async function measured(options: Omit<LoadOptions, "onWindowStart" | "onWindowEnd">): Promise<Measured> {
  let before!: Promise<CpuSnapshot>;
  let after!: Promise<CpuSnapshot>;
  const result = await runClosedLoop({
    ...options,
    onWindowStart: () => void (before = meter.snapshot()),
    onWindowEnd: () => void (after = meter.snapshot()),
  });
  return { ...result, cpu: CpuMeter.between(await before, await after) };
}

const globalTopicId = (id: string) => Buffer.from(`Topic:${id}`).toString("base64");

async function measureHttp(graphqlUrl: string, fixture: Fixture, cookies: string[], concurrency: number) {
  const client = new GraphQLHttpClient(graphqlUrl, concurrency);
  const topicIds = fixture.topicIds.map(globalTopicId);
  try {
    return await measured({
      concurrency,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      operation: async (index) => {
        const { user, topic, hasVoted } = pickToggle(fixture, concurrency, index);
        const field = hasVoted ? "unvote" : "vote";
        const result = await client.request(hasVoted ? UNVOTE : VOTE, { topicId: topicIds[topic] }, cookies[user]);
        const payload = result.data?.[field];
        if (!payload?.data || payload.data.viewerHasVoted === hasVoted) {
          throw new Error(`unexpected ${field} answer: ${JSON.stringify(result).slice(0, 300)}`);
        }
        recordToggle(fixture, user, topic, hasVoted);
      },
    });
  } finally {
    client.close();
  }
}

async function measureCeiling(pool: pg.Pool, fixture: Fixture, concurrency: number) {
  return measured({
    concurrency,
    warmupMs: WARMUP_MS,
    durationMs: DURATION_MS,
    operation: async (index) => {
      const { user, topic, hasVoted } = pickToggle(fixture, concurrency, index);
      const userId = fixture.userIds[user];
      const topicId = fixture.topicIds[topic];
      const result = hasVoted
        ? await pool.query(UNVOTE_SQL, [userId, topicId])
        : await pool.query(VOTE_SQL, [randomUUID(), userId, topicId]);
      if (result.rowCount !== 1) throw new Error(`${hasVoted ? "unvote" : "vote"} changed nothing`);
      recordToggle(fixture, user, topic, hasVoted);
    },
  });
}

async function measureTopicList(graphqlUrl: string, cookie: string) {
  const client = new GraphQLHttpClient(graphqlUrl, 1);
  const samples: number[] = [];
  let lastResult: any;
  try {
    for (let run = 0; run < 5 + LIST_RUNS; run++) {
      const began = performance.now();
      lastResult = await client.request(TOPICS, { first: 50, orderBy: "VOTES" }, cookie);
      const elapsed = performance.now() - began;
      if (lastResult.data?.topics?.edges?.length !== 50) {
        throw new Error(`unexpected topics answer: ${JSON.stringify(lastResult).slice(0, 300)}`);
      }
      if (run >= 5) samples.push(elapsed);
    }
  } finally {
    client.close();
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)];
  const edges = lastResult.data.topics.edges as Array<{ node: { voteCount: number; viewerHasVoted: boolean } }>;
  return {
    p50: at(50),
    p95: at(95),
    max: samples[samples.length - 1],
    totalCount: lastResult.data.topics.totalCount as number,
    myVotes: edges.filter((edge) => edge.node.viewerHasVoted).length,
    topCount: edges[0].node.voteCount,
  };
}

/** The statements behind the topic list, approximated by hand, with their plans' timings. */
async function explainTopicList(pool: pg.Pool, fixture: Fixture, viewer: number) {
  const statements: Array<[string, string, unknown[]]> = [
    [
      "first 51 topics by votes",
      `SELECT * FROM "Topic" WHERE "status" <> 'MERGED' ORDER BY "voteCount" DESC, "createdAt" DESC, "id" DESC LIMIT 51`,
      [],
    ],
    [
      "the viewer's votes on them",
      `SELECT "id", "topicId" FROM "Vote" WHERE "userId" = $1 AND "topicId" = ANY($2)`,
      [fixture.userIds[viewer], fixture.topicIds.slice(0, 51)],
    ],
    ["totalCount", `SELECT count(*) FROM "Topic" WHERE "status" <> 'MERGED'`, []],
  ];
  const lines: string[] = [];
  for (const [name, sql, params] of statements) {
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params);
    const plan = rows.map((row) => row["QUERY PLAN"]);
    const nodes = plan.filter((line) => line.includes("(actual") && !/^\s*[A-Za-z ]+:/.test(line));
    const execution = plan.find((line) => line.startsWith("Execution Time")) ?? "";
    lines.push(`  ${name}: ${nodes.map((line) => line.replace(/^\s*(->\s*)?/, "").replace(/\s*\(actual.*$/, "")).join(" ← ")}; ${execution}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Report.

const pad = (value: string, width: number) => value.padStart(width);
const fmt = (value: number, digits = 1) => value.toFixed(digits);

function printTable(rows: Array<{ http: Measured; ceiling: Measured }>) {
  const header = ["clients", "votes/s", "p50 ms", "p99 ms", "ceiling/s", "ceil p50", "ceil p99", "ratio", "verdict"];
  const widths = [7, 9, 8, 8, 10, 9, 9, 7, 0];
  const lines = [header.map((cell, i) => pad(cell, widths[i])).join("  ")];
  for (const { http, ceiling } of rows) {
    const ratio = http.perSecond / ceiling.perSecond;
    const p99 = ms(http.histogram, 99);
    const misses: string[] = [];
    if (ratio < TARGET_RATIO) misses.push(`ratio < ${TARGET_RATIO * 100}%`);
    if (http.concurrency === TARGET_P99_LEVEL && p99 >= TARGET_P99_MS) misses.push(`p99 ≥ ${TARGET_P99_MS} ms`);
    const cells = [
      String(http.concurrency),
      fmt(http.perSecond, 0),
      fmt(ms(http.histogram, 50)),
      fmt(p99),
      fmt(ceiling.perSecond, 0),
      fmt(ms(ceiling.histogram, 50)),
      fmt(ms(ceiling.histogram, 99)),
      `${fmt(ratio * 100, 0)}%`,
      misses.length ? `MISS (${misses.join(", ")})` : "PASS",
    ];
    lines.push(cells.map((cell, i) => pad(cell, widths[i])).join("  "));
  }
  console.log(lines.join("\n"));
  console.log("CPU per vote in the measured window (ms; 2 cores = 2 ms of CPU per ms):");
  for (const { http, ceiling } of rows) {
    const per = (result: Measured, ms: number) => fmt(ms / Math.max(1, result.ops), 3);
    console.log(
      `  ${pad(String(http.concurrency), 3)} clients  HTTP: server ${per(http, http.cpu.server)}, postgres ${per(http, http.cpu.database)}, ` +
        `load generator ${per(http, http.cpu.generator)}  |  ceiling: postgres ${per(ceiling, ceiling.cpu.database)}, ` +
        `pg client ${per(ceiling, ceiling.cpu.generator)}  |  server busy ${fmt((100 * http.cpu.server) / (http.seconds * 1000), 0)}% of one core`,
    );
  }
  // What the ratio would be if both runs were limited only by the CPU they burn on these cores:
  // independent of whatever else the machine is doing at the time.
  for (const { http, ceiling } of rows) {
    const httpCpu = (http.cpu.server + http.cpu.database + http.cpu.generator) / Math.max(1, http.ops);
    const ceilingCpu = (ceiling.cpu.database + ceiling.cpu.generator) / Math.max(1, ceiling.ops);
    const serverBound = 1000 / Math.max(0.001, http.cpu.server / Math.max(1, http.ops));
    console.log(
      `  ${pad(String(http.concurrency), 3)} clients  CPU-cost ratio (ceiling CPU/vote ÷ HTTP CPU/vote) ${fmt((100 * ceilingCpu) / httpCpu, 0)}%; ` +
        `one server process tops out near ${fmt(serverBound, 0)} votes/s`,
    );
  }
  for (const { http, ceiling } of rows) {
    for (const [name, result] of [["http", http], ["ceiling", ceiling]] as const) {
      if (result.errors) console.log(`  ${name} @${result.concurrency}: ${result.errors} errors, first: ${result.firstError}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  log(`database ${new URL(databaseUrl).pathname.slice(1)} on ${new URL(ADMIN_URL).host}`);
  await bench.createDatabase();

  const setupPool = bench.pool(new pg.Pool({ connectionString: databaseUrl, max: 4 }));
  const fixture = await buildFixture(setupPool);
  const cookies = await mintSessionCookies(setupPool, fixture.userIds);

  const graphqlUrl = await startServer();
  meter = new CpuMeter(serverProcess?.pid, setupPool, new URL(databaseUrl).pathname.slice(1));
  log(`API server (NODE_ENV=production, Prisma pool ${POOL_SIZE}) at ${graphqlUrl}`);

  // Topic list first, while the database holds exactly LIST_VOTES votes.
  const viewer = fixture.voted.findIndex((topics) => [...topics].some((topic) => topic < 50));
  const list = await measureTopicList(graphqlUrl, cookies[viewer]);
  const plans = await explainTopicList(setupPool, fixture, viewer);

  const ceilingPool = bench.pool(new pg.Pool({ connectionString: databaseUrl, max: CEILING_POOL_SIZE }));
  const rows: Array<{ http: Measured; ceiling: Measured }> = [];
  for (const concurrency of LEVELS) {
    log(`${concurrency} clients over HTTP: ${WARMUP_MS} ms warm-up + ${DURATION_MS} ms`);
    const http = await measureHttp(graphqlUrl, fixture, cookies, concurrency);
    log(`${concurrency} clients straight through pg (pool ${CEILING_POOL_SIZE})`);
    const ceiling = await measureCeiling(ceilingPool, fixture, concurrency);
    rows.push({ http, ceiling });
  }

  const { rows: drift } = await setupPool.query(
    `SELECT count(*)::int AS n FROM "Topic" t
     WHERE t."voteCount" <> (SELECT count(*) FROM "Vote" v WHERE v."topicId" = t."id")`,
  );
  const { rows: total } = await setupPool.query(`SELECT count(*)::int AS n FROM "Vote"`);

  const [load1] = os.loadavg();
  console.log("");
  console.log(
    `Machine: ${os.cpus().length} cores, load average ${load1.toFixed(1)} at the end (client, server and PostgreSQL share it)`,
  );
  console.log(
    `Vote mutation over HTTP vs the same SQL via pg — ${DURATION_MS / 1000} s per run after ${WARMUP_MS / 1000} s warm-up; ` +
      `server: separate process, NODE_ENV=production, Prisma pool ${POOL_SIZE}; ceiling: pg.Pool of ${CEILING_POOL_SIZE}; ` +
      `${USERS} users × ${TOPIC_COUNT} topics; targets: ≥ ${TARGET_RATIO * 100}% of the ceiling, p99 < ${TARGET_P99_MS} ms at ${TARGET_P99_LEVEL} clients`,
  );
  printTable(rows);
  console.log("");
  console.log(
    `Topic list (topics(first: 50, orderBy: VOTES) with totalCount, voteCount, viewerHasVoted) with ${LIST_VOTES} votes, ` +
      `${LIST_RUNS} sequential runs: p50 ${fmt(list.p50)} ms, p95 ${fmt(list.p95)} ms, max ${fmt(list.max)} ms ` +
      `(totalCount ${list.totalCount}, top topic ${list.topCount} votes, viewer voted ${list.myVotes} of the 50)`,
  );
  console.log(
    `Plans (EXPLAIN ANALYZE of the equivalent SQL):\n${plans.join("\n")}`,
  );
  console.log(
    `Consistency after the runs: ${total[0].n} votes, ${drift[0].n} topics whose voteCount differs from count(Vote)`,
  );
  if (drift[0].n !== 0) process.exitCode = 1;
}

await bench.run(main);
