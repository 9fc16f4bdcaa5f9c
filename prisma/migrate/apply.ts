import { ensureDatabase, withMigrateLock } from "./database-admin";
import { NO_FILTERS, withSchemaEngine } from "./engine-session";
import type { MigrateLog } from "./engine-session";
import { readMigrationsList } from "./migrations-folder";
import { DEFAULT_MIGRATIONS_DIR } from "./paths";
import { redactUrl } from "./pg-url";

export type ApplyMigrationsOptions = {
  log?: MigrateLog;
  /** Defaults to prisma/migrations of this repository. */
  migrationsDir?: string;
};

export type ApplyMigrationsResult = { applied: string[]; createdDatabase: boolean; ms: number };

/**
 * `prisma migrate deploy` without the native engine: creates the database if missing, then
 * applies pending migrations under an advisory lock, recording them in `_prisma_migrations`
 * exactly like the native CLI (so either can take over the same database).
 */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const started = performance.now();
  const createdDatabase = await ensureDatabase(databaseUrl);
  if (createdDatabase) options.log?.(`created database ${redactUrl(databaseUrl)}`);
  const applied = await withMigrateLock(databaseUrl, async () => {
    // Read inside the lock: what matters is the folder as of the moment we own the database.
    const migrationsList = await readMigrationsList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
    return withSchemaEngine({ url: databaseUrl }, async (engine) => {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      return appliedMigrationNames;
    });
  });
  for (const name of applied) options.log?.(`applied ${name}`);
  return { applied, createdDatabase, ms: Math.round(performance.now() - started) };
}
