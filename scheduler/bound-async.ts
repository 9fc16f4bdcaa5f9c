// Where the LP bound runs: in this thread for small instances (so the search can stop as soon
// as it is reached), in a worker thread for large ones (so it costs no search time on a
// two-core machine). Either way the result does not depend on timing.
import type { Instance } from "./types";
import type { Model } from "./model";
import type { DemandIndex } from "./demand-index";
import type { BoundResult } from "./bound";
import { lpBound } from "./bound";
import { spawnWorker } from "./spawn-worker";

export interface PendingBound {
  /** Resolves with the bound, or null if it failed or was cancelled. */
  result: Promise<BoundResult | null>;
  cancel: () => void;
}

/** Above this many demand pairs the LP goes to a worker thread. */
export const WORKER_THRESHOLD = 8000;

export function startBound(inst: Instance, m: Model, idx: DemandIndex, timeLimitSec: number, inWorker: boolean): PendingBound {
  if (!inWorker) return { result: lpBound(m, idx, timeLimitSec).catch(() => null), cancel: () => {} };
  const worker = spawnWorker("bound-worker", { instance: inst, timeLimitSec });
  let settle: (r: BoundResult | null) => void = () => {};
  const result = new Promise<BoundResult | null>((resolve) => (settle = resolve));
  worker.once("message", (msg: { ok: boolean; result?: BoundResult | null }) => {
    settle(msg.ok ? (msg.result ?? null) : null);
    void worker.terminate();
  });
  worker.once("error", () => settle(null));
  worker.once("exit", () => settle(null));
  return {
    result,
    cancel: () => {
      settle(null);
      void worker.terminate();
    },
  };
}
