import type { TopicStatus } from "../prisma/generated/enums";
import type { TransitionRefusal } from "../domain/topic-status";
import { builder } from "./builder";
import { ErrorInterface } from "./errors";
import { TopicStatusEnum } from "./topic-enums";

/** A status change the topic life cycle does not allow from the topic's current status. */
export class ForbiddenTransitionError extends Error {
  constructor(
    readonly fromStatus: TopicStatus,
    readonly toStatus: TopicStatus,
    readonly reason: TransitionRefusal,
    readonly allowed: TopicStatus[],
  ) {
    super(`A topic cannot go from ${fromStatus} to ${toStatus} this way (${reason})`);
    this.name = "ForbiddenTransitionError";
  }
}

export type ConflictCode = "SAME_TOPIC" | "SOURCE_MERGED" | "TARGET_MERGED" | "TOPIC_MERGED";

/** The request contradicts the current state of the data (e.g. merging into a merged topic). */
export class ConflictError extends Error {
  constructor(
    readonly code: ConflictCode,
    message: string,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** The viewer is signed in but may not do this to this object (e.g. delete someone else's comment). */
export class ForbiddenError extends Error {
  constructor(message = "Not allowed") {
    super(message);
    this.name = "ForbiddenError";
  }
}

const TransitionRefusalEnum = builder.enumType("TransitionRefusal", {
  values: {
    NOT_ALLOWED: { description: "The life cycle has no such step from the current status." },
    NEEDS_REASON: { description: "Rejecting needs a reason: use rejectTopic." },
    ONLY_VIA_MERGE: { description: "MERGED is reached only through mergeTopics." },
    SESSIONS_AHEAD: { description: "DONE is final: not while a scheduled session of the topic is still to come." },
  } as const,
});

builder.objectType(ForbiddenTransitionError, {
  name: "ForbiddenTransitionError",
  description: "The requested status change is not allowed from the topic's current status.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenTransitionError,
  fields: (t) => ({
    fromStatus: t.field({ type: TopicStatusEnum, resolve: (error) => error.fromStatus }),
    toStatus: t.field({ type: TopicStatusEnum, resolve: (error) => error.toStatus }),
    reason: t.field({ type: TransitionRefusalEnum, resolve: (error) => error.reason }),
    allowed: t.field({
      type: [TopicStatusEnum],
      description: "Statuses this operation can move the topic to now.",
      resolve: (error) => error.allowed,
    }),
  }),
});

const ConflictCodeEnum = builder.enumType("ConflictCode", {
  values: {
    SAME_TOPIC: { description: "A topic cannot be merged into itself." },
    SOURCE_MERGED: { description: "The topic to merge away has already been merged." },
    TARGET_MERGED: { description: "The topic to keep has been merged itself; merge into its target instead." },
    TOPIC_MERGED: { description: "The topic has been merged; act on the topic it was merged into." },
  } as const,
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  description: "The request contradicts the current state of the data.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({ code: t.field({ type: ConflictCodeEnum, resolve: (error) => error.code }) }),
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  description: "The viewer may not do this to this object.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
});
