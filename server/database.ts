import path from "node:path";
import { startEmbeddedPostgres } from "../prisma/embedded";
import { applyMigrations } from "../prisma/migrate";
import type { ServerConfig } from "./config";
import type { Logger } from "./logger";

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

/**
 * DATABASE_URL → that PostgreSQL server; otherwise an embedded PostgreSQL (PGlite served over a
 * local socket) in the data folder, so a new user needs nothing installed. Either way the same
 * migrations are applied before anything else touches the database.
 */
export async function openDatabase(config: ServerConfig, log: Logger): Promise<Database> {
  let database: Database;
  if (config.DATABASE_URL) {
    database = { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  } else {
    const dataDir = path.join(config.dataDir, "pglite");
    log.info(`no DATABASE_URL: starting embedded PostgreSQL in ${dataDir}`);
    const embedded = await startEmbeddedPostgres({ dataDir, maxConnections: config.DATABASE_POOL_SIZE + 8 });
    database = { url: embedded.url, embedded: true, stop: embedded.stop };
  }
  const result = await applyMigrations(database.url, { log: (line) => log.info(`migrate: ${line}`) });
  log.info(`database ready (${result.applied.length} migration(s) applied in ${result.ms} ms)`);
  return database;
}
