// npm run -s schedule -- INSTANCE.json [--time-limit SECONDS] [--seed N]
// Proposal JSON on stdout and nothing else; progress on stderr; invalid input → exit 2.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { InvalidInstanceError, solve } from "./solve";

function fail(message: string): never {
  process.stderr.write(`schedule: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; timeLimitMs: number; seed: number } {
  let file: string | undefined;
  let timeLimitMs = 10_000;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--time-limit") {
      const v = Number(argv[++i]);
      if (!(v > 0)) fail("--time-limit must be a positive number of seconds");
      timeLimitMs = v * 1000;
    } else if (a === "--seed") {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v)) fail("--seed must be an integer");
      seed = v;
    } else if (a.startsWith("--")) fail(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!file) fail("usage: schedule INSTANCE.json [--time-limit SECONDS] [--seed N]");
  return { file, timeLimitMs, seed };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let raw: string;
  try {
    raw = readFileSync(args.file, "utf8");
  } catch (e) {
    fail(`cannot read ${args.file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    fail(`${args.file} is not valid JSON: ${(e as Error).message}`);
  }
  let lastPct = -1;
  const proposal = await solve(json, {
    timeLimitMs: args.timeLimitMs,
    seed: args.seed,
    now: () => performance.now(),
    onProgress: (p) => {
      const pct = Math.floor(p.fraction * 20) * 5;
      if (pct === lastPct && p.phase !== "done") return;
      lastPct = pct;
      const ub = p.upperBound === null ? "?" : p.upperBound;
      process.stderr.write(`[${p.phase}] ${pct}% served ${p.servedWeight} / bound ${ub} (${Math.round(p.elapsedMs)} ms)\n`);
    },
  });
  process.stdout.write(`${JSON.stringify(proposal, null, 2)}\n`);
}

main().catch((e) => {
  if (e instanceof InvalidInstanceError) fail(`invalid instance\n${e.errors.join("\n")}`);
  process.stderr.write(`schedule: internal error: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
