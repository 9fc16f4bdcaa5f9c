import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPlanningRunner } from "./domain/planning/runner";
import { createServerServices } from "./graphql/services";
import { attachGraphQLWebSocket } from "./graphql/ws";
import { createSprosYoga } from "./graphql/yoga";
import { createDatabaseClients } from "./prisma/client";
import { loadConfig } from "./server/config";
import { openDatabase } from "./server/database";
import { seedIfEmpty } from "./server/demo-data";
import { createHttpApp, type AppState } from "./server/http-app";
import { rootLogger, toLogger } from "./server/logger";
import { createMetrics } from "./server/metrics";
import { loadRemixBuild } from "./server/remix-build";

const root = path.dirname(fileURLToPath(import.meta.url));
const config = loadConfig();
const log = toLogger(rootLogger);
// One Registry per process; /metrics is open to loopback, or to `Bearer $METRICS_TOKEN` (ADR 012).
const metrics = createMetrics();
const state: AppState = { ready: false };
// Our own origin plus SPROS_TRUSTED_ORIGINS may send cookie-authenticated requests (ADR 013).
const originPolicy = { trustedOrigins: config.SPROS_TRUSTED_ORIGINS, trustProxy: config.SPROS_TRUST_PROXY };
const observability = { metrics, logger: rootLogger, metricsToken: config.METRICS_TOKEN };
const server = http.createServer(createHttpApp(state, root, observability, { originPolicy }));

await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
const address = server.address();
const port = typeof address === "object" && address ? address.port : config.PORT;

const database = await openDatabase(config, log);
const clients = createDatabaseClients(database.url, { poolSize: config.DATABASE_POOL_SIZE });
const { prisma } = clients;
if (config.SPROS_SEED === "demo") await seedIfEmpty(prisma, config, log);

const services = createServerServices(clients, {
  policy: { voterPriorityHours: config.SPROS_VOTER_PRIORITY_HOURS, cancelCutoffHours: config.SPROS_CANCEL_CUTOFF_HOURS },
  redisUrl: config.REDIS_URL,
  redisPrefix: config.SPROS_REDIS_PREFIX,
  logger: log,
});
const yoga = createSprosYoga(services, {
  metrics,
  logger: rootLogger,
  originPolicy,
  rateLimits: config.SPROS_RATE_LIMITS === "off" ? "off" : undefined,
  introspection: config.SPROS_INTROSPECTION || process.env.NODE_ENV !== "production",
});
const websocket = attachGraphQLWebSocket(server, yoga, services.viewers, metrics, { originPolicy });
// Scheduler runs are durable jobs in the PlanningRun table (ADR 008); this process takes its share.
const planningRunner = createPlanningRunner({
  prisma,
  pubsub: services.pubsub,
  log: (message) => log.info(message),
  onRunFinished: (outcome, seconds) => metrics.observePlanningRun(outcome, seconds),
});
await planningRunner.start();
Object.assign(state, { yoga, remixBuild: await loadRemixBuild(root), ready: true });
log.info(`Spros ready on http://localhost:${port}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: shutting down`);
  state.ready = false;
  server.closeIdleConnections();
  await websocket.close().catch(() => {});
  await planningRunner.stop().catch(() => {}); // a run in progress is left for recovery
  await new Promise((resolve) => server.close(resolve));
  await services.close().catch(() => {});
  await clients.close().catch(() => {});
  await database.stop().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
