import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { createDatabase, dropDatabase } from "./database-admin";
import { uniqueDatabaseName, withDatabase } from "./pg-url";

const PG_CHAR_OID = 18; // PostgreSQL's one-byte "char" (pg_catalog columns such as relkind)
const PG_TEXT_OID = 25;

type PerformIO = (query: unknown) => Promise<pg.QueryResult>;
type WithPerformIO = { performIO: PerformIO };

// adapter-pg rejects "char" columns, which the engine reads while describing the schema.
// They arrive from pg as strings already, so presenting them as text is exact.
function acceptCharColumns<T extends object>(queryable: T): T {
  const target = queryable as unknown as WithPerformIO;
  const original = target.performIO.bind(queryable);
  target.performIO = async (query) => {
    const result = await original(query);
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  return queryable;
}

function patchAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  acceptCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args: Parameters<typeof startTransaction>): Promise<Transaction> =>
    acceptCharColumns(await startTransaction(...args));
  // adapter-pg splits scripts on ";" (breaking $$ bodies) and runs the pieces one by one (a failure
  // leaves the earlier pieces applied). One simple-protocol query with many statements runs as a
  // single implicit transaction, so a migration applies entirely or not at all.
  const pool = (adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

export type MigrationAdapterFactory = ReturnType<typeof bindMigrationAwareSqlAdapterFactory> & {
  /** Closes every pool and drops every shadow database this factory opened. */
  disposeAll(): Promise<void>;
};

/**
 * A migration-aware adapter factory for the WASM schema engine, with the adapter-pg pitfalls
 * worked around. `shadowServerUrl` is where shadow databases are created (PrismaPg's own
 * connectToShadowDb reuses the main database's connection string, and drops before closing).
 */
export function createMigrationAdapterFactory(
  url: string,
  options: { shadowServerUrl?: string } = {},
): MigrationAdapterFactory {
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => {
      open.delete(adapter);
      disposed ??= dispose();
      return disposed;
    };
    open.add(adapter);
    return adapter;
  };

  const inner = new PrismaPg({ connectionString: url });
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      return track(patchAdapter(await inner.connect()));
    },
    async connectToShadowDb() {
      const shadowUrl = withDatabase(options.shadowServerUrl ?? url, uniqueDatabaseName("spros_shadow"));
      await createDatabase(shadowUrl);
      try {
        const adapter = patchAdapter(await new PrismaPg({ connectionString: shadowUrl }).connect());
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => {
          await dispose(); // close the pool first, or DROP DATABASE waits on our own sessions
          await dropDatabase(shadowUrl);
        };
        return track(adapter);
      } catch (error) {
        await dropDatabase(shadowUrl);
        throw error;
      }
    },
  };
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  return Object.assign(bound, {
    async disposeAll() {
      await Promise.all([...open].map((adapter) => adapter.dispose()));
    },
  });
}
