// Worker thread entry for runSolveInWorker: solves, streams progress, obeys "abort" messages.
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import type { SolveOptions } from "./types";
import { InvalidInstanceError, solve } from "./solve";

const { instance, options } = workerData as { instance: unknown; options: Pick<SolveOptions, "timeLimitMs" | "seed" | "effort" | "bound"> };
const controller = new AbortController();
parentPort!.on("message", (msg: { type: string }) => {
  if (msg.type === "abort") controller.abort();
});
solve(instance, {
  ...options,
  signal: controller.signal,
  now: () => performance.now(),
  onProgress: (progress) => parentPort!.postMessage({ type: "progress", progress }),
}).then(
  (proposal) => parentPort!.postMessage({ type: "done", proposal }),
  (e: unknown) =>
    parentPort!.postMessage(
      e instanceof InvalidInstanceError ? { type: "invalid", errors: e.errors } : { type: "error", message: String((e as Error)?.stack ?? e) },
    ),
);
