import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordProblems } from "../../graphql/password-rules";
import { DEMO_ACCOUNTS } from "../../prisma/seed/demo-accounts";
import { LOCKOUT_POLICY } from "../../graphql/sign-in-throttle";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { useTestDatabase } from "./helpers/database";
import { createUsers, TEST_PASSWORD } from "./helpers/users";

const db = useTestDatabase();
let server: ApiServer;
let users: Array<{ id: string; email: string; name: string }>;

const CHANGE = /* GraphQL */ `
  mutation Change($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on MutationChangePasswordSuccess { data }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
      ... on SignInLockedError { retryAfterSeconds }
    }
  }
`;
const STRONG = "лодка сирень 47 маяк";

beforeAll(async () => {
  server = await startApiServer(db);
  users = await createUsers(db.prisma, 4, { prefix: "pw" });
  await db.prisma.user.update({ where: { id: users[1]!.id }, data: { name: "Анна Смирнова", locale: "en", email: "anna.smirnova@test.spros" } });
  users[1] = { ...users[1]!, name: "Анна Смирнова", email: "anna.smirnova@test.spros" };
});

afterAll(async () => {
  await server?.close();
});

describe("password rules", () => {
  const owner = { email: "anna.smirnova@test.spros", name: "Анна Смирнова" };
  it.each([
    ["short", "tooShort"],
    ["1234567890", "tooWeak"], // long enough, but a sequence
    ["aaaaaaaaaaaa", "tooWeak"],
    ["Password2026!", "tooWeak"],
    ["password1234", "tooWeak"],
    ["qwertyuiop12", "tooWeak"],
    ["anna.smirnova-2026!", "personal"],
    ["СМИРНОВА гуляет в парке", "personal"],
    ["x".repeat(257), "tooLong"],
  ])("refuses %j (%s)", (password, problem) => {
    expect(passwordProblems(password, owner)).toEqual([problem]);
  });

  it.each([STRONG, "correct horse battery staple", "spros-demo-2026", "Tr0ub4dor&3x-kettle"])("accepts %j", (password) => {
    expect(passwordProblems(password, owner)).toEqual([]);
  });

  it("lets every demo account keep its printed password", () => {
    for (const account of DEMO_ACCOUNTS) expect(passwordProblems(account.password, account), account.email).toEqual([]);
  });

  it("counts characters, not bytes: ten Cyrillic letters and spaces are long enough", () => {
    expect(passwordProblems("ёж ёлка ёж", owner)).not.toContain("tooShort");
  });
});

describe("changePassword", () => {
  it("names the fields and explains in the viewer's language, and changes nothing", async () => {
    const client = await new ApiClient(server).signIn(users[0]!.email, TEST_PASSWORD);
    const result = await client.request(CHANGE, { input: { currentPassword: "not it", newPassword: "password1234" } });
    expect(result.data.changePassword.__typename).toBe("ValidationError");
    expect(result.data.changePassword.fieldErrors).toEqual([
      { path: ["input", "currentPassword"], message: "Текущий пароль указан неверно." },
      { path: ["input", "newPassword"], message: expect.stringContaining("легко подобрать") },
    ]);
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: users[0]!.id } });
    expect(await verify(stored.passwordHash, TEST_PASSWORD)).toBe(true);

    const english = await new ApiClient(server).signIn(users[1]!.email, TEST_PASSWORD);
    const personal = await english.request(CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: "smirnova river 2026" } });
    expect(personal.data.changePassword.fieldErrors).toEqual([
      { path: ["input", "newPassword"], message: "The password must not contain your name or email address." },
    ]);
    const short = await english.request(CHANGE, { input: { currentPassword: "", newPassword: "short" } });
    expect(short.data.changePassword.fieldErrors).toEqual([
      { path: ["input", "currentPassword"], message: "Enter your current password." },
      { path: ["input", "newPassword"], message: "The password must be at least 10 characters long." },
    ]);
  });

  it("sets the new password, keeps this device signed in under a new session and ends every other one at once", async () => {
    const user = users[2]!;
    const here = await new ApiClient(server).signIn(user.email, TEST_PASSWORD);
    const elsewhere = await new ApiClient(server).signIn(user.email, TEST_PASSWORD);
    const other = await new ApiClient(server).signIn(users[3]!.email, TEST_PASSWORD);
    expect((await elsewhere.request("{ me { email } }")).data.me.email).toBe(user.email); // cached now
    const stolen = new ApiClient(server);
    stolen.cookie = here.cookie;

    const result = await here.request(CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: STRONG } });
    expect(result.data.changePassword).toEqual({ __typename: "MutationChangePasswordSuccess", data: 1 });
    expect(here.cookie).not.toBe(stolen.cookie);
    expect((await here.request("{ me { email } }")).data.me.email).toBe(user.email);
    expect((await stolen.request("{ me { id } }")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await elsewhere.request("{ me { id } }")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const devices = await db.prisma.userSession.findMany({ where: { userId: user.id, revokedAt: null } });
    expect(devices).toHaveLength(1);
    expect((await other.request("{ me { email } }")).data.me.email).toBe(users[3]!.email);

    await expect(new ApiClient(server).signIn(user.email, TEST_PASSWORD)).rejects.toThrow(/InvalidCredentialsError/);
    await new ApiClient(server).signIn(user.email, STRONG);
  });

  it("counts wrong current passwords towards the email's lockout", async () => {
    const user = users[3]!;
    const client = await new ApiClient(server).signIn(user.email, TEST_PASSWORD);
    const outcomes = [];
    for (let i = 0; i < LOCKOUT_POLICY.maxFailures; i++) {
      outcomes.push((await client.request(CHANGE, { input: { currentPassword: `guess ${i}`, newPassword: STRONG } })).data.changePassword.__typename);
    }
    expect(outcomes).toEqual([...Array(LOCKOUT_POLICY.maxFailures - 1).fill("ValidationError"), "SignInLockedError"]);
    const right = await client.request(CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: STRONG } });
    expect(right.data.changePassword.__typename).toBe("SignInLockedError");
    await expect(new ApiClient(server).signIn(user.email, TEST_PASSWORD)).rejects.toThrow(/SignInLockedError/);
  });
});
