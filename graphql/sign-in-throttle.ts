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

/** The lock on an address, if it is locked now. */
export async function currentLock(prisma: PrismaClient, key: string): Promise<SignInLock | null> {
  const rows = await prisma.$queryRaw<SignInLock[]>`
    SELECT "lockedUntil", CEIL(EXTRACT(EPOCH FROM "lockedUntil" - now()))::int AS "retryAfterSeconds"
    FROM "SignInThrottle" WHERE "emailHash" = ${key} AND "lockedUntil" > now()`;
  return rows[0] ?? null;
}

/**
 * Counts one failure in a single upsert (row-locked, so parallel failures never under-count) and
 * returns the lock if the address is locked now. Failures while locked change nothing: a burst of
 * parallel guesses locks once, it does not escalate the lock.
 */
export async function recordFailure(prisma: PrismaClient, key: string): Promise<SignInLock | null> {
  const { maxFailures, baseLockSeconds, maxLockSeconds, forgetAfterSeconds } = LOCKOUT_POLICY;
  const rows = await prisma.$queryRaw<Array<{ lockedUntil: Date | null; retryAfterSeconds: number | null }>>`
    INSERT INTO "SignInThrottle" AS t ("emailHash", "failures", "lockouts", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, 0, NULL, now())
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
      "updatedAt" = CASE WHEN t."lockedUntil" > now() THEN t."updatedAt" ELSE now() END
    RETURNING "lockedUntil",
      CEIL(EXTRACT(EPOCH FROM "lockedUntil" - now()))::int AS "retryAfterSeconds"`;
  const row = rows[0];
  return row?.lockedUntil && row.retryAfterSeconds !== null && row.retryAfterSeconds > 0
    ? { lockedUntil: row.lockedUntil, retryAfterSeconds: row.retryAfterSeconds }
    : null;
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
