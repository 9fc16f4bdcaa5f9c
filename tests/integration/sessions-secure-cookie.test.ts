import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SIGN_IN, startApiServer, type ApiServer } from "./helpers/api-server";
import { useTestDatabase } from "./helpers/database";
import { createUsers, TEST_PASSWORD } from "./helpers/users";

// app/lib/session.server.ts reads COOKIE_SECURE when it is first imported, before the helpers above.
vi.hoisted(() => {
  vi.stubEnv("COOKIE_SECURE", "true");
});

const db = useTestDatabase();
let server: ApiServer;
let email: string;

beforeAll(async () => {
  server = await startApiServer(db);
  [{ email }] = await createUsers(db.prisma, 1, { prefix: "secure" });
});

afterAll(async () => {
  await server?.close();
  vi.unstubAllEnvs();
});

async function post(body: object, cookie?: string) {
  return fetch(server.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

describe("session cookie behind HTTPS (COOKIE_SECURE=true)", () => {
  it("is __Host-prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ and host-only, and it works", async () => {
    const response = await post({ query: SIGN_IN, variables: { input: { email, password: TEST_PASSWORD } } });
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toMatch(/^__Host-spros_session=[^;]+/);
    const attributes = setCookie!.split(/;\s*/).slice(1).map((part) => part.toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]));
    expect(attributes.some((part) => part.startsWith("domain="))).toBe(false);

    const cookie = setCookie!.split(";")[0]!;
    const me = await (await post({ query: "{ me { email } }" }, cookie)).json();
    expect(me.data.me.email).toBe(email);

    const signedOut = await post({ query: "mutation { signOut }" }, cookie);
    const [cleared] = signedOut.headers.getSetCookie();
    expect(cleared).toMatch(/^__Host-spros_session=;/);
    expect(cleared!.toLowerCase()).toContain("secure");
  });
});
