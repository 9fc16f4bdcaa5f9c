// The pipeline: validate → model → greedy construction (first proposal) → bound → large
// neighbourhood search in deterministic work units → proposal with explanations.
import type { Instance, Progress, Proposal, SolveOptions, Status } from "./types";
import { validateInstance } from "./validate";
import { buildModel } from "./model";
import { State } from "./state";
import { makeRng } from "./rng";
import { fill } from "./construct";
import { topUp } from "./top-up";
import { improve } from "./improve";
import { toSessions } from "./output";
import { explain } from "./explain";
import { pairBestWeights, simpleBound } from "./simple-bound";
import { lpBound } from "./bound";

export const defaultOptions = { timeLimitMs: 10_000, seed: 1, bound: true, effort: 1 } as const;

/** Work units (pairs scanned) the search may spend per millisecond of time limit. Calibrated so a
 * run normally ends well inside its limit: the clock is only a safety net, keeping results
 * reproducible for a given seed and limit. */
const WORK_PER_MS = 20_000;

export class InvalidInstanceError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join("\n"));
    this.name = "InvalidInstanceError";
  }
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function solve(input: Instance | unknown, opts: Partial<SolveOptions> = {}): Promise<Proposal> {
  const o = { ...defaultOptions, ...opts };
  const now = o.now;
  const t0 = now ? now() : 0;
  const elapsed = () => (now ? now() - t0 : 0);
  const v = validateInstance(input);
  if (!v.ok) throw new InvalidInstanceError(v.errors);
  const m = buildModel(v.instance);
  const st = new State(m);
  const rng = makeRng(o.seed);
  let timedOut = false;
  const shouldStop = () => {
    if (o.signal?.aborted) return (timedOut = true);
    if (now && now() - t0 > o.timeLimitMs * 0.95) return (timedOut = true);
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
  report("construct", 0.1);

  const best = pairBestWeights(m, st.idx);
  upperBound = simpleBound(m, best);
  boundMethod = "combinatorial";
  if (o.bound && !shouldStop() && st.weight < upperBound - 1e-9) {
    await tick();
    const lp = await lpBound(m, best);
    if (lp !== null && lp < upperBound) {
      upperBound = lp;
      boundMethod = "lp";
    }
    report("bound", 0.2);
  }
  upperBound = Math.floor(upperBound * 2 + 1e-6) / 2; // servedWeight is a multiple of 0.5

  const budget = o.timeLimitMs * WORK_PER_MS * o.effort;
  const chunk = 50 * WORK_PER_MS;
  let work = 0;
  let iterations = 0;
  let idle = 0;
  const maxIdle = 3000;
  while (work < budget && st.weight < upperBound - 1e-9 && !shouldStop() && idle < maxIdle) {
    const r = improve(st, { rng, maxWork: Math.min(chunk, budget - work), maxIdle: maxIdle - idle, shouldStop });
    work += r.work;
    iterations += r.iterations;
    idle = r.improvements > 0 ? r.idle : idle + r.idle;
    if (r.iterations === 0) break;
    report("improve", 0.2 + 0.8 * Math.min(1, work / budget));
    await tick();
  }

  const sessions = toSessions(st);
  const explanations = explain(st);
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
    },
    explanations,
  };
  report("done", 1);
  return proposal;
}
