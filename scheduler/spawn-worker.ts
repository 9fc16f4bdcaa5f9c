// Start one of the scheduler's worker entries, from source (.ts, via tsx) or built (.js).
import { Worker } from "node:worker_threads";

export function spawnWorker(name: "solve-worker" | "bound-worker", data: Record<string, unknown>): Worker {
  const ts = import.meta.url.endsWith(".ts");
  const entry = new URL(`./${name}.${ts ? "ts" : "js"}`, import.meta.url).href;
  return new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: { ...data, entry } });
}
