import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createMigrationAdapterFactory } from "./adapter";
import { loadSchemaEngine } from "./wasm-engine";

export type MigrateLog = (message: string) => void;

/**
 * Runs fn with a fresh engine bound to `url`, then frees the engine and closes every pool and
 * shadow database it opened, so callers never leak connections.
 */
export async function withSchemaEngine<T>(
  options: { url: string; shadowServerUrl?: string; datamodels?: [string, string][]; log?: MigrateLog },
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const glue = await loadSchemaEngine();
  const factory = createMigrationAdapterFactory(options.url, { shadowServerUrl: options.shadowServerUrl });
  const onLog = (line: unknown) => options.log?.(typeof line === "string" ? line : JSON.stringify(line));
  const engine = await glue.SchemaEngine.new({ datamodels: options.datamodels }, onLog, factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await factory.disposeAll();
  }
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
