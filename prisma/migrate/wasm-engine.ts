import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine };

// Node 20 cannot import the package entry (it imports a .wasm module), so the glue is wired by
// hand. The glue module keeps the instance in a module-level variable and a second instantiation
// corrupts it; vitest re-evaluates our modules per test file but shares node_modules, so the
// promise lives on globalThis rather than in this module.
const KEY = Symbol.for("spros.schemaEngineWasm");
type Holder = { [KEY]?: Promise<typeof bg> };

// The engine arms a 10 s setTimeout that would keep short-lived processes alive; unref it so it
// never holds the event loop open (the CLI still exits explicitly).
const TIMEOUT_IMPORT = Object.keys(bg).find((name) => name.startsWith("__wbg_setTimeout_"));

async function instantiate(): Promise<typeof bg> {
  const require = createRequire(import.meta.url);
  // The package's export map does not list the .wasm: find it next to the glue module.
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = join(dirname(gluePath), "schema_engine_bg.wasm");
  const imports: Record<string, unknown> = { ...bg };
  if (TIMEOUT_IMPORT) {
    const original = (bg as unknown as Record<string, (...args: unknown[]) => unknown>)[TIMEOUT_IMPORT];
    imports[TIMEOUT_IMPORT] = (...args: unknown[]) => {
      const timer = original(...args) as { unref?: () => void };
      timer?.unref?.();
      return timer;
    };
  }
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

/** The schema engine glue, instantiated once per process. */
export function loadSchemaEngine(): Promise<typeof bg> {
  const holder = globalThis as Holder;
  holder[KEY] ??= instantiate().catch((error) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}
