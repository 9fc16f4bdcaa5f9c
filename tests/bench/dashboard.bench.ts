/**
 * `npm run bench:dashboard` — how long each dashboard query takes at the issue's volume (15,000
 * staff in 130 offices with weekly availability and site preferences, 200 topics, 100,000 votes,
 * sessions with bookings). A benchmark, not a timed test: it prints p50/p95 per query and the top
 * plan node of the heavy ones, and exits 0 unless something breaks.
 *
 * - A fresh database on TEST_DATABASE_URL's server, migrated and filled by bulk SQL
 *   (helpers/dashboard-seed.ts); dropped at the end, also on error and on Ctrl-C.
 * - Each domain query (domain/dashboard/*) is timed BENCH_RUNS times after 3 warm-up runs through a
 *   Prisma client in this process, for everyone and with filters.
 * - The whole `dashboard` query (every field) is timed over HTTP against the API server in its own
 *   process (NODE_ENV=production), like bench:votes, signed in as a manager by a minted cookie.
 * - EXPLAIN ANALYZE of the statements Prisma sent for the heavy queries (captured from its query log).
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { staffAvailabilityHeatmap, topicAvailabilityHeatmap } from "../../domain/dashboard/availability";
import { topicCoverage } from "../../domain/dashboard/coverage";
import { demandByBlockFormat, demandByOffice, topTopics } from "../../domain/dashboard/demand";
import { dashboardHeadline } from "../../domain/dashboard/headline";
import { computePulseFigures } from "../../domain/dashboard/pulse";
import type { StaffScope } from "../../domain/dashboard/scope";
import { suggestionsPerWeek } from "../../domain/dashboard/suggestions";
import { createDatabaseClients, type PrismaClient } from "../../prisma/client";
import { DEFAULT_ADMIN_URL, uniqueDatabaseName, withDatabase } from "../../prisma/migrate";
import { mintSessionCookies } from "./helpers/session-cookies";
import { startApiServerProcess } from "./helpers/api-server-process";
import { BenchRun, log } from "./helpers/bench-run";
import { seedDashboard, type DashboardSeed } from "./helpers/dashboard-seed";
import { GraphQLHttpClient } from "./helpers/load";

const int = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
const RUNS = int("BENCH_RUNS", 30);
const SIZE = { users: int("BENCH_USERS", 15_000), offices: int("BENCH_OFFICES", 130), topics: int("BENCH_TOPICS", 200), votes: int("BENCH_VOTES", 100_000) };

process.env.SESSION_SECRET ??= randomBytes(32).toString("hex");
// ---------------------------------------------------------------------------------------------
// Clean-up on every exit path.

const bench = new BenchRun(withDatabase(ADMIN_URL, uniqueDatabaseName("spros_bench_dashboard")));
const { databaseUrl } = bench;

// ---------------------------------------------------------------------------------------------

type Timing = { name: string; p50: number; p95: number; max: number };

function percentiles(name: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { name, p50: at(50), p95: at(95), max: sorted[sorted.length - 1] };
}

async function time(name: string, run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    await run();
    samples.push(performance.now() - began);
  }
  return percentiles(name, samples);
}

type Case = { name: string; heavy?: boolean; run: (prisma: PrismaClient) => Promise<unknown> };

function cases(seed: DashboardSeed): Case[] {
  const now = () => new Date();
  const everyone: StaffScope = {};
  const office: StaffScope = { officeId: seed.officeIds[7] };
  const site: StaffScope = { siteId: seed.siteIds[0] };
  const online: StaffScope = { onlineOnly: true };
  return [
    { name: "headline", heavy: true, run: (p) => dashboardHeadline(p, everyone, now()) },
    { name: "headline (office)", run: (p) => dashboardHeadline(p, office, now()) },
    { name: "headline (site)", heavy: true, run: (p) => dashboardHeadline(p, site, now()) },
    { name: "topTopics", run: (p) => topTopics(p, everyone, now(), 10) },
    { name: "topTopics (office)", run: (p) => topTopics(p, office, now(), 10) },
    { name: "topTopics (on-line)", heavy: true, run: (p) => topTopics(p, online, now(), 10) },
    { name: "availability", heavy: true, run: (p) => staffAvailabilityHeatmap(p, everyone) },
    { name: "availability (site)", run: (p) => staffAvailabilityHeatmap(p, site) },
    { name: "availability (office)", run: (p) => staffAvailabilityHeatmap(p, office) },
    { name: "availability (top topic)", heavy: true, run: (p) => topicAvailabilityHeatmap(p, everyone, seed.topTopicId) },
    { name: "availability (top topic, site)", run: (p) => topicAvailabilityHeatmap(p, site, seed.topTopicId) },
    { name: "demandByOffice", heavy: true, run: (p) => demandByOffice(p, everyone, 20) },
    { name: "demandByOffice (on-line)", run: (p) => demandByOffice(p, online, 20) },
    { name: "demandByBlockFormat", run: (p) => demandByBlockFormat(p, everyone) },
    { name: "demandByBlockFormat (site)", heavy: true, run: (p) => demandByBlockFormat(p, site) },
    { name: "suggestionsPerWeek", run: (p) => suggestionsPerWeek(p, everyone, now(), 12) },
    { name: "suggestionsPerWeek (office)", run: (p) => suggestionsPerWeek(p, office, now(), 12) },
    { name: "coverage", heavy: true, run: (p) => topicCoverage(p, everyone) },
    { name: "coverage (office)", run: (p) => topicCoverage(p, office) },
    { name: "pulse (headline + top 10 + rows)", run: (p) => computePulseFigures(p, now()) },
  ];
}

/** The statement a case sends (from Prisma's query log), EXPLAIN ANALYZEd: its top node and time. */
async function explain(pool: pg.Pool, captured: { query: string; params: string }): Promise<string> {
  const params = JSON.parse(captured.params) as unknown[];
  const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${captured.query}`, params);
  const plan = rows.map((row) => row["QUERY PLAN"]);
  const top = plan[0].replace(/\s*\(actual.*$/, "");
  const scans = [...new Set(plan.filter((line) => /Scan/.test(line)).map((line) => line.replace(/^\s*->\s*/, "").replace(/\s*\(actual.*$/, "").replace(/ on "?(\w+)"?\s+\w+$/, " on $1")))];
  const execution = plan.find((line) => line.startsWith("Execution Time")) ?? "";
  if (process.env.BENCH_FULL_PLANS) return `${execution}\n${plan.join("\n")}`;
  return `${top}; ${execution}\n      scans: ${scans.slice(0, 6).join(" | ")}`;
}

function startServer(): Promise<string> {
  return startApiServerProcess({ databaseUrl, poolSize: 10, onSpawn: (child) => bench.serverProcess(child) });
}

const DASHBOARD = /* GraphQL */ `
  query Dashboard($filter: DashboardFilter, $topicId: ID) {
    dashboard(filter: $filter) {
      asOf
      headline { activeVoters votesThisWeek topicsOpen seatsBooked demandServedShare }
      topTopics { topic { id title status voteCount } votes votesLast7Days }
      availability(topicId: $topicId) { weekday startMinute preferred ifNeedBe }
      demandByOffice { office { id name district } votes voters }
      demandByBlockFormat { block format votes topics }
      suggestionsPerWeek { weekStart count }
      coverage { topic { id title } sessions seats booked demand unserved noShowRate }
    }
  }
`;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

async function timeHttp(graphqlUrl: string, seed: DashboardSeed, setup: pg.Pool) {
  const [cookie] = await mintSessionCookies(setup, [seed.managerId]);
  const client = new GraphQLHttpClient(graphqlUrl, 1);
  bench.onCleanUp(() => client.close());
  const variants: Array<[string, Record<string, unknown>]> = [
    ["dashboard (everyone)", {}],
    ["dashboard (office)", { filter: { officeId: globalId("Office", seed.officeIds[7]) } }],
    ["dashboard (site + on-line, top topic's heat map)", { filter: { siteId: globalId("Site", seed.siteIds[0]), onlineOnly: true }, topicId: globalId("Topic", seed.topTopicId) }],
  ];
  const timings: Timing[] = [];
  let sample: any;
  for (const [name, variables] of variants) {
    timings.push(await time(name, async () => {
      const result = await client.request(DASHBOARD, variables, cookie);
      if (result.errors || !result.data) throw new Error(`dashboard failed: ${JSON.stringify(result).slice(0, 300)}`);
      sample ??= result.data;
    }));
  }
  return { timings, sample };
}

function printTimings(title: string, timings: Timing[]) {
  const width = Math.max(...timings.map((t) => t.name.length));
  console.log(title);
  console.log(`  ${"query".padEnd(width)}  ${"p50 ms".padStart(8)}  ${"p95 ms".padStart(8)}  ${"max ms".padStart(8)}`);
  for (const t of timings) {
    console.log(`  ${t.name.padEnd(width)}  ${t.p50.toFixed(1).padStart(8)}  ${t.p95.toFixed(1).padStart(8)}  ${t.max.toFixed(1).padStart(8)}`);
  }
}

async function main() {
  log(`database ${new URL(databaseUrl).pathname.slice(1)} on ${new URL(ADMIN_URL).host}`);
  await bench.createDatabase();
  const setup = bench.pool(new pg.Pool({ connectionString: databaseUrl, max: 2 }));
  const seed = await seedDashboard(setup, SIZE, log);

  // Prisma in this process, logging its statements so the heavy ones can be explained.
  const clients = createDatabaseClients(databaseUrl, { poolSize: 4, log: [{ emit: "event", level: "query" }] });
  bench.onCleanUpAfterServers(() => clients.close());
  let captured: Array<{ query: string; params: string }> = [];
  (clients.prisma as unknown as PrismaClient<"query">).$on("query", (event) => captured.push({ query: event.query, params: event.params }));

  const direct: Timing[] = [];
  const plans: string[] = [];
  for (const c of cases(seed)) {
    log(c.name);
    direct.push(await time(c.name, () => c.run(clients.prisma)));
    if (c.heavy) {
      captured = [];
      await c.run(clients.prisma);
      plans.push(`  ${c.name}: ${await explain(setup, captured[0])}`);
    }
  }

  const graphqlUrl = await startServer();
  log(`API server (NODE_ENV=production) at ${graphqlUrl}`);
  const http = await timeHttp(graphqlUrl, seed, setup);

  const [load1] = os.loadavg();
  console.log("");
  console.log(`Machine: ${os.cpus().length} cores, load average ${load1.toFixed(1)}; PostgreSQL on the same machine`);
  console.log(
    `Data: ${seed.counts.User} users in ${seed.counts.Office} offices, ${seed.counts.UserAvailability} availability windows, ` +
      `${seed.counts.UserSitePreference} site preferences, ${seed.counts.Topic} topics, ${seed.counts.Vote} votes, ` +
      `${seed.counts.TrainingSession} sessions, ${seed.counts.Booking} bookings; ${RUNS} sequential runs after 3 warm-up runs`,
  );
  printTimings("Dashboard queries (domain/dashboard, one SQL statement each, through Prisma in this process):", direct);
  printTimings("The whole `dashboard` query over HTTP (every field; API server in its own process):", http.timings);
  console.log("Plans (EXPLAIN ANALYZE of the statement Prisma sent):");
  console.log(plans.join("\n"));
  const top = http.sample.dashboard;
  console.log(
    `Sanity: top topic ${top.topTopics[0]?.votes} votes, ${top.demandByOffice.length} offices listed, ` +
      `${top.coverage.length} covered topics, headline ${JSON.stringify(top.headline)}`,
  );
}

await bench.run(main);
