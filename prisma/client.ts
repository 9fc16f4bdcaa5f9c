import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/client";

export type { PrismaClient };

/**
 * Prisma for everything, and the pg pool under it for the few statements on the hot path (a vote)
 * where Prisma's per-query work costs more than the statement itself. Both use the same
 * connections; the same code path serves real PostgreSQL and PGlite.
 */
export type DatabaseClients = {
  prisma: PrismaClient;
  sql: pg.Pool;
  close(): Promise<void>;
};

export type DatabaseClientOptions = {
  poolSize?: number;
  log?: Prisma.PrismaClientOptions["log"];
  /** How long a query may wait for a connection (a new one, or a free one from a busy pool). */
  connectTimeoutMs?: number;
};

/** Past this a request fails with a retryable SERVICE_UNAVAILABLE (graphql/database-unavailable.ts) instead of hanging. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

export function createDatabaseClients(connectionString: string, options: DatabaseClientOptions = {}): DatabaseClients {
  const sql = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    // pg waits forever by default: for a server that does not answer, and for a free connection.
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // A peer that vanished without closing (a failed-over host, a dropped NAT entry) is noticed by
    // TCP keep-alive within minutes instead of after the OS default of two hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // A connection the server dropped (restart, failover, database dropped) emits an error; with no
  // listener that would crash the process. The pool discards that client (checked out or idle) and
  // opens a new one on the next checkout; the query that was running gets the error.
  sql.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(sql), log: options.log });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    sql,
    close() {
      closing ??= prisma.$disconnect().then(() => sql.end());
      return closing;
    },
  };
}
