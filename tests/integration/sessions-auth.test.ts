import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerServices } from "../../graphql/services";
import { createSprosYoga } from "../../graphql/yoga";
import { ApiClient, SIGN_IN, startApiServer, type ApiServer } from "./helpers/api-server";
import { useTestDatabase } from "./helpers/database";
import { createUsers, TEST_PASSWORD } from "./helpers/users";

const db = useTestDatabase();
let server: ApiServer;
let anna: { id: string; email: string };
let boris: { id: string; email: string };

const ME = "{ me { id } }";
const SESSIONS = "{ mySessions { id current userAgent ip createdAt lastSeenAt expiresAt } }";
const REVOKE = `mutation Revoke($id: ID!) { revokeSession(id: $id) { __typename ... on Error { message } } }`;

async function signedIn(email: string) {
  return new ApiClient(server).signIn(email, TEST_PASSWORD);
}

async function isSignedIn(client: ApiClient) {
  const result = await client.request(ME);
  if (result.errors?.length) {
    expect(result.errors[0]!.extensions?.code).toBe("UNAUTHENTICATED");
    return false;
  }
  return Boolean(result.data?.me?.id);
}

beforeAll(async () => {
  // Default viewer cache (30 s): revocations must reach it through forget(), not by expiry.
  server = await startApiServer(db);
  [anna, boris] = await createUsers(db.prisma, 2, { prefix: "sessions" });
});

afterAll(async () => {
  await server?.close();
});

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/, not Secure without COOKIE_SECURE, and carries no user id", async () => {
    const response = await fetch(server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: anna.email, password: TEST_PASSWORD } } }),
    });
    const [setCookie, ...more] = response.headers.getSetCookie();
    expect(more).toEqual([]);
    const attributes = setCookie!.split(/;\s*/).slice(1).map((part) => part.toLowerCase());
    expect(setCookie).toMatch(/^spros_session=[^;]+/);
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(attributes.some((part) => part.startsWith("max-age="))).toBe(true);
    expect(attributes).not.toContain("secure");
    const value = decodeURIComponent(setCookie!.split(";")[0]!.split("=").slice(1).join("="));
    const payload = Buffer.from(value.split(".")[0]!, "base64").toString("utf8");
    expect(payload).not.toContain(anna.id);
    expect(Object.keys(JSON.parse(payload))).toEqual(["token"]);
  });

  it("stores only a hash of the token, with the device and address it came from", async () => {
    const client = await signedIn(boris.email);
    const token = JSON.parse(
      Buffer.from(decodeURIComponent(client.cookie!.split("=").slice(1).join("=")).split(".")[0]!, "base64").toString("utf8"),
    ).token as string;
    const rows = await db.prisma.userSession.findMany({ where: { userId: boris.id } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.tokenHash.includes(token) || row.id === token)).toBe(false);
    expect(rows.map((row) => row.tokenHash)).toContain(createHash("sha256").update(token).digest("hex"));
    const { data } = await client.request(SESSIONS);
    const current = data.mySessions.find((session: { current: boolean }) => session.current);
    expect(current).toMatchObject({ ip: "127.0.0.1" });
    expect(current.userAgent).toBeTruthy();
    expect(new Date(current.expiresAt).getTime() - new Date(current.createdAt).getTime()).toBe(30 * 24 * 3600_000);
  });
});

describe("device and address of a session", () => {
  it("come from the server context when pages sign in through the in-process client", async () => {
    const yoga = createSprosYoga(createServerServices(db));
    // The server context (third argument) is what graphql/in-process.ts passes for a page.
    const fetchWithServerContext = yoga.fetch as (url: string, init: RequestInit, serverContext: object) => Promise<Response>;
    const response = await fetchWithServerContext(
      "http://spros.internal/graphql",
      {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "spros-internal" },
        body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: anna.email, password: TEST_PASSWORD } } }),
      },
      { client: { userAgent: "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0", ip: "203.0.113.7" } },
    );
    expect(response.headers.getSetCookie()).toHaveLength(1);
    const newest = await db.prisma.userSession.findFirstOrThrow({ where: { userId: anna.id }, orderBy: { createdAt: "desc" } });
    expect(newest).toMatchObject({ userAgent: "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0", ip: "203.0.113.7" });
  });
});

describe("sign-in rotation", () => {
  it("always starts a new session and ends the one the browser came with", async () => {
    const client = await signedIn(anna.email);
    const before = client.cookie!;
    await client.signIn(anna.email, TEST_PASSWORD);
    expect(client.cookie).not.toBe(before);
    expect(await isSignedIn(client)).toBe(true);

    const old = new ApiClient(server);
    old.cookie = before;
    expect(await isSignedIn(old)).toBe(false);
  });

  it("ends a planted session too when someone else signs in over it (fixation)", async () => {
    const planted = await signedIn(boris.email);
    const plantedCookie = planted.cookie!;
    const victim = new ApiClient(server);
    victim.cookie = plantedCookie;
    await victim.signIn(anna.email, TEST_PASSWORD);
    expect((await victim.request("{ me { email } }")).data.me.email).toBe(anna.email);
    expect(await isSignedIn(planted)).toBe(false);
  });
});

describe("signing out", () => {
  it("revokes the session on the server, so a copy of the cookie stops working at once", async () => {
    const client = await signedIn(anna.email);
    const copy = new ApiClient(server);
    copy.cookie = client.cookie;
    expect(await isSignedIn(copy)).toBe(true); // now in the viewer cache
    expect((await client.request("mutation { signOut }")).data.signOut).toBe(true);
    expect(await isSignedIn(copy)).toBe(false);
  });

  it("lists the viewer's live sessions, marks this one, and ends another device's session at once", async () => {
    await db.prisma.userSession.updateMany({ where: { userId: anna.id }, data: { revokedAt: new Date() } });
    const laptop = await signedIn(anna.email);
    const phone = await signedIn(anna.email);
    await signedIn(boris.email);
    expect(await isSignedIn(phone)).toBe(true);

    const { data } = await laptop.request(SESSIONS);
    expect(data.mySessions).toHaveLength(2);
    expect(data.mySessions.filter((session: { current: boolean }) => session.current)).toHaveLength(1);
    const phoneSession = data.mySessions.find((session: { current: boolean }) => !session.current);

    const revoked = await laptop.request(REVOKE, { id: phoneSession.id });
    expect(revoked.data.revokeSession.__typename).toBe("MutationRevokeSessionSuccess");
    expect(await isSignedIn(phone)).toBe(false);
    expect(await isSignedIn(laptop)).toBe(true);
    expect((await laptop.request(SESSIONS)).data.mySessions).toHaveLength(1);
    // Already ended: nothing left to revoke.
    expect((await laptop.request(REVOKE, { id: phoneSession.id })).data.revokeSession.__typename).toBe("NotFoundError");
  });

  it("cannot see or end another user's session", async () => {
    const annaClient = await signedIn(anna.email);
    const borisClient = await signedIn(boris.email);
    const borisSessions = (await borisClient.request(SESSIONS)).data.mySessions as Array<{ id: string }>;
    const annaSessions = (await annaClient.request(SESSIONS)).data.mySessions as Array<{ id: string }>;
    expect(annaSessions.some((session) => borisSessions.some((other) => other.id === session.id))).toBe(false);
    const attempt = await annaClient.request(REVOKE, { id: borisSessions[0]!.id });
    expect(attempt.data.revokeSession.__typename).toBe("NotFoundError");
    expect(await isSignedIn(borisClient)).toBe(true);
  });

  it("signs out everywhere: every session of the user ends at once despite the viewer cache, others' do not", async () => {
    const first = await signedIn(anna.email);
    const second = await signedIn(anna.email);
    const other = await signedIn(boris.email);
    for (const client of [first, second, other]) expect(await isSignedIn(client)).toBe(true);

    const result = await second.request("mutation { signOutEverywhere }");
    expect(result.data.signOutEverywhere).toBeGreaterThanOrEqual(2);
    expect(second.cookie).toMatch(/^spros_session=$/);
    expect(await isSignedIn(first)).toBe(false);
    expect(await isSignedIn(other)).toBe(true);
    expect(await db.prisma.userSession.count({ where: { userId: anna.id, revokedAt: null } })).toBe(0);
  });

  it("refuses the session queries and mutations without a session", async () => {
    const anonymous = new ApiClient(server);
    for (const [query, variables] of [
      [SESSIONS, undefined],
      [REVOKE, { id: "x" }],
      ["mutation { signOutEverywhere }", undefined],
      ['mutation { changePassword(input: { currentPassword: "a", newPassword: "b" }) { __typename } }', undefined],
    ] as const) {
      const result = await anonymous.request(query, variables);
      expect(result.errors?.[0]?.extensions?.code, query).toBe("UNAUTHENTICATED");
    }
    expect((await anonymous.request("mutation { signOut }")).data.signOut).toBe(true);
  });

  it("does not accept an expired session", async () => {
    const client = await signedIn(boris.email);
    await db.prisma.userSession.updateMany({ where: { userId: boris.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    // A fresh server: nothing cached.
    const fresh = await startApiServer(db);
    try {
      const copy = new ApiClient(fresh);
      copy.cookie = client.cookie;
      expect(await isSignedIn(copy)).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
