import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_TOO_LARGE_CODE, INTROSPECTION_DISABLED_CODE, OPERATION_LIMIT_CODE } from "../../graphql/armor";
import { CSRF_REFUSED_CODE } from "../../graphql/csrf";
import { createServerServices } from "../../graphql/services";
import { createSprosYoga } from "../../graphql/yoga";
import { PRODUCTION_RATE_LIMITS, createRateLimits } from "../../graphql/rate-limits";
import { createHttpApp } from "../../server/http-app";
import { loadRemixBuild } from "../../server/remix-build";
import { TOPICS } from "../../app/lib/documents";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";
import { codes, handshake, postGraphQL, raw, rawSocket, wsClient, wsOnce } from "./hostile-input-helpers";

const TRUSTED = "https://intranet.example.ru";
let db: TestDatabase;
let dev: ApiServer;
let production: ApiServer;
let productionWithIntrospection: ApiServer;
let staff: { email: string; id: string };
let cookies: Record<"dev" | "production", string>;
const sockets: Client[] = [];

const DEPTH_BOMB = `query { topics(first: 1) { edges { node { ${"mergedInto { ".repeat(14)}id${" }".repeat(14)} } } } }`;
const ALIAS_FLOOD = `query { ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(" ")} }`;
const TOKEN_FLOOD = `query { me { ${"id ".repeat(1200)} } }`;
const DIRECTIVE_FLOOD = `query { me { id ${"@include(if: true) ".repeat(30)} } }`;
const COST_BOMB = `query { topics(first: 100) { edges { node { comments(first: 100) { edges { node { author { suggestedTopics(first: 100) { edges { node { comments(first: 100) { edges { node { id body } } } } } } } } } } } } } }`;
const INTROSPECTION = `query { __schema { types { name } } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  [staff] = await createUsers(db.prisma, 1, { prefix: "hardening" });
  await createTopics(db.prisma, staff.id, ["Тема для проверки"]);
  const policy = { trustedOrigins: [TRUSTED], trustProxy: false };
  dev = await startApiServer(db, { yoga: { production: false, originPolicy: policy } });
  production = await startApiServer(db, { yoga: { production: true, originPolicy: policy } });
  productionWithIntrospection = await startApiServer(db, { yoga: { production: true, introspection: true } });
  cookies = {
    dev: (await new ApiClient(dev).signIn(staff.email, TEST_PASSWORD)).cookie!,
    production: (await new ApiClient(production).signIn(staff.email, TEST_PASSWORD)).cookie!,
  };
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await Promise.all([dev, production, productionWithIntrospection].map((server) => server?.close()));
  await db?.drop();
});

describe("operation limits", () => {
  it.each([
    ["depth bomb", DEPTH_BOMB],
    ["alias flood", ALIAS_FLOOD],
    ["directive flood", DIRECTIVE_FLOOD],
    ["cost bomb", COST_BOMB],
    ["token flood", TOKEN_FLOOD],
  ])("refuse a %s over HTTP before it runs", async (_name, query) => {
    const response = await postGraphQL(production.graphqlUrl, query, undefined, { cookie: cookies.production });
    expect(response.body.data).toBeUndefined();
    expect(codes(response.body)).toContain(OPERATION_LIMIT_CODE);
  });

  it.each([
    ["depth bomb", DEPTH_BOMB],
    ["alias flood", ALIAS_FLOOD],
    ["cost bomb", COST_BOMB],
    ["token flood", TOKEN_FLOOD],
  ])("refuse a %s over WebSocket too", async (_name, query) => {
    const socket = wsClient(production.graphqlUrl, { cookie: cookies.production });
    sockets.push(socket);
    const result = await wsOnce(socket, query);
    expect(result.data).toBeUndefined();
    expect(codes(result)).toContain(OPERATION_LIMIT_CODE);
    // The connection survives the refusal and serves the next operation.
    expect((await wsOnce(socket, `query { me { id } }`)).data?.me.id).toBeTruthy();
  });

  it("let the web app's topic list through (as urql sends it)", async () => {
    const response = await postGraphQL(production.graphqlUrl, TOPICS, { first: 20 }, { cookie: cookies.production, "x-graphql-yoga-csrf": "spros" });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.topics.edges).toHaveLength(1);
  });

  it("refuse a body over 256 kB with 413 and a chunked body with 411", async () => {
    const big = JSON.stringify({ query: `query { me { id } }`, variables: { pad: "x".repeat(300_000) } });
    const tooLarge = await raw(production.graphqlUrl, { headers: { "content-type": "application/json" }, body: big });
    expect(tooLarge.status).toBe(413);
    expect(codes(tooLarge.body)).toEqual([BODY_TOO_LARGE_CODE]);
    const chunked = await new Promise<number>((resolve, reject) => {
      const request = http.request(production.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.write(`{"query":"{ me { id } }"}`); // no Content-Length: Node sends it chunked
      request.end();
    });
    expect(chunked).toBe(411);
  });
});

describe("production mode", () => {
  it("masks unexpected errors (development keeps the detail)", async () => {
    const broken = new Proxy(db.sql, {
      get: (target, property) =>
        property === "query" || property === "connect" ? () => Promise.reject(new Error("secret-internal-detail-42")) : Reflect.get(target, property),
    });
    const [prodServer, devServer] = await Promise.all([
      startApiServer({ prisma: db.prisma, sql: broken }, { yoga: { production: true } }),
      startApiServer({ prisma: db.prisma, sql: broken }, { yoga: { production: false } }),
    ]);
    try {
      const topic = await db.prisma.topic.findFirstOrThrow();
      const topicId = Buffer.from(`Topic:${topic.id}`).toString("base64");
      const vote = `mutation($id: ID!) { vote(topicId: $id) { __typename } }`;
      const [prodClient, devClient] = await Promise.all([
        new ApiClient(prodServer).signIn(staff.email, TEST_PASSWORD),
        new ApiClient(devServer).signIn(staff.email, TEST_PASSWORD),
      ]);
      const masked = await postGraphQL(prodServer.graphqlUrl, vote, { id: topicId }, { cookie: prodClient.cookie! });
      expect(masked.body.errors[0]).toMatchObject({ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } });
      expect(masked.text).not.toContain("secret-internal-detail-42");
      const unmasked = await postGraphQL(devServer.graphqlUrl, vote, { id: topicId }, { cookie: devClient.cookie! });
      expect(unmasked.text).toContain("secret-internal-detail-42");
    } finally {
      await Promise.all([prodServer.close(), devServer.close()]);
    }
  });

  it("refuses introspection, unless SPROS_INTROSPECTION turns it on; development allows it", async () => {
    const refused = await postGraphQL(production.graphqlUrl, INTROSPECTION);
    expect(refused.body.data).toBeUndefined();
    expect(codes(refused.body)).toEqual([INTROSPECTION_DISABLED_CODE]);
    const aliased = await postGraphQL(production.graphqlUrl, `query { t: __type(name: "User") { name } }`);
    expect(codes(aliased.body)).toEqual([INTROSPECTION_DISABLED_CODE]);
    const allowed = await postGraphQL(productionWithIntrospection.graphqlUrl, INTROSPECTION);
    expect(allowed.body.data.__schema.types.length).toBeGreaterThan(10);
    expect((await postGraphQL(dev.graphqlUrl, INTROSPECTION)).body.data.__schema.types.length).toBeGreaterThan(10);
    expect((await postGraphQL(production.graphqlUrl, `query { __typename }`)).body.data).toEqual({ __typename: "Query" });
  });

  it("does not suggest field names (development does)", async () => {
    const prod = await postGraphQL(production.graphqlUrl, `query { topicz(first: 1) { totalCount } }`);
    expect(prod.body.errors[0].message).not.toMatch(/Did you mean/);
    const development = await postGraphQL(dev.graphqlUrl, `query { topicz(first: 1) { totalCount } }`);
    expect(development.body.errors[0].message).toMatch(/Did you mean/);
  });

  it("serves no GraphiQL page (development does)", async () => {
    const page = (server: ApiServer) => raw(server.graphqlUrl, { method: "GET", headers: { accept: "text/html", "x-graphql-yoga-csrf": "1" } });
    const development = await page(dev);
    expect(development.status, development.text).toBe(200);
    expect(development.text).toMatch(/graphiql/i);
    const prod = await page(production);
    expect(prod.text).not.toMatch(/graphiql/i);
  });
});

describe("cross-site requests over HTTP", () => {
  const me = `query { me { id } }`;
  const own = () => new URL(production.url).origin;
  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }, "foreign-origin"],
    ["Origin: null", { origin: "null" }, "foreign-origin"],
    ["a look-alike host", { origin: "http://127.0.0.1.evil.example" }, "foreign-origin"],
    ["Sec-Fetch-Site: cross-site without Origin", { "sec-fetch-site": "cross-site" }, "foreign-origin"],
    ["Sec-Fetch-Site: same-site from a sibling", { "sec-fetch-site": "same-site", origin: "https://other.example.ru" }, "foreign-origin"],
  ])("refuses %s with the session cookie, 403", async (_name, headers, reason) => {
    const response = await postGraphQL(production.graphqlUrl, me, undefined, { cookie: cookies.production, ...headers });
    expect(response.status).toBe(403);
    expect(response.body.errors[0].extensions).toEqual({ code: CSRF_REFUSED_CODE, reason });
  });

  it.each([
    ["text/plain", "text/plain"],
    ["a form", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=x"],
  ])("refuses a %s body without the CSRF header (a form can send it cross-site)", async (_name, contentType) => {
    const response = await raw(production.graphqlUrl, {
      headers: { "content-type": contentType, cookie: cookies.production },
      body: JSON.stringify({ query: `mutation { signOut }` }),
    });
    expect(response.status).toBe(403);
    expect(response.body.errors[0].extensions).toEqual({ code: CSRF_REFUSED_CODE, reason: "missing-csrf-header" });
  });

  it("refuses a GET without the CSRF header and answers it with one", async () => {
    const url = `${production.graphqlUrl}?query=${encodeURIComponent(me)}`;
    const bare = await raw(url, { method: "GET", headers: { cookie: cookies.production } });
    expect(bare.status).toBe(403);
    const withHeader = await raw(url, { method: "GET", headers: { cookie: cookies.production, "x-graphql-yoga-csrf": "spros" } });
    expect(withHeader.body.data.me.id).toBeTruthy();
  });

  it("allows the app itself, trusted origins, same-origin fetches behind a Host-rewriting proxy, and clients without Origin", async () => {
    const allowed: Array<Record<string, string>> = [
      { origin: own(), "x-graphql-yoga-csrf": "spros" },
      { origin: TRUSTED },
      { origin: "https://public.example.ru", "sec-fetch-site": "same-origin" },
      {},
    ];
    for (const headers of allowed) {
      const response = await postGraphQL(production.graphqlUrl, me, undefined, { cookie: cookies.production, ...headers });
      expect(response.body.data?.me.id, JSON.stringify(headers)).toBeTruthy();
    }
    const preflight = await raw(production.graphqlUrl, { method: "OPTIONS", headers: { origin: TRUSTED, "access-control-request-method": "POST" } });
    expect(preflight.headers.get("access-control-allow-origin")).toBe(TRUSTED);
    const foreignPreflight = await raw(production.graphqlUrl, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expect(foreignPreflight.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });

  it("trusts X-Forwarded-Host only behind a trusted proxy", async () => {
    const headers = { origin: "https://spros.example.ru", "x-forwarded-host": "spros.example.ru" };
    expect((await postGraphQL(production.graphqlUrl, me, undefined, headers)).status).toBe(403);
    const proxied = await startApiServer(db, { yoga: { production: true, originPolicy: { trustedOrigins: [], trustProxy: true } } });
    try {
      expect((await postGraphQL(proxied.graphqlUrl, me, undefined, headers)).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe("cross-site WebSocket handshakes", () => {
  it("are refused with 403, even with a valid session cookie", async () => {
    expect(await handshake(production.graphqlUrl, { cookie: cookies.production, origin: "https://evil.example" })).toBe(403);
    expect(await handshake(production.graphqlUrl, { cookie: cookies.production, origin: "null" })).toBe(403);
  });

  it("from the app's own origin, a trusted one or a non-browser client are accepted", async () => {
    for (const origin of [new URL(production.url).origin, TRUSTED, undefined]) {
      const socket = wsClient(production.graphqlUrl, { cookie: cookies.production, ...(origin ? { origin } : {}) });
      sockets.push(socket);
      expect((await wsOnce(socket, `query { me { id } }`)).data?.me.id, String(origin)).toBeTruthy();
    }
  });
});

describe("a session's WebSocket", () => {
  it("closes with 4403 when the session signs out over HTTP", async () => {
    const client = await new ApiClient(production).signIn(staff.email, TEST_PASSWORD);
    const socket = await rawSocket(production.graphqlUrl, { cookie: client.cookie! });
    socket.send({ type: "connection_init" });
    await socket.message((message) => message?.type === "connection_ack");
    await client.request(`mutation { signOut }`);
    expect((await socket.closed).code).toBe(4403);
  });
});

describe("page posts (Remix form actions)", () => {
  it("refuse a foreign Origin before the page runs; the sign-in page shares the signIn mutation's per-IP window", async () => {
    const services = createServerServices(db);
    const state = {
      ready: true,
      yoga: createSprosYoga(services, { production: true, rateLimits: createRateLimits(PRODUCTION_RATE_LIMITS) }),
      remixBuild: await loadRemixBuild(process.cwd()),
    };
    const app = createHttpApp(state, process.cwd(), {}, { originPolicy: { trustedOrigins: [], trustProxy: false } });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const form = { "content-type": "application/x-www-form-urlencoded" };
      const foreign = await raw(`${base}/login`, { headers: { ...form, origin: "https://evil.example" }, body: "email=a%40b.c&password=x" });
      expect(foreign.status).toBe(403);
      expect(foreign.text).toMatch(/Cross-site request refused/);
      const page = await raw(`${base}/login`, { method: "GET", headers: { "sec-fetch-site": "cross-site" } });
      expect(page.status).toBe(200); // links from other sites still open pages

      // A different email each time, so the per-email lockout stays out of the way.
      const attempt = (index: number) =>
        raw(`${base}/login`, { headers: { ...form, origin: base }, body: `email=window${index}%40test.spros&password=wrong-password` });
      const statuses: number[] = [];
      for (let index = 0; index < PRODUCTION_RATE_LIMITS.signIn.perIp!.points; index++) statuses.push((await attempt(index)).status);
      expect(new Set(statuses)).toEqual(new Set([401]));
      const refused = await attempt(999);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.text).toContain("Слишком много попыток входа");
      // …and the signIn mutation from the same address shares that window.
      const mutation = await postGraphQL(`${base}/graphql`, `mutation { signIn(input: { email: "a@b.c", password: "x" }) { __typename } }`);
      expect(codes(mutation.body)).toEqual(["RATE_LIMITED"]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await services.close();
    }
  });
});
