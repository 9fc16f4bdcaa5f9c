import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../prisma/migrate/apply";
import { dropDatabasesWithPrefix } from "../../prisma/migrate/database-admin";
import { DEFAULT_ADMIN_URL, withDatabase } from "../../prisma/migrate/pg-url";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server the integration suite uses. */
    testAdminUrl: string;
    /** A migrated database that each test file copies with CREATE DATABASE … TEMPLATE. */
    testTemplateDatabase: string;
    /** Prefix of every database this run creates, so teardown can drop leftovers. */
    testDatabasePrefix: string;
  }
}

/**
 * Migrates one template database per run (≈0.2 s), so each test file gets an isolated copy in
 * tens of milliseconds instead of replaying migrations. Names are unique per run, so several
 * engineers' runs on the same server do not collide.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const prefix = `spros_test_${Date.now().toString(36)}${crypto.randomUUID().slice(0, 6)}_`;
  const template = `${prefix}template`;
  const started = performance.now();
  await applyMigrations(withDatabase(adminUrl, template));
  if (process.env.TEST_DB_DEBUG) console.log(`template ${template} migrated in ${Math.round(performance.now() - started)} ms`);
  project.provide("testAdminUrl", adminUrl);
  project.provide("testTemplateDatabase", template);
  project.provide("testDatabasePrefix", prefix);
  return async () => {
    // Test files drop their own copies; this catches files that crashed or forgot.
    await dropDatabasesWithPrefix(adminUrl, prefix);
  };
}
