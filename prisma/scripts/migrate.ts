// CLI: `migrate.ts deploy` (apply pending migrations to DATABASE_URL) and
// `migrate.ts create <name>` (diff migrations → schema.prisma into a new migration folder).
import { applyMigrations, createMigration, DEFAULT_ADMIN_URL, redactUrl } from "../migrate/index";

const DEFAULT_APP_URL = "postgresql://postgres@127.0.0.1:5432/spros";

async function main(argv: string[]): Promise<void> {
  const [command, name] = argv;
  const verbose = process.env.MIGRATE_DEBUG === "1";
  const log = (message: string) => console.log(message);
  const engineLog = verbose ? log : undefined;
  if (command === "deploy") {
    const url = process.env.DATABASE_URL ?? DEFAULT_APP_URL;
    const result = await applyMigrations(url, { log });
    console.log(
      result.applied.length
        ? `${result.applied.length} migration(s) applied to ${redactUrl(url)} in ${result.ms} ms`
        : `no pending migrations (${redactUrl(url)}, ${result.ms} ms)`,
    );
    return;
  }
  if (command === "create") {
    if (!name) throw new Error("usage: migrate.ts create <name>");
    const adminUrl = process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;
    const directory = await createMigration(name, { adminUrl, log: engineLog });
    console.log(directory ? `created prisma/migrations/${directory}/migration.sql` : "no changes");
    return;
  }
  throw new Error("usage: migrate.ts deploy | create <name>");
}

// Exit explicitly: the WASM engine leaves timers behind, and a CLI must not linger on them.
main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
