import { encodeGlobalID } from "@pothos/plugin-relay";
import type { ReviewConflict } from "../domain/planning/review-edit";
import { VIOLATION_CODES, type Violation } from "../domain/planning/review";
import { builder } from "./builder";
import { ErrorInterface } from "./errors";

/** The proposal changed under the request (stale version, already approved or removed, …). */
export class ProposalConflictError extends Error {
  constructor(
    readonly code: ReviewConflict,
    readonly sessionId: string | null = null,
  ) {
    super(CONFLICT_MESSAGES[code]);
    this.name = "ProposalConflictError";
  }
}

/** A session would break a hard constraint; nothing was changed. */
export class ProposalViolationError extends Error {
  constructor(
    readonly sessionId: string,
    readonly violations: Violation[],
  ) {
    super(`The session would break ${violations.length} constraint(s): ${violations.map((v) => v.code).join(", ")}`);
    this.name = "ProposalViolationError";
  }
}

const CONFLICT_MESSAGES: Record<ReviewConflict, string> = {
  STALE_VERSION: "The session was changed by someone else meanwhile; reload it and try again",
  NOT_PROPOSED: "The session is no longer proposed (it was approved or removed)",
  RUN_NOT_READY: "The planning run has not finished successfully",
  NOTHING_TO_APPROVE: "The run has no proposed sessions left to approve",
  TOPIC_CLOSED: "The session's topic was rejected, merged or is done",
};

const ProposalConflictCodeEnum = builder.enumType("ProposalConflictCode", {
  values: {
    STALE_VERSION: { description: "The version given is not the session's current one: someone else changed it." },
    NOT_PROPOSED: { description: "The session is already approved or removed." },
    RUN_NOT_READY: { description: "The planning run has not succeeded (queued, running, failed or cancelled)." },
    NOTHING_TO_APPROVE: { description: "No PROPOSED session is left in the run." },
    TOPIC_CLOSED: { description: "The topic was rejected, merged or is done since the run." },
  } as const,
});

const ConstraintCodeEnum = builder.enumType("ConstraintViolationCode", {
  description: "Which hard constraint of the scheduler contract a session would break.",
  values: Object.fromEntries(VIOLATION_CODES.map((code) => [code, {}])) as Record<(typeof VIOLATION_CODES)[number], object>,
});

type Param = { name: string; value: string };

const ViolationParamRef = builder.objectRef<Param>("ConstraintViolationParam").implement({
  description:
    "One fact of a violation: dates YYYY-MM-DD, times HH:MM, numbers (as text), ids; `otherId` (a clash) is the clashing " +
    "ProposedSession's or TrainingSession's global id (see `otherKind`).",
  fields: (t) => ({ name: t.exposeString("name"), value: t.exposeString("value") }),
});

const ViolationRef = builder.objectRef<Violation>("ConstraintViolation").implement({
  description: "A broken hard constraint, as a code and facts; clients phrase it in the reader's language.",
  fields: (t) => ({
    code: t.field({ type: ConstraintCodeEnum, resolve: (violation) => violation.code }),
    params: t.field({
      type: [ViolationParamRef],
      resolve: (violation) =>
        Object.entries(violation.params).map(([name, value]) => ({
          name,
          // The clashing session as the API names it elsewhere, so a client can show which one it is.
          value: name === "otherId" ? encodeGlobalID(violation.params.otherKind === "proposal" ? "ProposedSession" : "TrainingSession", String(value)) : String(value),
        })),
    }),
  }),
});

builder.objectType(ProposalConflictError, {
  name: "ProposalConflictError",
  description: "The proposal changed under the request; reload and retry.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ProposalConflictError,
  fields: (t) => ({
    code: t.field({ type: ProposalConflictCodeEnum, resolve: (error) => error.code }),
    sessionId: t.id({
      nullable: true,
      description: "The ProposedSession that could not be claimed, when one is to blame.",
      resolve: (error) => (error.sessionId ? encodeGlobalID("ProposedSession", error.sessionId) : null),
    }),
  }),
});

builder.objectType(ProposalViolationError, {
  name: "ProposalViolationError",
  description: "The session would break hard constraints; nothing was changed.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ProposalViolationError,
  fields: (t) => ({
    sessionId: t.id({
      nullable: true, // same shape as ProposalConflictError.sessionId, so both can be selected together
      description: "The ProposedSession that would break them (always set).",
      resolve: (error) => encodeGlobalID("ProposedSession", error.sessionId),
    }),
    violations: t.field({ type: [ViolationRef], resolve: (error) => error.violations }),
  }),
});
