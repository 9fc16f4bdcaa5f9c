import { builder } from "./builder";
import { FieldError, ValidationError } from "./validation-error";

/** Expected failures travel as typed members of a result union, never as thrown strings. */
export { FieldError, ValidationError };

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

export class VotingClosedError extends Error {
  constructor() {
    super("This topic no longer collects votes (rejected or done)");
    this.name = "VotingClosedError";
  }
}

export class InvalidCredentialsError extends Error {
  constructor() {
    super("Email or password is incorrect");
    this.name = "InvalidCredentialsError";
  }
}

export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  fields: (t) => ({ message: t.exposeString("message") }),
});

builder.objectType(FieldError, {
  name: "FieldError",
  description: "A problem with one input field; path names the field (e.g. [\"input\", \"title\"]).",
  fields: (t) => ({
    path: t.exposeStringList("path"),
    message: t.exposeString("message"),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldError], resolve: (error) => error.fieldErrors }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
});

builder.objectType(VotingClosedError, {
  name: "VotingClosedError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof VotingClosedError,
});

builder.objectType(InvalidCredentialsError, {
  name: "InvalidCredentialsError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InvalidCredentialsError,
});
