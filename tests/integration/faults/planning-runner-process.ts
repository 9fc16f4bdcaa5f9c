/**
 * A planning runner in a process of its own, as server.ts starts one, for drills that kill it
 * (scheduler-crash.test.ts). Options come from the environment; prints READY once it runs.
 */
import { createPlanningRunner } from "../../../domain/planning/runner";
import { createSprosPubSub } from "../../../graphql/pubsub";
import { createDatabaseClients } from "../../../prisma/client";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const database = createDatabaseClients(env("DATABASE_URL"), { poolSize: 3 });
const runner = createPlanningRunner({
  prisma: database.prisma,
  pubsub: createSprosPubSub(),
  instanceId: env("RUNNER_INSTANCE_ID"),
  pollMs: Number(env("RUNNER_POLL_MS")),
  heartbeatMs: Number(env("RUNNER_HEARTBEAT_MS")),
  staleMs: Number(env("RUNNER_STALE_MS")),
  progressMs: Number(env("RUNNER_PROGRESS_MS")),
  log: (message) => process.stderr.write(`[runner ${env("RUNNER_INSTANCE_ID")}] ${message}\n`),
});
await runner.start();
process.stdout.write("READY\n");
