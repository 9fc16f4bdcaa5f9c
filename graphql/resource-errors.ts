import type { z } from "zod";
import type { Outcome, ResourceConflictCode } from "../domain/resources";
import { builder } from "./builder";
import { ErrorInterface, FieldError, NotFoundError, ValidationError } from "./errors";
import { decodeNodeId } from "./node-id";
import { validationErrorFromIssues } from "./validation-error";

/** A resource change the current sessions do not allow (e.g. deleting a room with upcoming sessions). */
export class ResourceConflictError extends Error {
  constructor(
    readonly code: ResourceConflictCode,
    message: string,
  ) {
    super(message);
    this.name = "ResourceConflictError";
  }
}

const ResourceConflictCodeEnum = builder.enumType("ResourceConflictCode", {
  values: {
    ROOM_HAS_UPCOMING_SESSIONS: { description: "Scheduled sessions still take place in the room; move or cancel them first." },
    ROOM_HAS_PAST_SESSIONS: { description: "Past or cancelled sessions keep the room for their history; rename it instead." },
    SESSIONS_ON_CLOSED_DATE: { description: "Scheduled sessions take place there on that date; move or cancel them first." },
  } as const satisfies Record<ResourceConflictCode, unknown>,
});

builder.objectType(ResourceConflictError, {
  name: "ResourceConflictError",
  description: "The change contradicts sessions already scheduled.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ResourceConflictError,
  fields: (t) => ({ code: t.field({ type: ResourceConflictCodeEnum, resolve: (error) => error.code }) }),
});

/** zod-checks a mutation's input in the resolver (after authorisation); issues name the field under `prefix`. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, prefix: string[]): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, prefix);
  return parsed.data;
}

/** A domain outcome as the mutation's result: the value, or the matching typed error. */
export function unwrap<T>(outcome: Outcome<T>, what: string, prefix: string[] | ((path: string[]) => string[])): T {
  const at = typeof prefix === "function" ? prefix : (path: string[]) => [...prefix, ...path];
  switch (outcome.kind) {
    case "ok":
      return outcome.value;
    case "missing":
      throw new NotFoundError(what);
    case "invalid":
      throw new ValidationError(outcome.problems.map((problem) => new FieldError(at(problem.path), problem.message)));
    case "conflict":
      throw new ResourceConflictError(outcome.code, outcome.message);
  }
}

/**
 * Database id of a global id of `typename`; anything else becomes "", an id no row has, so the
 * domain reports it as unknown at its own index.
 */
export const idOf = (typename: string, globalId: string | number | null | undefined): string =>
  globalId == null ? "" : (decodeNodeId(typename, String(globalId)) ?? "");
