/**
 * The API server under test for `npm run bench:votes`, run in its own process so the load generator
 * does not share its event loop: the real Yoga + graphql-ws stack (startApiServer, as in the
 * integration tests, without Remix) over a Prisma client with DATABASE_POOL_SIZE connections.
 * Prints `READY <port>` on stdout once listening; exits on SIGTERM/SIGINT or when stdin closes
 * (the parent died). BENCH_REDIS_URL (+ BENCH_REDIS_PREFIX) makes it one of several instances
 * sharing events over Redis, as in production; the benches' own variable, so a REDIS_URL set in
 * the shell does not change a single-instance run.
 */
import { startApiServer } from "../../integration/helpers/api-server";
import { createDatabaseClients } from "../../../prisma/client";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 20);

const clients = createDatabaseClients(url, { poolSize });
await clients.prisma.$connect();
const server = await startApiServer(clients, {
  redisUrl: process.env.BENCH_REDIS_URL || undefined,
  redisPrefix: process.env.BENCH_REDIS_PREFIX || undefined,
});
process.stdout.write(`READY ${new URL(server.url).port}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close().catch(() => {});
  await clients.close().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
process.stdin.on("end", () => void stop());
process.stdin.resume();
