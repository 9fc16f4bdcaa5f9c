// Where the LP bound runs: in this thread for small instances (so the search can stop as soon
// as it is reached), in a worker thread for large ones (so it costs no search time on a
// two-core machine). Either way the result does not depend on timing.
import type { Instance } from "./types";
import type { Model } from "./model";
import type { DemandIndex } from "./demand-index";
import type { BoundResult } from "./bound";
import { lpBound } from "./bound";
import { pairBestBy } from "./simple-bound";
import { spawnWorker } from "./spawn-worker";

export interface PendingBound {
  /** Resolves with the bound, or null if it failed or was cancelled. */
  result: Promise<BoundResult | null>;
  cancel: () => void;
}

/** Above this many demand pairs the LP goes to a worker thread. */
export const WORKER_THRESHOLD = 8000;

export function startBoundInProcess(m: Model, idx: DemandIndex, timeLimitSec: number, best: Float64Array): Promise<BoundResult | null> {
  return lpBound(m, idx, timeLimitSec, best, pairBestBy(m, idx)).catch(() => null);
}

export interface BoundWorker {
  /** Hand over the (validated) instance; the LP starts at once. */
  send: (inst: Instance) => PendingBound;
  cancel: () => void;
}

/** Spawn the LP worker early, with no data: it loads its modules and HiGHS's WebAssembly while
 * this thread validates and builds the first proposal, then waits for the instance. */
export function prepareBoundWorker(timeLimitSec: number): BoundWorker {
  const worker = spawnWorker("bound-worker", { timeLimitSec });
  let settle: (r: BoundResult | null) => void = () => {};
  const result = new Promise<BoundResult | null>((resolve) => (settle = resolve));
  worker.once("message", (msg: { ok: boolean; result?: BoundResult | null }) => {
    settle(msg.ok ? (msg.result ?? null) : null);
    void worker.terminate();
  });
  worker.once("error", () => settle(null));
  worker.once("exit", () => settle(null));
  const cancel = () => {
    settle(null);
    void worker.terminate();
  };
  return {
    send: (inst) => {
      worker.postMessage(inst);
      return { result, cancel };
    },
    cancel,
  };
}
