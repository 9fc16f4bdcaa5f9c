// npm run bench:scheduler [-- --sizes tiny,small,... --time-limit SECONDS --seed N]
// Generates instances of growing size and runs, side by side, the greedy baseline, the
// scheduler (default 10 s limit) and, on small sizes, the exact MILP. Each size runs in its own
// process so "peak memory" is that size's own maximum resident set. Every proposal is re-checked
// by the independent checker from the unit tests.
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { availableParallelism, loadavg } from "node:os";
import { generateInstance, SIZES } from "../../scheduler/generate";
import { greedyBaseline } from "../../scheduler/greedy-baseline";
import { solve } from "../../scheduler/solve";
import { exactMilp } from "../../scheduler/oracle/exact-milp";
import { checkProposal } from "../unit/scheduler/checker";
import { oracleInstance } from "../unit/scheduler/oracle-instance";

interface Row {
  size: string;
  pairs: number;
  greedy: number;
  greedyMs: number;
  scheduler: number;
  status: string;
  exact: string;
  bound: number | null;
  boundMethod: string | null;
  gap: number | null;
  firstFeasibleMs: number | null;
  ms: number;
  peakMb: number;
  cpuS: number;
  checked: boolean;
}

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const timeLimitMs = Number(opt("--time-limit", "10")) * 1000;
const seed = Number(opt("--seed", "7"));
const noClock = args.includes("--no-clock");

async function runOne(size: string): Promise<Row> {
  const inst = size === "oracle" ? oracleInstance(seed) : generateInstance({ ...SIZES[size], seed });
  let t = performance.now();
  const g = greedyBaseline(inst);
  const greedyMs = performance.now() - t;
  t = performance.now();
  // --no-clock: no wall clock at all, only the deterministic work budget of the time limit — the
  // proposal an idle machine would produce, whatever the load on this one. "first feasible" is
  // then the main thread's CPU time to the first proposal (no other thread runs before it).
  const cpu0 = process.cpuUsage().user;
  let cpuFirst = 0;
  const p = await solve(inst, {
    timeLimitMs,
    seed: 1,
    now: noClock ? undefined : () => performance.now(),
    onProgress: (x) => {
      if (x.phase === "construct") cpuFirst = (process.cpuUsage().user - cpu0) / 1000;
    },
  });
  if (noClock) p.metrics.firstFeasibleMs = Math.round(cpuFirst);
  const ms = performance.now() - t;
  let exact = "—";
  if (inst.demand.length <= 700) {
    const e = await exactMilp(inst, 60, 40_000);
    exact = e.status === "optimal" ? String(e.servedWeight) : e.status === "tooLarge" ? "too large" : `${e.servedWeight ?? "?"} (≤ ${e.bound?.toFixed(1) ?? "?"}, ${e.status})`;
  }
  const checked = checkProposal(inst, p).violations.length === 0 && checkProposal(inst, g).violations.length === 0;
  return {
    size,
    pairs: inst.demand.length,
    greedy: g.metrics.servedWeight,
    greedyMs,
    scheduler: p.metrics.servedWeight,
    status: p.status,
    exact,
    bound: p.metrics.upperBound,
    boundMethod: p.metrics.boundMethod,
    gap: p.metrics.gap,
    firstFeasibleMs: p.metrics.firstFeasibleMs,
    ms,
    peakMb: process.resourceUsage().maxRSS / 1024,
    cpuS: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    checked,
  };
}

function table(rows: Row[]): string {
  const head = ["size", "demand pairs", "greedy", "scheduler", "vs greedy", "exact MILP", "upper bound", "gap", "status", "first feasible", "time", "CPU (all threads)", "peak memory", "checker"];
  const lines = rows.map((r) => [
    r.size,
    String(r.pairs),
    String(r.greedy),
    String(r.scheduler),
    r.greedy > 0 ? `${((r.scheduler / r.greedy - 1) * 100).toFixed(1)}%` : "—",
    r.exact,
    r.bound === null ? "—" : `${r.bound} (${r.boundMethod?.startsWith("lp") ? "LP" : "comb."})`,
    r.gap === null ? "—" : `${(r.gap * 100).toFixed(1)}%`,
    r.status,
    `${Math.round(r.firstFeasibleMs ?? 0)} ms`,
    `${(r.ms / 1000).toFixed(2)} s`,
    `${r.cpuS.toFixed(1)} s`,
    `${Math.round(r.peakMb)} MB`,
    r.checked ? "ok" : "VIOLATIONS",
  ]);
  const all = [head, ...lines];
  const w = head.map((_, i) => Math.max(...all.map((l) => l[i].length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(w[i])).join(" | ")} |`;
  return [fmt(head), `|${w.map((x) => "-".repeat(x + 2)).join("|")}|`, ...lines.map(fmt)].join("\n");
}

async function main(): Promise<void> {
  const one = opt("--one", "");
  if (one) {
    process.stdout.write(JSON.stringify(await runOne(one)));
    return;
  }
  const sizes = opt("--sizes", "oracle,tiny,small,medium,large,moscow").split(",");
  const rows: Row[] = [];
  const self = fileURLToPath(import.meta.url);
  for (const size of sizes) {
    process.stderr.write(`running ${size}…\n`);
    const out = execFileSync(process.execPath, ["--import", "tsx", self, "--one", size, "--time-limit", String(timeLimitMs / 1000), "--seed", String(seed), ...(noClock ? ["--no-clock"] : [])], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
      stdio: ["ignore", "pipe", "inherit"],
    });
    rows.push(JSON.parse(out) as Row);
  }
  console.log(`\nScheduler benchmark — seed ${seed}, time limit ${timeLimitMs / 1000} s${noClock ? " as a work budget only (--no-clock; first feasible = CPU ms)" : ""}\n`);
  console.log(table(rows));
  console.log("\nHow time grows with size. The scheduler always uses its budget (it is an anytime search),");
  console.log("so what grows is the time to the first feasible proposal and the greedy baseline's time:");
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    const exp = (x: number, y: number) => (Math.log(y / x) / Math.log(b.pairs / a.pairs)).toFixed(2);
    console.log(
      `  ${a.size} → ${b.size}: pairs ×${(b.pairs / a.pairs).toFixed(1)}; first feasible ${a.firstFeasibleMs} → ${b.firstFeasibleMs} ms (≈ pairs^${exp(Math.max(1, a.firstFeasibleMs ?? 1), Math.max(1, b.firstFeasibleMs ?? 1))}); greedy ${Math.round(a.greedyMs)} → ${Math.round(b.greedyMs)} ms (≈ pairs^${exp(a.greedyMs, b.greedyMs)}); scheduler total ${(a.ms / 1000).toFixed(2)} → ${(b.ms / 1000).toFixed(2)} s`,
    );
  }
  console.log(`\nload average during the run: ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${availableParallelism()} cores`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
