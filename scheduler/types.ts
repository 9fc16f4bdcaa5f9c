// Plain data in, plain data out: the instance and proposal formats of
// /work/shared/scheduler-contract.md (v1). Nothing here imports the app.

export type Strength = "preferred" | "ifNeedBe";

export interface TimeWindow {
  readonly weekday: number;
  readonly from: string;
  readonly to: string;
}

export interface DemandWindow extends TimeWindow {
  readonly strength: Strength;
}

export interface Room {
  readonly id: string;
  readonly capacity: number;
}

export interface Site {
  readonly id: string;
  readonly opens: string;
  readonly closes: string;
  readonly closedDates?: readonly string[];
  readonly rooms: readonly Room[];
}

export interface Trainer {
  readonly id: string;
  readonly topics: readonly string[];
  readonly sites: readonly string[];
  readonly availability: readonly TimeWindow[];
  readonly unavailableDates?: readonly string[];
  readonly maxHoursPerWeek: number;
}

export interface Topic {
  readonly id: string;
  readonly durationMinutes: number;
  readonly online: boolean;
  readonly minParticipants: number;
  readonly maxParticipants: number;
  readonly maxSessions?: number;
}

export interface Demand {
  readonly personId: string;
  readonly topicId: string;
  readonly sites: readonly string[];
  readonly windows: readonly DemandWindow[];
}

/** Extension (not in contract v1): a session that already exists (approved, maybe booked). Its
 * time is occupied for its trainer and room; it fixes the trainer's physical site for the day and
 * counts toward the trainer's weekly hours. Not part of the output, not in the objective. */
export interface ReservedSession {
  readonly trainerId: string;
  /** A site id, or "online". */
  readonly siteId: string;
  /** A room of `siteId`; null iff `siteId` is "online". */
  readonly roomId: string | null;
  /** "YYYY-MM-DDTHH:MM", wall clock at the centre. */
  readonly start: string;
  readonly end: string;
}

export interface Instance {
  readonly version: 1;
  readonly timezone: string;
  readonly horizon: { readonly start: string; readonly days: number };
  readonly slotMinutes: number;
  readonly sites: readonly Site[];
  readonly trainers: readonly Trainer[];
  readonly topics: readonly Topic[];
  readonly demand: readonly Demand[];
  /** Extension: sessions that already exist; the proposal plans around them. */
  readonly reserved?: readonly ReservedSession[];
}

export interface ProposedSession {
  topicId: string;
  trainerId: string;
  siteId: string;
  roomId: string | null;
  start: string;
  end: string;
  capacity: number;
  attendees: string[];
  /** Extra: attendees for whom the session is inside a preferred window. */
  preferredAttendees: number;
  /** Extra: attendees who only fit an ifNeedBe window. */
  ifNeedBeAttendees: number;
}

export type UnservedReason =
  | "noQualifiedTrainer"
  | "noCommonTime"
  | "belowMinimumGroup"
  | "maxSessionsReached"
  | "noQualifiedTrainerFree"
  | "noRoomFree"
  /** The time limit ran out before this pair was analysed. */
  | "notAnalysed";

export interface Explanation {
  topicId: string;
  demandPairs: number;
  unservedPairs: number;
  unservedWeight: number;
  /** How many unserved pairs fall under each reason (first matching reason in the order above). */
  reasons: Partial<Record<UnservedReason, number>>;
}

export type Status = "optimal" | "feasible" | "timedOut" | "infeasible";

export interface Metrics {
  servedWeight: number;
  servedPairs: number;
  demandPairs: number;
  sessions: number;
  upperBound: number | null;
  elapsedMs: number;
  /** Extra: 1 − servedWeight / upperBound, or null without a bound. */
  gap: number | null;
  /** Extra: when the first complete feasible proposal existed. */
  firstFeasibleMs: number | null;
  /** Extra: how the bound was obtained. */
  boundMethod: string | null;
  /** Extra: local-search iterations performed. */
  iterations: number;
  /** Extra: deterministic work units spent by the search. */
  work: number;
}

export interface Proposal {
  version: 1;
  status: Status;
  sessions: ProposedSession[];
  metrics: Metrics;
  explanations: Explanation[];
}

export interface Progress {
  phase: "model" | "construct" | "improve" | "bound" | "done";
  /** 0..1, for a progress bar. */
  fraction: number;
  servedWeight: number;
  upperBound: number | null;
  elapsedMs: number;
}

export interface SolveOptions {
  /** Wall-clock safety net; the search itself is budgeted in deterministic work units. */
  readonly timeLimitMs: number;
  readonly seed: number;
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
  /** Injected clock in milliseconds (e.g. performance.now); without it only the work budget applies. */
  readonly now?: () => number;
  /** Compute the LP upper bound (HiGHS). Default true. */
  readonly bound?: boolean;
  /** Multiplies the deterministic work budget; 0 = construction only. Default 1. */
  readonly effort?: number;
  /** Run the LP bound in a worker thread when the instance is large. Default true. */
  readonly boundInWorker?: boolean;
}
