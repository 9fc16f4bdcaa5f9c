import { describe, expect, it } from "vitest";
import { currentFigures, unservedNow, type ReviewedSession } from "../../domain/planning/current-figures";

const session = (topicId: string, state: ReviewedSession["state"], preferredAttendees: number, ifNeedBeAttendees: number): ReviewedSession => ({
  topicId, state, preferredAttendees, ifNeedBeAttendees,
});

describe("currentFigures", () => {
  it("sums the sessions still in play (preferred 1, if need be 0.5) and measures them against the bound", () => {
    const figures = currentFigures([session("a", "PROPOSED", 4, 2), session("a", "APPROVED", 3, 0), session("b", "REMOVED", 10, 10)], 20, 16);
    expect(figures).toEqual({ servedWeight: 8, servedPairs: 9, demandPairs: 20, upperBound: 16, gap: 0.5, proposed: 1, approved: 1, removed: 1 });
  });

  it("has no gap without a bound", () => {
    expect(currentFigures([session("a", "PROPOSED", 1, 0)], 1, null).gap).toBeNull();
  });
});

describe("unservedNow", () => {
  const solverSaid = [{ topicId: "a", demandPairs: 3, unservedPairs: 1, reasons: [{ reason: "noCommonTime" as const, count: 1 }] }];

  it("keeps the solver's rows and reasons with the count now, and adds a topic a removal left unserved", () => {
    const rows = unservedNow(["a", "a", "a", "b", "b"], solverSaid, [session("a", "PROPOSED", 1, 0), session("b", "REMOVED", 2, 0)]);
    expect(rows).toEqual([
      { ...solverSaid[0], currentUnservedPairs: 2 },
      { topicId: "b", demandPairs: 2, unservedPairs: 0, reasons: [], currentUnservedPairs: 2 },
    ]);
  });

  it("never goes below zero and leaves out fully served topics the solver did not list", () => {
    expect(unservedNow(["a", "a", "a", "c"], solverSaid, [session("a", "PROPOSED", 5, 0), session("c", "APPROVED", 1, 0)])).toEqual([
      { ...solverSaid[0], currentUnservedPairs: 0 },
    ]);
  });
});
