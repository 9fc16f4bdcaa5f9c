// Against the exact MILP: where HiGHS proves the optimum, the scheduler reaches ≥ 99% of it, and
// the scheduler's upper bound is never below it. The oracle's own schedule must pass the checker.
import { describe, expect, it } from "vitest";
import { solve } from "../../../scheduler/solve";
import { exactMilp } from "../../../scheduler/oracle/exact-milp";
import { checkProposal } from "./checker";
import { oracleInstance } from "./oracle-instance";
import { withReservations } from "./random-instance";

describe("exact MILP oracle", () => {
  it("scheduler ≥ 99% of the proven optimum, and its bound ≥ the optimum", async () => {
    let proven = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const inst = oracleInstance(seed);
      const exact = await exactMilp(inst, 10);
      if (exact.status !== "optimal") continue;
      proven++;
      expect(checkProposal(inst, exact.proposal).violations).toEqual([]);
      const p = await solve(inst, { timeLimitMs: 500, seed });
      expect(checkProposal(inst, p).violations).toEqual([]);
      expect(p.metrics.servedWeight, `seed ${seed}`).toBeGreaterThanOrEqual(0.99 * exact.servedWeight! - 1e-9);
      expect(p.metrics.upperBound!, `seed ${seed}`).toBeGreaterThanOrEqual(exact.servedWeight! - 1e-9);
    }
    expect(proven).toBeGreaterThanOrEqual(25);
  }, 120_000);

  it("with reserved sessions (half of the optimum's sessions, plus random ones): the same", async () => {
    let proven = 0;
    let changed = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const free = oracleInstance(seed);
      const first = await exactMilp(free, 10);
      if (first.status !== "optimal") continue;
      const inst = withReservations(free, seed, first.proposal!.sessions, { maxRandom: 2, long: false });
      const exact = await exactMilp(inst, 10);
      if (exact.status !== "optimal") continue;
      proven++;
      if (exact.servedWeight !== first.servedWeight) changed++;
      expect(checkProposal(inst, exact.proposal).violations).toEqual([]);
      const p = await solve(inst, { timeLimitMs: 500, seed });
      expect(checkProposal(inst, p).violations).toEqual([]);
      expect(p.metrics.servedWeight, `seed ${seed}`).toBeGreaterThanOrEqual(0.99 * exact.servedWeight! - 1e-9);
      expect(p.metrics.upperBound!, `seed ${seed}`).toBeGreaterThanOrEqual(exact.servedWeight! - 1e-9);
    }
    expect(proven).toBeGreaterThanOrEqual(18);
    expect(changed).toBeGreaterThanOrEqual(7); // the reservations cost served weight on 10 of 20
  }, 120_000);
});
