// Against the exact MILP: where HiGHS proves the optimum, the scheduler reaches ≥ 99% of it, and
// the scheduler's upper bound is never below it. The oracle's own schedule must pass the checker.
import { describe, expect, it } from "vitest";
import { solve } from "../../../scheduler/solve";
import { exactMilp } from "../../../scheduler/oracle/exact-milp";
import { checkProposal } from "./checker";
import { rngOf } from "./random-instance";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** Small but not trivial: contention for one or two trainers, rooms and people's time. */
export function oracleInstance(seed: number): Json {
  const r = rngOf(seed * 7919);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const topics = Array.from({ length: int(2, 3) }, (_, i) => ({
    id: `t${i}`,
    durationMinutes: 60 * int(1, 3),
    online: r() < 0.3,
    minParticipants: int(2, 3),
    maxParticipants: int(3, 6),
    ...(r() < 0.3 ? { maxSessions: int(1, 2) } : {}),
  }));
  const sites = [{ id: "a", opens: "09:00", closes: "17:00", rooms: [{ id: "a1", capacity: int(3, 6) }, ...(r() < 0.5 ? [{ id: "a2", capacity: int(2, 5) }] : [])] }];
  const trainers = Array.from({ length: int(1, 2) }, (_, i) => ({
    id: `tr${i}`,
    topics: topics.filter((_, j) => j % 2 === i || r() < 0.5).map((t) => t.id),
    sites: ["a"],
    availability: [1, 2, 3].map((wd) => ({ weekday: wd, from: hm(60 * int(9, 11)), to: hm(60 * int(14, 17)) })),
    maxHoursPerWeek: int(3, 8),
  }));
  const demand: Json[] = [];
  for (let p = 0; p < int(6, 14); p++) {
    for (const t of topics) {
      if (r() < 0.45) continue;
      const windows = Array.from({ length: int(1, 2) }, () => {
        const a = 60 * int(9, 13);
        return { weekday: int(1, 3), from: hm(a), to: hm(Math.min(17 * 60, a + 60 * int(2, 5))), strength: r() < 0.6 ? "preferred" : "ifNeedBe" };
      });
      demand.push({ personId: `p${p}`, topicId: t.id, sites: ["a"], windows });
    }
  }
  return { version: 1, timezone: "Europe/Moscow", horizon: { start: "2026-12-07", days: 3 }, slotMinutes: 60, sites, trainers, topics, demand };
}

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
});
