import { relativeGap, type UnservedTopic } from "./run-report";

/** The contract's weight of an attendee for whom the session is only "if need be" (preferred: 1). */
export const IF_NEED_BE_WEIGHT = 0.5;

export type ReviewedSession = {
  topicId: string;
  state: "PROPOSED" | "APPROVED" | "REMOVED";
  preferredAttendees: number;
  ifNeedBeAttendees: number;
};

export type CurrentFigures = {
  servedWeight: number;
  servedPairs: number;
  demandPairs: number;
  upperBound: number | null;
  gap: number | null;
  proposed: number;
  approved: number;
  removed: number;
};

/**
 * The proposal's figures as the review has left it: every move, re-staffing, removal and approval
 * recomputes its session's expected attendance, so the sums over the sessions still in play are
 * what the plan serves now (the solver's own metrics describe the plan it handed over). The bound
 * holds for any plan of the same instance, so the gap is measured against it as well.
 */
export function currentFigures(sessions: readonly ReviewedSession[], demandPairs: number, upperBound: number | null): CurrentFigures {
  let servedWeight = 0;
  let servedPairs = 0;
  const count = { PROPOSED: 0, APPROVED: 0, REMOVED: 0 };
  for (const session of sessions) {
    count[session.state]++;
    if (session.state === "REMOVED") continue;
    servedWeight += session.preferredAttendees + IF_NEED_BE_WEIGHT * session.ifNeedBeAttendees;
    servedPairs += session.preferredAttendees + session.ifNeedBeAttendees;
  }
  return {
    servedWeight,
    servedPairs,
    demandPairs,
    upperBound,
    gap: relativeGap(servedWeight, upperBound),
    proposed: count.PROPOSED,
    approved: count.APPROVED,
    removed: count.REMOVED,
  };
}

/** People served per topic by the sessions still in play. */
export function servedPairsByTopic(sessions: readonly ReviewedSession[]): Map<string, number> {
  const served = new Map<string, number>();
  for (const session of sessions) {
    if (session.state === "REMOVED") continue;
    served.set(session.topicId, (served.get(session.topicId) ?? 0) + session.preferredAttendees + session.ifNeedBeAttendees);
  }
  return served;
}

export type UnservedTopicNow = UnservedTopic & { currentUnservedPairs: number };

/**
 * Topics whose demand the plan leaves unserved: as the solver explained it (its reasons, its
 * count) beside the count now. A topic the solver served fully can appear once a session of it
 * is removed. Solver order first, then the instance's order.
 */
export function unservedNow(
  demandTopicIds: readonly string[],
  atSolve: readonly UnservedTopic[],
  sessions: readonly ReviewedSession[],
): UnservedTopicNow[] {
  const demand = new Map<string, number>();
  for (const topicId of demandTopicIds) demand.set(topicId, (demand.get(topicId) ?? 0) + 1);
  const served = servedPairsByTopic(sessions);
  const now = (topicId: string, demandPairs: number) => Math.max(0, demandPairs - (served.get(topicId) ?? 0));
  const rows: UnservedTopicNow[] = atSolve.map((row) => ({ ...row, currentUnservedPairs: now(row.topicId, row.demandPairs) }));
  const listed = new Set(atSolve.map((row) => row.topicId));
  for (const [topicId, demandPairs] of demand) {
    if (listed.has(topicId) || now(topicId, demandPairs) === 0) continue;
    rows.push({ topicId, demandPairs, unservedPairs: 0, reasons: [], currentUnservedPairs: now(topicId, demandPairs) });
  }
  return rows;
}
