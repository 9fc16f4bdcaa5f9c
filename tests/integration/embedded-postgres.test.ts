import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../prisma/embedded/start-embedded-postgres";
import type { EmbeddedPostgres } from "../../prisma/embedded/start-embedded-postgres";
import { applyMigrations } from "../../prisma/migrate/apply";
import { PrismaClient } from "../../prisma/generated/client";

let root: string | undefined;
let running: EmbeddedPostgres | undefined;

afterAll(async () => {
  await running?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  it("serves a migrated PGlite database that survives a restart from the same folder", async () => {
    root = await mkdtemp(join(tmpdir(), "spros-embedded-"));
    const dataDir = join(root, "nested", "missing", "pgdata"); // parents must be created for PGlite

    running = await startEmbeddedPostgres({ dataDir });
    expect(running.port).toBeGreaterThan(0);
    const first = await applyMigrations(running.url);
    expect(first.applied.length).toBeGreaterThan(0);

    // The app's path: pg pool + adapter-pg, several connections at once.
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: running.url, max: 10 }) });
    try {
      await Promise.all(
        ["Строгино", "ВДНХ", "Марьино"].map((name) => prisma.office.create({ data: { name, district: "—" } })),
      );
    } finally {
      await prisma.$disconnect();
    }
    await withClient(running.url, (client) => client.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`));
    await running.stop();
    running = undefined;

    running = await startEmbeddedPostgres({ dataDir });
    expect((await applyMigrations(running.url)).applied).toEqual([]);
    const names = await withClient(running.url, async (client) => {
      const { rows } = await client.query<{ name: string }>(`SELECT name FROM "Office" ORDER BY name`);
      return rows.map((row) => row.name);
    });
    expect(names).toEqual(["ВДНХ", "Марьино", "Строгино"].sort());
    const [{ similar }] = await withClient(running.url, async (client) =>
      (await client.query<{ similar: boolean }>(`SELECT 'Строгино' % 'Строгина' AS similar`)).rows,
    );
    expect(similar).toBe(true);
  }, 120_000);
});
