import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaDriftSql } from "../../prisma/migrate/diff";
import { DEFAULT_SCHEMA_PATH } from "../../prisma/migrate/paths";
import { createTestDatabase } from "./helpers/database";

describe("prisma/migrations", () => {
  it("reproduce schema.prisma exactly (run `npm run db:migration -- <name>` if this fails)", async () => {
    const drift = await schemaDriftSql({ adminUrl: process.env.TEST_DATABASE_URL });
    expect(drift, `schema.prisma and prisma/migrations differ by:\n${drift}`).toBe("");
  });

  it("are compared for real: a schema change shows up as SQL", async () => {
    const dir = await mkdtemp(join(tmpdir(), "spros-schema-"));
    try {
      const schemaPath = join(dir, "schema.prisma");
      const extra = "\nmodel DriftProbe {\n  id Int @id\n}\n";
      await writeFile(schemaPath, (await readFile(DEFAULT_SCHEMA_PATH, "utf8")) + extra);
      const drift = await schemaDriftSql({ adminUrl: process.env.TEST_DATABASE_URL, schemaPath });
      expect(drift).toMatch(/CREATE TABLE "DriftProbe"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("give each test file a private, migrated database", async () => {
    const db = await createTestDatabase();
    try {
      await db.prisma.office.create({ data: { name: "Строгино", district: "СЗАО" } });
      expect(await db.prisma.office.count()).toBe(1);
      const rows = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "_prisma_migrations"`;
      expect(Number(rows[0].n)).toBeGreaterThan(0);
    } finally {
      await db.drop();
    }
  });
});
