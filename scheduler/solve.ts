// The pipeline: validate → model → greedy construction (first proposal) → bound → large
// neighbourhood search in deterministic work units → proposal with explanations.
import type { Instance, Progress, Proposal, SolveOptions, Status } from "./types";
import type { BoundResult } from "./bound";
import type { PendingBound } from "./bound-async";
import { validateInstance } from "./validate";
import { buildModel } from "./model";
import { State } from "./state";
import { makeRng } from "./rng";
import { fill } from "./construct";
import { topUp } from "./top-up";
import { improve } from "./improve";
import type { Best } from "./improve";
import { toSessions } from "./output";
import { explain } from "./explain";
import { pairBestWeights, simpleBound } from "./simple-bound";
import { coarseBound } from "./coarse-bound";
import { prepareBoundWorker, startBoundInProcess, WORKER_THRESHOLD } from "./bound-async";

export const defaultOptions = { timeLimitMs: 10_000, seed: 1, bound: true, effort: 1, boundInWorker: true } as const;

/** Work units (≈ pairs scanned) the search may spend per millisecond of time limit. Calibrated
 * so that a run normally ends inside its limit on one core of a 2020s machine: the clock is only
 * a safety net, which keeps results reproducible for a given seed and limit. */
const WORK_PER_MS = 3_000;
/** Give up after this many local-search iterations in a row without improvement. */
const MAX_IDLE = 3000;

export class InvalidInstanceError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join("\n"));
    this.name = "InvalidInstanceError";
  }
}

/** Threshold-accepting tolerance as a fraction of the current weight. 0.05–0.2 % were tried and
 * lost weight at Moscow scale within the budget, so it is off; the mechanism stays for tuning. */
const TOLERANCE = 0;

const better = (a: Best, st: State) => a.weight > st.weight + 1e-9 || (a.weight > st.weight - 1e-9 && a.sessions < st.alive);

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Wait for `p`, at most `ms`; the timer is cleared so it never keeps the process alive. */
async function within<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function solve(input: Instance | unknown, opts: Partial<SolveOptions> = {}): Promise<Proposal> {
  const o = { ...defaultOptions, ...opts };
  const now = o.now;
  const t0 = now ? now() : 0;
  const elapsed = () => (now ? now() - t0 : 0);
  const boundSec = Math.max(1, (o.timeLimitMs * 0.8) / 1000);
  const demand = (input as { demand?: unknown } | null)?.demand;
  const inWorker = o.bound && o.boundInWorker && Array.isArray(demand) && demand.length > WORKER_THRESHOLD;
  const worker = inWorker ? prepareBoundWorker(boundSec) : null;
  const v = validateInstance(input);
  if (!v.ok) {
    worker?.cancel();
    throw new InvalidInstanceError(v.errors);
  }
  const m = buildModel(v.instance);
  const st = new State(m);
  const rng = makeRng(o.seed);
  let timedOut = false;
  // Time left for explanations and output. It is re-estimated once the first proposal exists:
  // on a slow or loaded machine everything, including the final steps, is proportionally slower.
  let searchEnd = o.timeLimitMs * 0.85;
  const shouldStop = () => {
    if (o.signal?.aborted) return (timedOut = true);
    if (now && elapsed() > searchEnd) return (timedOut = true);
    return false;
  };
  let upperBound: number | null = null;
  let boundMethod: string | null = null;
  const report = (phase: Progress["phase"], fraction: number) =>
    o.onProgress?.({ phase, fraction, servedWeight: st.weight, upperBound, elapsedMs: elapsed() });
  report("model", 0);


  const allDays = Array.from({ length: m.nDays }, (_, d) => d);
  const allTopics = m.topics.map((_, t) => t);
  fill(st, allDays, allTopics, { noise: 0, rng, maxWork: Number.POSITIVE_INFINITY, shouldStop });
  topUp(st, allTopics);
  const firstFeasibleMs = elapsed();
  searchEnd = Math.min(searchEnd, o.timeLimitMs - 0.6 * firstFeasibleMs);
  report("construct", 0.1);
  // Copying the instance to the worker costs ~0.15 s at Moscow scale, so it is sent right after
  // the first proposal exists; the LP still finishes well before the search does.
  let pending: PendingBound | null = worker ? worker.send(v.instance) : null;

  const pairBest = pairBestWeights(m, st.idx);
  upperBound = simpleBound(m, pairBest);
  boundMethod = "combinatorial";
  const useBound = (lp: BoundResult | null) => {
    if (lp !== null && lp.bound < upperBound!) {
      upperBound = lp.bound;
      boundMethod = `lp (${lp.columns} columns, ${lp.rows} rows)`;
    }
    upperBound = Math.floor(upperBound! * 2 + 1e-6) / 2; // servedWeight is a multiple of 0.5
  };
  if (o.bound && st.weight < upperBound - 1e-9) {
    // The coarse trainer-week LP takes milliseconds; it is the bound if the big LP cannot finish.
    const coarse = await coarseBound(m, pairBest).catch(() => null);
    if (coarse !== null && coarse < upperBound) {
      upperBound = coarse;
      boundMethod = "coarse lp";
    }
  }
  if (o.bound && !inWorker && st.weight < upperBound - 1e-9) {
    await tick();
    useBound(await startBoundInProcess(m, st.idx, boundSec, pairBest));
    report("bound", 0.2);
  } else useBound(null);

  // The search stops at the bound known now; a bound still being computed in the worker never
  // changes the search, so the proposal is the same whenever it arrives.
  const stopAt = upperBound;
  const budget = o.timeLimitMs * WORK_PER_MS * o.effort;
  const chunk = 50 * WORK_PER_MS;
  let work = 0;
  let iterations = 0;
  let idle = 0;
  const best: Best = { weight: st.weight, sessions: st.alive, snap: null };
  while (work < budget && best.weight < stopAt - 1e-9 && !shouldStop() && idle < MAX_IDLE) {
    // Threshold accepting: early on, moves may lose a little (a fraction of a session's worth
    // relative to the schedule), shrinking linearly to zero by the end of the budget.
    const tolerance = TOLERANCE * st.weight * Math.max(0, 1 - work / budget);
    const r = improve(st, { rng, maxWork: Math.min(chunk, budget - work), maxIdle: MAX_IDLE - idle, shouldStop, tolerance, best });
    work += r.work;
    iterations += r.iterations;
    idle = r.improvements > 0 ? r.idle : idle + r.idle;
    if (r.iterations === 0) break;
    report("improve", 0.2 + 0.75 * Math.min(1, work / budget));
    await tick();
  }

  if (best.snap && better(best, st)) st.restore(best.snap);

  if (pending) {
    const lp = now ? await within(pending.result, Math.max(0, searchEnd + 0.02 * o.timeLimitMs - elapsed())) : await pending.result;
    if (lp === null) pending.cancel();
    useBound(lp);
    pending = null;
    report("bound", 0.97);
  }

  const sessions = toSessions(st);
  // Explanations are the last step; if the clock is nearly out, the rest is left unanalysed.
  const explanations = explain(st, now ? () => elapsed() > o.timeLimitMs * 0.97 : () => false);
  const optimal = st.weight >= upperBound - 1e-9;
  const status: Status = optimal ? "optimal" : timedOut ? "timedOut" : "feasible";
  const proposal: Proposal = {
    version: 1,
    status,
    sessions,
    metrics: {
      servedWeight: st.weight,
      servedPairs: st.served,
      demandPairs: m.nPairs,
      sessions: sessions.length,
      upperBound,
      elapsedMs: Math.round(elapsed()),
      gap: upperBound > 0 ? 1 - st.weight / upperBound : 0,
      firstFeasibleMs: Math.round(firstFeasibleMs),
      boundMethod,
      iterations,
      work,
    },
    explanations,
  };
  report("done", 1);
  return proposal;
}
