import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Resolved from this file, not the cwd, so the server, the CLI and tests agree wherever they run.
const PRISMA_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

export const DEFAULT_MIGRATIONS_DIR = join(PRISMA_DIR, "migrations");
export const DEFAULT_SCHEMA_PATH = join(PRISMA_DIR, "schema.prisma");
