import type { ModerationActionKind, TopicStatus } from "../prisma/generated/enums";

/**
 * The topic life cycle: NEW → OPEN → PLANNED → SCHEDULED → DONE, with one step back where a plan
 * falls through (PLANNED → OPEN, SCHEDULED → PLANNED), REJECTED reachable from every active status
 * (with a reason, through rejectTopic), REJECTED → OPEN as a reopen (reopenTopic, or setTopicStatus
 * which records it as a reopen too), and MERGED only through a merge. DONE and MERGED are final.
 */
export const TOPIC_STATUS_TRANSITIONS: Readonly<Record<TopicStatus, readonly TopicStatus[]>> = {
  NEW: ["OPEN", "REJECTED"],
  OPEN: ["PLANNED", "REJECTED"],
  PLANNED: ["SCHEDULED", "OPEN", "REJECTED"],
  SCHEDULED: ["DONE", "PLANNED", "REJECTED"],
  DONE: [],
  REJECTED: ["OPEN"],
  MERGED: [],
};

/**
 * How the caller asks for the change: a plain status change, a rejection, a reopen, a merge, or the
 * approval of a session for the topic (which takes any active, not yet scheduled topic straight to
 * SCHEDULED: the session, not the life cycle's intermediate steps, is the news).
 */
export type TransitionVia = "setStatus" | "reject" | "reopen" | "merge" | "approval";

export type TransitionPlan =
  | { ok: true; kind: ModerationActionKind; unchanged: false }
  | { ok: true; unchanged: true }
  | { ok: false; reason: TransitionRefusal; allowed: TopicStatus[] };

export type TransitionRefusal = "NOT_ALLOWED" | "NEEDS_REASON" | "ONLY_VIA_MERGE" | "SESSIONS_AHEAD";

/** Statuses a manager may move a topic to from `from` with `via` (setStatus never reaches REJECTED/MERGED). */
export function allowedTargets(from: TopicStatus, via: TransitionVia): TopicStatus[] {
  const next = TOPIC_STATUS_TRANSITIONS[from];
  switch (via) {
    case "setStatus":
      return next.filter((to) => to !== "REJECTED" && to !== "MERGED");
    case "reject":
      return next.includes("REJECTED") ? ["REJECTED"] : [];
    case "reopen":
      return from === "REJECTED" ? ["OPEN"] : [];
    case "merge":
      return from === "MERGED" ? [] : ["MERGED"];
    case "approval":
      return from === "NEW" || from === "OPEN" || from === "PLANNED" ? ["SCHEDULED"] : [];
  }
}

/** Decides a requested change; a request for the current status is a no-op (safe to retry). */
export function planTransition(from: TopicStatus, to: TopicStatus, via: TransitionVia): TransitionPlan {
  if (from === to && from !== "MERGED") return { ok: true, unchanged: true };
  const allowed = allowedTargets(from, via);
  if (allowed.includes(to)) {
    const kind: ModerationActionKind =
      via === "reject" ? "REJECT" : via === "merge" ? "MERGE" : from === "REJECTED" ? "REOPEN" : "STATUS_CHANGE";
    return { ok: true, kind, unchanged: false };
  }
  const reason =
    via === "setStatus" && to === "REJECTED" && TOPIC_STATUS_TRANSITIONS[from].includes("REJECTED")
      ? "NEEDS_REASON"
      : via !== "merge" && to === "MERGED"
        ? "ONLY_VIA_MERGE"
        : "NOT_ALLOWED";
  return { ok: false, reason, allowed };
}
