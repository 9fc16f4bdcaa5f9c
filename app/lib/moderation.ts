import type { TopicStatus } from "~/lib/documents";

/**
 * The life cycle as the API enforces it (domain/topic-status.ts): the statuses setTopicStatus can
 * reach from each status. Rejecting and merging have their own mutations; the server stays the
 * authority and answers ForbiddenTransitionError if this copy is ever out of date.
 */
export const NEXT_STATUSES: Readonly<Record<TopicStatus, readonly TopicStatus[]>> = {
  NEW: ["OPEN"],
  OPEN: ["PLANNED"],
  PLANNED: ["SCHEDULED", "OPEN"],
  SCHEDULED: ["DONE", "PLANNED"],
  DONE: [],
  REJECTED: [],
  MERGED: [],
};

export const REJECTABLE: ReadonlySet<TopicStatus> = new Set(["NEW", "OPEN", "PLANNED", "SCHEDULED"]);

/** Outcomes the moderation routes report back to the topic page through `?moderated=`. */
export const MODERATION_OUTCOMES = ["status", "rejected", "reopened", "edited", "merged"] as const;
export type ModerationOutcome = (typeof MODERATION_OUTCOMES)[number];
