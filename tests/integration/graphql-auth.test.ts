import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, SIGN_IN, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createUsers, TEST_PASSWORD } from "./helpers/users";

let db: TestDatabase;
let server: ApiServer;
let email: string;
/** The server's clock for its viewer cache, so a test can let cached sessions expire. */
let clockOffsetMs = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db, { viewerCache: { now: () => Date.now() + clockOffsetMs } });
  [{ email }] = await createUsers(db.prisma, 1, { prefix: "auth" });
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe("authentication", () => {
  it("refuses every operation but sign-in without a session", async () => {
    const anonymous = new ApiClient(server);
    for (const query of [
      "{ me { id } }",
      "{ topics { totalCount } }",
      'mutation { vote(topicId: "VG9waWM6eA==") { __typename } }',
      'mutation { suggestTopic(input: { title: "x", description: "y", block: SERVICE_CULTURE, format: TRAINING }) { __typename } }',
    ]) {
      const result = await anonymous.request(query);
      expect(result.errors?.[0]?.extensions?.code, query).toBe("UNAUTHENTICATED");
      expect(result.data ?? null, query).toBeNull();
    }
    expect(await db.prisma.topic.count()).toBe(0);
  });

  it("rejects a wrong password with a typed error and sets no cookie", async () => {
    const client = new ApiClient(server);
    const result = await client.request(SIGN_IN, { input: { email, password: "wrong password" } });
    expect(result.data.signIn.__typename).toBe("InvalidCredentialsError");
    expect(client.cookie).toBeUndefined();
    const unknown = await client.request(SIGN_IN, { input: { email: "nobody@test.spros", password: TEST_PASSWORD } });
    expect(unknown.data.signIn.__typename).toBe("InvalidCredentialsError");
  });

  it("names the invalid field", async () => {
    const result = await new ApiClient(server).request(SIGN_IN, { input: { email: "not-an-email", password: "x" } });
    expect(result.data.signIn.__typename).toBe("ValidationError");
    expect(result.data.signIn.fieldErrors[0].path).toEqual(["input", "email"]);
  });

  it("signs in, keeps the session token in a signed cookie, and signs out", async () => {
    const client = await new ApiClient(server).signIn(email.toUpperCase(), TEST_PASSWORD);
    expect(client.cookie).toMatch(/^spros_session=/);
    const me = await client.request("{ me { email role locale } }");
    expect(me.data.me).toEqual({ email, role: "STAFF", locale: "ru" });

    const forged = new ApiClient(server);
    forged.cookie = client.cookie!.replace(/.$/, (c) => (c === "a" ? "b" : "a"));
    expect((await forged.request("{ me { id } }")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    await client.request("mutation { signOut }");
    expect((await client.request("{ me { id } }")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("drops a session revoked behind this server's back at the latest when the viewer cache expires", async () => {
    const client = await new ApiClient(server).signIn(email, TEST_PASSWORD);
    expect((await client.request("{ me { id } }")).data?.me?.id).toBeTruthy();
    // Revoked without telling this server (no forget): the cached session lives out its TTL.
    await db.prisma.userSession.updateMany({ where: { user: { email } }, data: { revokedAt: new Date() } });
    expect((await client.request("{ me { id } }")).data?.me?.id).toBeTruthy();
    clockOffsetMs += 31_000;
    expect((await client.request("{ me { id } }")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a WebSocket connection without a session", async () => {
    const client = new ApiClient(server).subscriptions();
    const outcome = await new Promise<string>((resolve) => {
      client.on("closed", () => resolve("closed"));
      client.on("connected", () => resolve("connected"));
    });
    expect(outcome).toBe("closed");
    await client.dispose();
  });
});
