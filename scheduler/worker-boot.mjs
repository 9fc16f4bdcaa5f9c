// Worker bootstrap: when the entry is TypeScript source (development, tests, `node --import tsx`),
// register tsx inside the worker first — loader flags are not reliably inherited by workers.
import { workerData } from "node:worker_threads";

if (workerData.entry.endsWith(".ts")) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import(workerData.entry);
