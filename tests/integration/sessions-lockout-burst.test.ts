import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { LOCKOUT_POLICY } from "../../graphql/sign-in-throttle";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { useTestDatabase } from "./helpers/database";
import { createUsers, TEST_PASSWORD } from "./helpers/users";

// Counts the password checks the server really makes (argon2 is where a guess is tried).
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../graphql/passwords", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../graphql/passwords")>();
  return {
    ...original,
    verifyPassword: (...args: Parameters<typeof original.verifyPassword>) => {
      checks.count++;
      return original.verifyPassword(...args);
    },
  };
});

const db = useTestDatabase();
let server: ApiServer;

beforeAll(async () => {
  server = await startApiServer(db);
});

afterAll(async () => {
  await server.close();
});

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename } }`;
const attempt = async (email: string, password: string) =>
  (await new ApiClient(server).request(SIGN_IN, { input: { email, password } })).data.signIn.__typename as string;

it("lets a burst of parallel guesses try at most the lockout's number of passwords, the rest are refused unchecked", async () => {
  const [user] = await createUsers(db.prisma, 1, { prefix: "burst" });
  checks.count = 0;
  const outcomes = await Promise.all(Array.from({ length: 20 }, () => attempt(user!.email, "wrong password")));
  expect(checks.count).toBe(LOCKOUT_POLICY.maxFailures);
  expect(outcomes.filter((kind) => kind === "SignInLockedError")).toHaveLength(20 - (LOCKOUT_POLICY.maxFailures - 1));
  // The right password does not get in while the lock holds, and is not even checked.
  checks.count = 0;
  expect(await attempt(user!.email, TEST_PASSWORD)).toBe("SignInLockedError");
  expect(checks.count).toBe(0);
});
