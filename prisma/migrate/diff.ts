import { readFile } from "node:fs/promises";
import { NO_FILTERS, withSchemaEngine } from "./engine-session";
import type { MigrateLog } from "./engine-session";
import { readMigrationsList, writeMigration } from "./migrations-folder";
import { DEFAULT_ADMIN_URL } from "./pg-url";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from "./paths";

export type DiffOptions = {
  /** Server where a throw-away shadow database is created to replay the migrations. */
  adminUrl?: string;
  migrationsDir?: string;
  schemaPath?: string;
  log?: MigrateLog;
};

function adminUrlOf(options: DiffOptions): string {
  return options.adminUrl ?? process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;
}

/**
 * SQL that would bring a database built from the migrations folder to schema.prisma; "" when
 * they are in sync. Needs a real PostgreSQL server (PGlite has no separate shadow database).
 */
export async function schemaDriftSql(options: DiffOptions = {}): Promise<string> {
  const schemaPath = options.schemaPath ?? DEFAULT_SCHEMA_PATH;
  const schema = await readFile(schemaPath, "utf8");
  const migrationsList = await readMigrationsList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const url = adminUrlOf(options);
  return withSchemaEngine(
    { url, shadowServerUrl: url, datamodels: [[schemaPath, schema]], log: options.log },
    async (engine) => {
      const result = await engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      const script = result.stdout ?? "";
      // An in-sync diff is a comment-only script ("-- This is an empty migration.").
      const meaningful = script.split("\n").some((line) => line.trim() && !line.trim().startsWith("--"));
      return meaningful ? script : "";
    },
  );
}

/** `prisma migrate dev --create-only` equivalent. Returns the directory name, or null if no changes. */
export async function createMigration(name: string, options: DiffOptions = {}): Promise<string | null> {
  const script = await schemaDriftSql(options);
  if (!script) return null;
  return writeMigration(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR, name, script);
}
