import { expect, it } from "vitest";
import type { PrismaClient } from "../../prisma/client";
import { countAttempt, LOCKOUT_POLICY, throttleKey } from "../../graphql/sign-in-throttle";
import { useTestDatabase } from "./helpers/database";

const db = useTestDatabase();

// Parallel attempts can share a database timestamp (same millisecond, or one transaction): whether an
// attempt met a lock must not be read off the clock. Inside one transaction now() never moves, so
// this replays the worst case of a burst deterministically.
it("tells an attempt that met a lock from the one that set it, even at the same database time", async () => {
  const key = throttleKey(`same-instant-${Date.now()}@spros.test`);
  const outcomes = await db.prisma.$transaction(async (tx) => {
    const seen = [];
    for (let n = 0; n < LOCKOUT_POLICY.maxFailures + 2; n++) seen.push(await countAttempt(tx as unknown as PrismaClient, key));
    return seen;
  });
  const checked = outcomes.filter((attempt) => !attempt.lockedBefore);
  expect(checked).toHaveLength(LOCKOUT_POLICY.maxFailures);
  expect(checked.at(-1)!.lockIfWrong).not.toBeNull();
  expect(checked.slice(0, -1).every((attempt) => attempt.lockIfWrong === null)).toBe(true);
  for (const refused of outcomes.slice(LOCKOUT_POLICY.maxFailures)) {
    expect(refused.lockedBefore?.lockedUntil).toEqual(checked.at(-1)!.lockIfWrong!.lockedUntil);
  }
});
