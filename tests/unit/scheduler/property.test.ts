// Property tests: the solver on many random instances; the independent checker must accept
// every proposal, and the bound must really bound.
import { describe, expect, it } from "vitest";
import { solve } from "../../../scheduler/solve";
import { generateInstance, SIZES } from "../../../scheduler/generate";
import { checkProposal } from "./checker";
import { contractExample, randomInstance, withReservations } from "./random-instance";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function solveAndCheck(inst: Json, seed = 1, effort = 0.2) {
  const p = await solve(inst, { timeLimitMs: 300, seed, effort });
  const c = checkProposal(inst, p);
  expect(c.violations).toEqual([]);
  expect(p.metrics.upperBound === null || p.metrics.upperBound >= p.metrics.servedWeight - 1e-9).toBe(true);
  for (const e of p.explanations) {
    const reasons = Object.values(e.reasons).reduce((a, b) => a + (b ?? 0), 0);
    expect(reasons).toBe(e.unservedPairs);
  }
  const unserved = p.explanations.reduce((a, e) => a + e.unservedPairs, 0);
  expect(unserved + p.metrics.servedPairs).toBe(inst.demand.length);
  for (const s of p.sessions) expect(s.preferredAttendees + s.ifNeedBeAttendees).toBe(s.attendees.length);
  return p;
}

describe("scheduler on random instances", () => {
  it("the contract's example", async () => {
    const p = await solveAndCheck(contractExample());
    expect(p.metrics.servedWeight).toBe(2);
  });

  it("120 random small instances pass the checker", async () => {
    for (let seed = 1; seed <= 120; seed++) await solveAndCheck(randomInstance(seed), seed, 0.05);
  }, 60_000);

  it("120 random instances with random reserved sessions pass the checker", async () => {
    let bite = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const inst = randomInstance(seed);
      const free = await solve(inst, { timeLimitMs: 300, seed, effort: 0.05 });
      const reserved = withReservations(inst, seed, free.sessions);
      // Reserving half of the sessions the solver chose makes it plan around its own favourites.
      if (reserved.reserved.some((x: Json) => free.sessions.some((s) => s.start === x.start && s.trainerId === x.trainerId))) bite++;
      await solveAndCheck(reserved, seed, 0.05);
    }
    expect(bite).toBeGreaterThanOrEqual(10); // 14 of the 120 (many random instances have no session at all)
  }, 90_000);

  it("realistic tiny and small instances pass the checker", async () => {
    for (let seed = 1; seed <= 3; seed++) {
      await solveAndCheck(generateInstance({ ...SIZES.tiny, seed }), seed);
      await solveAndCheck(generateInstance({ ...SIZES.small, seed }), seed);
    }
    // With a third of the small proposal's sessions reserved, re-planning works around them.
    const small = generateInstance({ ...SIZES.small, seed: 1 });
    const free = await solve(small, { timeLimitMs: 300, seed: 1, effort: 0.2 });
    const reserved = free.sessions.filter((_, i) => i % 3 === 0);
    const p = await solveAndCheck({ ...small, reserved: reserved.map(({ trainerId, siteId, roomId, start, end }) => ({ trainerId, siteId, roomId, start, end })) });
    expect(p.sessions.length).toBeGreaterThan(0);
  }, 60_000);
});

describe("edge cases", () => {
  const base = contractExample();
  it("no demand", async () => {
    const p = await solveAndCheck({ ...base, demand: [] });
    expect(p.sessions).toEqual([]);
    expect(p.status).toBe("optimal");
  });
  it("no trainers", async () => {
    const p = await solveAndCheck({ ...base, trainers: [] });
    expect(p.sessions).toEqual([]);
    expect(p.explanations[0].reasons.noQualifiedTrainer).toBe(3);
  });
  it("one slot: a one-day horizon and a window exactly one session long", async () => {
    const inst = {
      ...base,
      horizon: { start: "2026-12-08", days: 1 },
      trainers: [{ ...base.trainers[0], availability: [{ weekday: 2, from: "10:00", to: "12:00" }] }],
    };
    const p = await solveAndCheck(inst);
    expect(p.sessions.map((s) => s.start)).toEqual(["2026-12-08T10:00"]);
    expect(p.metrics.servedWeight).toBe(2);
  });
  it("closed dates block the site", async () => {
    const closed = Array.from({ length: 28 }, (_, i) => new Date(Date.UTC(2026, 11, 7 + i)).toISOString().slice(0, 10));
    const p = await solveAndCheck({ ...base, sites: [{ ...base.sites[0], closedDates: closed }] });
    expect(p.sessions).toEqual([]);
    expect(p.explanations[0].reasons.noCommonTime).toBe(3);
  });
  it("a topic longer than any window", async () => {
    const p = await solveAndCheck({ ...base, topics: [{ ...base.topics[0], durationMinutes: 600 }] });
    expect(p.sessions).toEqual([]);
    expect(p.explanations[0].reasons.noCommonTime).toBe(3);
  });
  it("online-only, with no sites at all", async () => {
    const inst = {
      ...base,
      sites: [],
      trainers: [{ ...base.trainers[0], sites: [] }],
      topics: [{ ...base.topics[0], online: true }],
      demand: base.demand.map((d: Json) => ({ ...d, sites: [] })),
    };
    const p = await solveAndCheck(inst);
    expect(p.sessions.length).toBe(1);
    expect(p.sessions[0]).toMatchObject({ siteId: "online", roomId: null, capacity: 16 });
  });
  it("below the minimum group size", async () => {
    const p = await solveAndCheck({ ...base, topics: [{ ...base.topics[0], minParticipants: 5 }] });
    expect(p.sessions).toEqual([]);
    expect(p.explanations[0].reasons.belowMinimumGroup).toBe(3);
  });
  it("maxSessions 0", async () => {
    const p = await solveAndCheck({ ...base, topics: [{ ...base.topics[0], maxSessions: 0 }] });
    expect(p.sessions).toEqual([]);
    expect(p.metrics.upperBound).toBe(0);
  });
});
