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

export type DatabaseClientOptions = { poolSize?: number; log?: Prisma.PrismaClientOptions["log"] };

export function createDatabaseClients(connectionString: string, options: DatabaseClientOptions = {}): DatabaseClients {
  const sql = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  // An idle connection dropped by the server (restart, database dropped) must not crash the process;
  // the pool replaces it on the next checkout.
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
