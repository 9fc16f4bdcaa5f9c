// Run the solver in a worker thread so a server's event loop never stalls: progress arrives as
// messages, an AbortSignal stops the search early (the best proposal so far is still returned).
import type { Progress, Proposal, SolveOptions } from "./types";
import { InvalidInstanceError } from "./solve";
import { spawnWorker } from "./spawn-worker";

export interface WorkerSolveOptions {
  timeLimitMs?: number;
  seed?: number;
  effort?: number;
  bound?: boolean;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /**
   * On abort, stop the worker thread at once and reject with the signal's reason, instead of
   * waiting for the search to notice between steps (an LP bound can take seconds) and return its
   * best so far. For callers that throw the partial result away (a cancelled planning run).
   */
  discardOnAbort?: boolean;
}

export function runSolveInWorker(instance: unknown, options: WorkerSolveOptions = {}): Promise<Proposal> {
  const { onProgress, signal, discardOnAbort, ...rest } = options;
  const passed: Partial<SolveOptions> = rest;
  const worker = spawnWorker("solve-worker", { instance, options: passed });
  return new Promise<Proposal>((resolve, reject) => {
    const onAbort = () => {
      if (!discardOnAbort) return worker.postMessage({ type: "abort" });
      finish();
      reject(signal?.reason ?? new Error("aborted"));
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const finish = () => {
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
    };
    worker.on("message", (msg: { type: string; progress?: Progress; proposal?: Proposal; errors?: string[]; message?: string }) => {
      if (msg.type === "progress") onProgress?.(msg.progress!);
      else if (msg.type === "done") {
        finish();
        resolve(msg.proposal!);
      } else if (msg.type === "invalid") {
        finish();
        reject(new InvalidInstanceError(msg.errors!));
      } else if (msg.type === "error") {
        finish();
        reject(new Error(msg.message));
      }
    });
    worker.once("error", (e) => {
      finish();
      reject(e);
    });
    worker.once("exit", (code) => reject(new Error(`scheduler worker exited with code ${code}`)));
  });
}
