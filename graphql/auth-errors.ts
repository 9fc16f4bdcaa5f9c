import { builder } from "./builder";
import { ErrorInterface } from "./errors";
import type { SignInLock } from "./sign-in-throttle";

/**
 * Too many failed attempts for this email (whether or not it has an account): sign-in and password
 * changes are refused without checking the password until lockedUntil.
 */
export class SignInLockedError extends Error {
  readonly lockedUntil: Date;
  readonly retryAfterSeconds: number;

  constructor(lock: SignInLock) {
    super("Too many failed attempts; try again later");
    this.name = "SignInLockedError";
    this.lockedUntil = lock.lockedUntil;
    this.retryAfterSeconds = lock.retryAfterSeconds;
  }
}

builder.objectType(SignInLockedError, {
  name: "SignInLockedError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof SignInLockedError,
  fields: (t) => ({
    lockedUntil: t.field({ type: "DateTime", resolve: (error) => error.lockedUntil }),
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", { description: "Seconds until the lock ends (rounded up)." }),
  }),
});
