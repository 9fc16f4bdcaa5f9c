// The command line per the contract: JSON only on stdout, exit 2 with a path on invalid input,
// the same output for the same seed.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkProposal } from "./checker";
import { contractExample, randomInstance } from "./random-instance";

const root = join(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "spros-cli-"));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scheduler/cli.ts", ...args], { cwd: root }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

describe("schedule CLI", () => {
  it("prints a checked proposal and nothing else on stdout", async () => {
    const inst = randomInstance(7);
    const r = await run([file("ok.json", inst), "--time-limit", "1", "--seed", "3"]);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.version).toBe(1);
    expect(checkProposal(inst, p).violations).toEqual([]);
    expect(r.stderr).toMatch(/done/);
  }, 30_000);

  it("is deterministic for a seed (apart from elapsedMs)", async () => {
    const f = file("det.json", randomInstance(11));
    const [a, b] = await Promise.all([run([f, "--seed", "5", "--time-limit", "2"]), run([f, "--seed", "5", "--time-limit", "2"])]);
    const strip = (s: string) => {
      const p = JSON.parse(s);
      delete p.metrics.elapsedMs;
      delete p.metrics.firstFeasibleMs;
      return p;
    };
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
  }, 30_000);

  it("exits 2 with the offending path on invalid input", async () => {
    const inst = contractExample();
    inst.topics[0].durationMinutes = 45;
    const r = await run([file("bad.json", inst)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("topics[0].durationMinutes: must be a positive multiple of slotMinutes");
  }, 30_000);

  it("accepts reserved sessions (extension) and names a bad one's path", async () => {
    const tuesday = (d: string) => ({ trainerId: "t1", siteId: "online", roomId: null, start: `2026-12-${d}T09:00`, end: `2026-12-${d}T18:00` });
    const inst = { ...contractExample(), reserved: [tuesday("08"), tuesday("15"), tuesday("22"), tuesday("29")] };
    const ok = await run([file("reserved.json", inst), "--time-limit", "1"]);
    expect(ok.code).toBe(0);
    const p = JSON.parse(ok.stdout);
    expect(checkProposal(inst, p).violations).toEqual([]);
    // Every Tuesday is taken; only a Monday afternoon is left.
    expect(p.sessions.map((s: { start: string }) => s.start.slice(11))).toEqual(["14:00"]);
    inst.reserved[0].roomId = "strogino-1" as never;
    const bad = await run([file("reserved-bad.json", inst)]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain('reserved[0].roomId: must be null for an on-line session (siteId "online")');
  }, 30_000);

  it("exits 2 on malformed JSON, a missing file and bad options", async () => {
    const results = await Promise.all([
      run([file("broken.json", "{ nope")]),
      run([join(dir, "missing.json")]),
      run([file("x.json", contractExample()), "--time-limit", "-1"]),
      run([]),
    ]);
    for (const r of results) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.length).toBeGreaterThan(0);
    }
  }, 30_000);
});
