import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCKOUT_POLICY, throttleKey } from "../../graphql/sign-in-throttle";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { useTestDatabase } from "./helpers/database";
import { createUsers, TEST_PASSWORD } from "./helpers/users";

const db = useTestDatabase();
let server: ApiServer;
let emails: string[];

const SIGN_IN_OUTCOME = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on Error { message }
      ... on SignInLockedError { retryAfterSeconds lockedUntil }
    }
  }
`;

async function attempt(email: string, password: string) {
  const client = new ApiClient(server);
  const result = await client.request(SIGN_IN_OUTCOME, { input: { email, password } });
  return { outcome: result.data.signIn, cookie: client.cookie };
}

/** Lets a lock end as if its time had passed (the lock is counted on the database clock). */
async function expireLock(email: string) {
  await db.prisma.signInThrottle.update({
    where: { emailHash: throttleKey(email) },
    data: { lockedUntil: new Date(Date.now() - 1000) },
  });
}

beforeAll(async () => {
  server = await startApiServer(db);
  emails = (await createUsers(db.prisma, 4, { prefix: "lockout" })).map((user) => user.email);
});

afterAll(async () => {
  await server?.close();
});

describe("sign-in lockout", () => {
  it("locks an email after 5 consecutive failures, refuses even the right password until it ends, then lets in", async () => {
    const email = emails[0]!;
    for (let failure = 1; failure < LOCKOUT_POLICY.maxFailures; failure++) {
      expect((await attempt(email, "wrong password")).outcome.__typename).toBe("InvalidCredentialsError");
    }
    const fifth = await attempt(email, "wrong password");
    expect(fifth.outcome.__typename).toBe("SignInLockedError");
    expect(fifth.outcome.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(fifth.outcome.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(new Date(fifth.outcome.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

    const right = await attempt(email, TEST_PASSWORD);
    expect(right.outcome.__typename).toBe("SignInLockedError");
    expect(right.cookie).toBeUndefined();

    await expireLock(email);
    const after = await attempt(email, TEST_PASSWORD);
    expect(after.outcome.__typename).toBe("MutationSignInSuccess");
    expect(after.cookie).toBeTruthy();
    // A success clears the record: the next lock is the first one again.
    expect(await db.prisma.signInThrottle.count({ where: { emailHash: throttleKey(email) } })).toBe(0);
  });

  it("doubles the lock for repeated lockouts without a success in between", async () => {
    const email = emails[1]!;
    for (let i = 0; i < LOCKOUT_POLICY.maxFailures; i++) await attempt(email, "wrong password");
    await expireLock(email);
    for (let i = 1; i < LOCKOUT_POLICY.maxFailures; i++) {
      expect((await attempt(email, "wrong password")).outcome.__typename).toBe("InvalidCredentialsError");
    }
    const second = await attempt(email, "wrong password");
    expect(second.outcome.__typename).toBe("SignInLockedError");
    expect(second.outcome.retryAfterSeconds).toBeGreaterThan(29 * 60);
    expect(second.outcome.retryAfterSeconds).toBeLessThanOrEqual(30 * 60);
  });

  it("caps the lock", async () => {
    const email = emails[2]!;
    await db.prisma.signInThrottle.create({
      data: { emailHash: throttleKey(email), failures: LOCKOUT_POLICY.maxFailures - 1, lockouts: 20, updatedAt: new Date() },
    });
    const locked = await attempt(email, "wrong password");
    expect(locked.outcome.retryAfterSeconds).toBeLessThanOrEqual(LOCKOUT_POLICY.maxLockSeconds);
    expect(locked.outcome.retryAfterSeconds).toBeGreaterThan(LOCKOUT_POLICY.maxLockSeconds - 60);
  });

  it("resets the count on success: failures must be consecutive", async () => {
    const email = emails[3]!;
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i < LOCKOUT_POLICY.maxFailures; i++) await attempt(email, "wrong password");
      expect((await attempt(email, TEST_PASSWORD)).outcome.__typename).toBe("MutationSignInSuccess");
    }
  });

  it("counts 20 parallel failures without losing any: the email ends up locked, once", async () => {
    const email = "parallel-nobody@test.spros";
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => attempt(email, "wrong password")));
    const kinds = outcomes.map(({ outcome }) => outcome.__typename);
    expect(kinds.filter((kind) => kind === "InvalidCredentialsError").length).toBe(LOCKOUT_POLICY.maxFailures - 1);
    expect(kinds).toContain("SignInLockedError");
    const record = await db.prisma.signInThrottle.findUniqueOrThrow({ where: { emailHash: throttleKey(email) } });
    expect(record.lockouts).toBe(1);
    expect(record.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await attempt(email, "wrong password")).outcome.__typename).toBe("SignInLockedError");
  });

  it("treats an unknown email exactly like a real one (same responses, same lock), and stores neither in clear", async () => {
    const real = (await createUsers(db.prisma, 1, { prefix: "enumeration" }))[0]!.email;
    const unknown = "enumeration-nobody@test.spros";
    const shape = (outcome: Record<string, unknown>) =>
      JSON.stringify({ ...outcome, retryAfterSeconds: outcome.retryAfterSeconds ? "n" : undefined, lockedUntil: outcome.lockedUntil ? "t" : undefined });
    for (let i = 0; i < LOCKOUT_POLICY.maxFailures + 1; i++) {
      const [forReal, forUnknown] = [await attempt(real, "wrong password"), await attempt(unknown, "wrong password")];
      expect(shape(forUnknown.outcome)).toBe(shape(forReal.outcome));
    }
    const rows = await db.prisma.signInThrottle.findMany();
    expect(JSON.stringify(rows)).not.toMatch(/enumeration/);
  });

  it("locks a mixed-case or padded spelling of the same email together", async () => {
    const email = "Case-Nobody@Test.Spros";
    for (let i = 0; i < LOCKOUT_POLICY.maxFailures - 1; i++) await attempt(email, "wrong password");
    expect((await attempt("  case-nobody@test.spros ", "wrong password")).outcome.__typename).toBe("SignInLockedError");
  });
});
