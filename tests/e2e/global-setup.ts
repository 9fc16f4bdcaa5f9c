import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase } from "../../prisma/migrate/database-admin";
import { DEFAULT_ADMIN_URL, uniqueDatabaseName, withDatabase } from "../../prisma/migrate/pg-url";
import { startSprosServer } from "./helpers/spros-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the Spros server under test listens, e.g. http://127.0.0.1:41234 (no trailing slash). */
    e2eBaseUrl: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * One real Spros server for the browser tests: a fresh PostgreSQL database (migrated and seeded
 * with the demo data by the server itself on start), the production build, a port the OS picks.
 * Teardown stops the server and drops the database.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, "build/index.js"))) {
    throw new Error("tests/e2e needs the production build: run `npm run build` first (`npm test` does).");
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const databaseUrl = withDatabase(adminUrl, uniqueDatabaseName("spros_e2e"));
  await createDatabase(databaseUrl);

  let server;
  try {
    server = await startSprosServer({
      cwd: root,
      timeoutMs: 90_000,
      env: {
        DATABASE_URL: databaseUrl,
        SPROS_SEED: "demo",
        // The demo's own size: the seed schedules the most wanted topics, and with 120 staff the
        // rest rarely fill a group in the one-week plan the planning test makes.
        SPROS_SEED_STAFF: process.env.SPROS_SEED_STAFF ?? "400",
        SESSION_SECRET: `e2e-${crypto.randomUUID()}`,
        // Every browser test signs in from 127.0.0.1, more often than the per-IP window allows;
        // the limits themselves are tested in tests/integration/rate-limits.test.ts.
        SPROS_RATE_LIMITS: "off",
      },
    });
  } catch (error) {
    await dropDatabase(databaseUrl).catch(() => {});
    throw error;
  }
  project.provide("e2eBaseUrl", server.baseUrl);

  return async () => {
    await server.stop();
    await dropDatabase(databaseUrl);
  };
}
