// Worker thread entry: computes the LP bound for an instance on the second core while the main
// thread searches. Receives { instance, timeLimitSec } as workerData, posts a BoundResult|null.
import { parentPort, workerData } from "node:worker_threads";
import type { Instance } from "./types";
import { buildModel } from "./model";
import { DemandIndex } from "./demand-index";
import { lpBound } from "./bound";

const { instance, timeLimitSec } = workerData as { instance: Instance; timeLimitSec: number };
const m = buildModel(instance);
lpBound(m, new DemandIndex(m), timeLimitSec).then(
  (r) => parentPort!.postMessage({ ok: true, result: r }),
  (e) => parentPort!.postMessage({ ok: false, error: String(e) }),
);
