// Worker thread entry: computes the LP bound on the second core while the main thread searches.
// Spawned early with { timeLimitSec }; loads HiGHS at once, then waits for the (already
// validated) instance as its first message and posts back { ok, result: BoundResult | null }.
import { parentPort, workerData } from "node:worker_threads";
import type { Instance } from "./types";
import { buildModel } from "./model";
import { DemandIndex } from "./demand-index";
import { lpBound } from "./bound";
import { loadHighs } from "./lp";
import { pairBestBy, pairBestWeights } from "./simple-bound";

const { timeLimitSec } = workerData as { timeLimitSec: number };
void loadHighs();
parentPort!.once("message", (instance: Instance) => {
  const m = buildModel(instance);
  const idx = new DemandIndex(m);
  lpBound(m, idx, timeLimitSec, pairBestWeights(m, idx), pairBestBy(m, idx)).then(
    (r) => parentPort!.postMessage({ ok: true, result: r }),
    (e) => parentPort!.postMessage({ ok: false, error: String(e) }),
  );
});
