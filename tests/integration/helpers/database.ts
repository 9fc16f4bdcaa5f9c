import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, dropDatabase } from "../../../prisma/migrate/database-admin";
import { withDatabase } from "../../../prisma/migrate/pg-url";
import { createDatabaseClients, type PrismaClient } from "../../../prisma/client";
import type pg from "pg";

export type TestDatabase = {
  name: string;
  /** Connection string of this file's private, fully migrated database. */
  url: string;
  /** Ready client on `url` (adapter-pg); disconnected by drop(). */
  prisma: PrismaClient;
  /** The pg pool under `prisma` (the server's hot-path statements use it). */
  sql: pg.Pool;
  /** Disconnects the client and drops the database. Safe to call twice. */
  drop(): Promise<void>;
};

const OBJECT_IN_USE = "55006"; // template busy: another CREATE … TEMPLATE is copying it

async function copyTemplate(adminUrl: string, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await createDatabase(withDatabase(adminUrl, name), { template });
    } catch (error) {
      if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

/** A fresh copy of the migrated template database (global-setup.ts) for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("testAdminUrl");
  const name = `${inject("testDatabasePrefix")}${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await copyTemplate(adminUrl, name, inject("testTemplateDatabase"));
  const url = withDatabase(adminUrl, name);
  const clients = createDatabaseClients(url);
  let dropped: Promise<void> | undefined;
  return {
    name,
    url,
    prisma: clients.prisma,
    sql: clients.sql,
    drop() {
      dropped ??= clients.close().then(() => dropDatabase(url));
      return dropped;
    },
  };
}

/**
 * Registers beforeAll/afterAll for the calling file and returns a handle whose fields are
 * readable from inside tests and hooks.
 */
export function useTestDatabase(): TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  const current = (): TestDatabase => {
    if (!db) throw new Error("useTestDatabase(): database is only available inside tests and hooks");
    return db;
  };
  return {
    get name() { return current().name; },
    get url() { return current().url; },
    get prisma() { return current().prisma; },
    get sql() { return current().sql; },
    drop: () => current().drop(),
  };
}
