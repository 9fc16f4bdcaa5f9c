export { applyMigrations } from "./apply";
export type { ApplyMigrationsOptions, ApplyMigrationsResult } from "./apply";
export { createMigration, schemaDriftSql } from "./diff";
export type { DiffOptions } from "./diff";
export { createDatabase, dropDatabase, dropDatabasesWithPrefix, ensureDatabase } from "./database-admin";
export { DEFAULT_ADMIN_URL, databaseName, redactUrl, uniqueDatabaseName, withDatabase } from "./pg-url";
export { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from "./paths";
