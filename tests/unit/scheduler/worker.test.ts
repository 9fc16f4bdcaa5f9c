// The solver in a worker thread: same proposal as in-process, progress messages, abort.
import { describe, expect, it } from "vitest";
import { runSolveInWorker } from "../../../scheduler/run-in-worker";
import { InvalidInstanceError } from "../../../scheduler/solve";
import { generateInstance, SIZES } from "../../../scheduler/generate";
import { checkProposal } from "./checker";
import { contractExample } from "./random-instance";

describe("runSolveInWorker", () => {
  it("solves, reports progress, and passes the checker", async () => {
    const inst = generateInstance({ ...SIZES.small, seed: 2 });
    const phases: string[] = [];
    const p = await runSolveInWorker(inst, { timeLimitMs: 2000, seed: 4, onProgress: (x) => phases.push(x.phase) });
    expect(checkProposal(inst, p).violations).toEqual([]);
    expect(phases).toContain("construct");
    expect(phases.at(-1)).toBe("done");
  }, 30_000);

  it("stops early on abort and still returns a valid proposal", async () => {
    const inst = generateInstance({ ...SIZES.medium, seed: 3 });
    const controller = new AbortController();
    const started = Date.now();
    const p = await runSolveInWorker(inst, {
      timeLimitMs: 60_000,
      seed: 1,
      signal: controller.signal,
      onProgress: (x) => x.phase === "improve" && controller.abort(),
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(p.status).toBe("timedOut");
    expect(checkProposal(inst, p).violations).toEqual([]);
  }, 40_000);

  it("with discardOnAbort, stops the thread at once and rejects with the abort reason", async () => {
    const inst = generateInstance({ ...SIZES.medium, seed: 3 });
    const controller = new AbortController();
    let abortedAt = 0;
    const solving = runSolveInWorker(inst, {
      timeLimitMs: 60_000,
      seed: 1,
      signal: controller.signal,
      discardOnAbort: true,
      onProgress: (x) => {
        if (x.phase === "construct" && !abortedAt) {
          abortedAt = Date.now();
          controller.abort("cancelled by a manager");
        }
      },
    });
    await expect(solving).rejects.toBe("cancelled by a manager");
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
  }, 40_000);

  it("rejects invalid input with the path", async () => {
    const inst = contractExample();
    inst.topics[0].durationMinutes = 45;
    await expect(runSolveInWorker(inst)).rejects.toBeInstanceOf(InvalidInstanceError);
  }, 30_000);
});
