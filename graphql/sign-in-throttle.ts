import { createHash } from "node:crypto";
import type { PrismaClient } from "../prisma/client";

/**
 * Lockout after repeated failed sign-ins, counted per normalised email in the database so it holds
 * across instances, and for addresses without an account exactly as for real ones (nothing tells
 * them apart). Times come from the database clock, one for every instance.
 */
export const LOCKOUT_POLICY = {
  /** Consecutive failures that lock the address. */
  maxFailures: 5,
  /** The first lock; each further lock (without a success in between) doubles it… */
  baseLockSeconds: 15 * 60,
  /** …up to this. */
  maxLockSeconds: 8 * 60 * 60,
  /** A record untouched this long starts over (failures and lock count). */
  forgetAfterSeconds: 24 * 60 * 60,
} as const;

export type SignInLock = { lockedUntil: Date; retryAfterSeconds: number };

export function throttleKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

export type CountedAttempt = {
  /** The address was locked before this attempt: refuse it without checking the password. */
  lockedBefore: SignInLock | null;
  /** The lock this attempt set, if it was the one that reached the limit (applies if it fails). */
  lockIfWrong: SignInLock | null;
};

/**
 * Counts one attempt BEFORE its password is checked, in a single upsert (row-locked, so parallel
 * attempts are serialised and never under-count): of a burst of parallel guesses only the first
 * `maxFailures` get their password checked, the rest are refused as locked. A success clears the
 * count (clearFailures). Attempts while locked change nothing: a burst locks once, it does not
 * escalate the lock.
 */
export async function countAttempt(prisma: PrismaClient, key: string): Promise<CountedAttempt> {
  const { maxFailures, baseLockSeconds, maxLockSeconds, forgetAfterSeconds } = LOCKOUT_POLICY;
  // Whether this attempt met a lock is read off "lockedRefusals" (counted only while locked), never
  // off the clock: attempts of one burst can share a database timestamp.
  const rows = await prisma.$queryRaw<Array<{ lockedUntil: Date | null; retryAfterSeconds: number | null; wasLocked: boolean }>>`
    INSERT INTO "SignInThrottle" AS t ("emailHash", "failures", "lockouts", "lockedUntil", "lockedRefusals", "updatedAt")
    VALUES (${key}, 1, 0, NULL, 0, now())
    ON CONFLICT ("emailHash") DO UPDATE SET
      "failures" = CASE
        WHEN t."lockedUntil" > now() THEN t."failures"
        WHEN t."updatedAt" < now() - make_interval(secs => ${forgetAfterSeconds}::float8) THEN 1
        WHEN t."failures" + 1 >= ${maxFailures}::int THEN 0
        ELSE t."failures" + 1 END,
      "lockouts" = CASE
        WHEN t."lockedUntil" > now() THEN t."lockouts"
        WHEN t."updatedAt" < now() - make_interval(secs => ${forgetAfterSeconds}::float8) THEN 0
        WHEN t."failures" + 1 >= ${maxFailures}::int THEN t."lockouts" + 1
        ELSE t."lockouts" END,
      "lockedUntil" = CASE
        WHEN t."lockedUntil" > now() THEN t."lockedUntil"
        WHEN t."updatedAt" < now() - make_interval(secs => ${forgetAfterSeconds}::float8) THEN NULL
        WHEN t."failures" + 1 >= ${maxFailures}::int THEN date_trunc('milliseconds', now()) + make_interval(secs =>
          LEAST(${baseLockSeconds}::float8 * power(2, t."lockouts"), ${maxLockSeconds}::float8))
        ELSE t."lockedUntil" END,
      "lockedRefusals" = CASE WHEN t."lockedUntil" > now() THEN t."lockedRefusals" + 1 ELSE 0 END,
      "updatedAt" = CASE WHEN t."lockedUntil" > now() THEN t."updatedAt" ELSE now() END
    RETURNING "lockedUntil",
      CEIL(EXTRACT(EPOCH FROM "lockedUntil" - now()))::int AS "retryAfterSeconds",
      ("lockedRefusals" > 0) AS "wasLocked"`;
  const row = rows[0];
  const lock = row?.lockedUntil && row.retryAfterSeconds !== null && row.retryAfterSeconds > 0
    ? { lockedUntil: row.lockedUntil, retryAfterSeconds: row.retryAfterSeconds }
    : null;
  return row?.wasLocked ? { lockedBefore: lock, lockIfWrong: lock } : { lockedBefore: null, lockIfWrong: lock };
}

/** A successful sign-in clears the address's failures and lock history. */
export async function clearFailures(prisma: PrismaClient, key: string) {
  await prisma.signInThrottle.deleteMany({ where: { emailHash: key } });
}

/** Drops records that no longer lock anything and would be forgotten anyway. */
export async function pruneThrottle(prisma: PrismaClient) {
  await prisma.$executeRaw`
    DELETE FROM "SignInThrottle"
    WHERE "updatedAt" < now() - make_interval(secs => ${LOCKOUT_POLICY.forgetAfterSeconds}::float8)
      AND ("lockedUntil" IS NULL OR "lockedUntil" < now())`;
}
