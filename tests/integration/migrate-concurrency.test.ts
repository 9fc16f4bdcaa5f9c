import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "../../prisma/migrate/apply";
import { dropDatabase } from "../../prisma/migrate/database-admin";
import { DEFAULT_MIGRATIONS_DIR } from "../../prisma/migrate/paths";
import { withDatabase } from "../../prisma/migrate/pg-url";

const run = promisify(execFile);
const created: string[] = [];
const tempDirs: string[] = [];

// A database name that does not exist yet: applyMigrations must create it.
function freshDatabaseUrl(): string {
  const url = withDatabase(inject("testAdminUrl"), `${inject("testDatabasePrefix")}${crypto.randomUUID().slice(0, 8)}`);
  created.push(url);
  return url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of the real migrations folder plus extra migrations, as a developer would add them. */
async function migrationsWith(extra: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "spros-migrations-"));
  tempDirs.push(dir);
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

afterAll(async () => {
  await Promise.all(created.map((url) => dropDatabase(url)));
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("applyMigrations", () => {
  it("creates a missing database and records migrations like `prisma migrate deploy`", async () => {
    const url = freshDatabaseUrl();
    const result = await applyMigrations(url);
    expect(result.createdDatabase).toBe(true);
    expect(result.applied.length).toBeGreaterThan(0);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; logs: string | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(result.applied);
    for (const row of rows) {
      const script = await readFile(join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(script).digest("hex"));
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
      expect(row.finished_at).toBeInstanceOf(Date);
    }
    expect((await applyMigrations(url)).applied).toEqual([]);
  });

  it("lets two deploys start together on a fresh database: both succeed, one applies", async () => {
    const url = freshDatabaseUrl();
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    const appliedCounts = results.map((result) => result.applied.length).sort();
    expect(appliedCounts[0]).toBe(0);
    expect(appliedCounts[1]).toBeGreaterThan(0);
    const [{ n }] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(n)).toBe(appliedCounts[1]);
  });

  it("lets two CLI processes deploy together (the real server start-up race)", async () => {
    const url = freshDatabaseUrl();
    const deploy = () =>
      run(process.execPath, ["--import", "tsx", "prisma/scripts/migrate.ts", "deploy"], {
        env: { ...process.env, DATABASE_URL: url },
        timeout: 60_000,
      });
    const outputs = await Promise.all([deploy(), deploy()]);
    const applied = outputs.filter(({ stdout }) => /migration\(s\) applied/.test(stdout));
    const idle = outputs.filter(({ stdout }) => /no pending migrations/.test(stdout));
    expect([applied.length, idle.length]).toEqual([1, 1]);
  }, 60_000);

  it("applies a migration with a $$ function body (not split on semicolons)", async () => {
    const url = freshDatabaseUrl();
    const migrationsDir = await migrationsWith({
      "29990101000000_function": `CREATE FUNCTION spros_answer() RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  RETURN 42;
END;
$$;
`,
    });
    await applyMigrations(url, { migrationsDir });
    expect(await query(url, "SELECT spros_answer() AS answer")).toEqual([{ answer: 42 }]);
  });

  it("leaves nothing behind when a migration fails half-way", async () => {
    const url = freshDatabaseUrl();
    await applyMigrations(url);
    const migrationsDir = await migrationsWith({
      "29990101000000_broken": `ALTER TABLE "Office" ADD COLUMN "halfApplied" INTEGER;
CREATE FUNCTION spros_broken() RETURNS integer LANGUAGE sql AS $$ SELECT 1; $$;
SELECT 1 / 0;
`,
    });
    await expect(applyMigrations(url, { migrationsDir })).rejects.toThrow(/division by zero/);
    const columns = await query(url, `SELECT 1 FROM information_schema.columns WHERE column_name = 'halfApplied'`);
    expect(columns).toEqual([]);
    expect(await query(url, `SELECT 1 FROM pg_proc WHERE proname = 'spros_broken'`)).toEqual([]);
    // Recorded as failed, as the native CLI does, so the next deploy refuses until resolved.
    const [failed] = await query<{ finished_at: Date | null; logs: string | null }>(
      url,
      `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(failed.finished_at).toBeNull();
    expect(failed.logs).toMatch(/division by zero/);
    await expect(applyMigrations(url, { migrationsDir })).rejects.toThrow();
  });
});
