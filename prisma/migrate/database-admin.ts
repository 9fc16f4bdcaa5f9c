import pg from "pg";
import { databaseName, maintenanceUrl, quoteIdent } from "./pg-url";

const DUPLICATE_DATABASE = "42P04";
const UNIQUE_VIOLATION = "23505"; // two concurrent CREATE DATABASE can race on pg_database's index
const INVALID_CATALOG_NAME = "3D000"; // database does not exist

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(url: string, options: { template?: string } = {}): Promise<void> {
  const name = databaseName(url);
  const template = options.template ? ` TEMPLATE ${quoteIdent(options.template)}` : "";
  await withClient(maintenanceUrl(url), (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}${template}`));
}

/** Drops the database even if something still holds a connection to it (PostgreSQL 13+). */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withClient(maintenanceUrl(url), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

/** Drops every database whose name starts with prefix (test-run cleanup). */
export async function dropDatabasesWithPrefix(serverUrl: string, prefix: string): Promise<string[]> {
  return withClient(maintenanceUrl(serverUrl), async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    return rows.map((row) => row.datname);
  });
}

/**
 * The schema engine does not create a missing database (unlike `prisma migrate deploy`).
 * Returns true when this call created it.
 */
export async function ensureDatabase(url: string): Promise<boolean> {
  try {
    await withClient(url, async () => undefined);
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw error;
  }
  try {
    await createDatabase(url);
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return false;
    throw error;
  }
}

// The engine itself takes pg_advisory_lock(72707369) (the native CLI's key) on one of its pooled
// connections, which an idle-timeout can silently release; our own key, held on a dedicated
// session, serialises whole deploys. Reusing 72707369 here would deadlock against the engine.
const MIGRATE_LOCK_KEY = 0x5350524f; // "SPRO"

/**
 * Runs fn while holding a session-level advisory lock on the target database; the WASM engine
 * takes none, and two app instances starting together must not apply the same migration twice.
 * The lock dies with the session if the process crashes.
 */
export async function withMigrateLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  return withClient(url, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATE_LOCK_KEY]).catch(() => undefined);
    }
  });
}
