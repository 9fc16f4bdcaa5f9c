import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlanningRunner } from "../../domain/planning/runner";
import { enqueuePlanningRun } from "../../domain/planning/start-run";
import { createServerServices } from "../../graphql/services";
import { attachGraphQLWebSocket } from "../../graphql/ws";
import { createSprosYoga } from "../../graphql/yoga";
import { createHttpApp } from "../../server/http-app";
import { createRootLogger } from "../../server/logger";
import { createMetrics, metricsAccessAllowed, metricsHandler, type Metrics } from "../../server/metrics";
import { ApiClient, type ApiEndpoint } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { HORIZON_START, seedPlanningWorld } from "./helpers/planning-world";
import { subscribe } from "./helpers/subscriptions";
import { createUsers, TEST_PASSWORD } from "./helpers/users";

let db: TestDatabase;
let metrics: Metrics;
let server: http.Server;
let api: ApiEndpoint;
let closeSockets: () => Promise<void>;
const logLines: Array<Record<string, unknown>> = [];
const rawLog: string[] = [];
const sockets: Client[] = [];
const TOKEN = "scrape-token-1234";

beforeAll(async () => {
  db = await createTestDatabase();
  metrics = createMetrics();
  const logger = createRootLogger(
    { NODE_ENV: "production", LOG_LEVEL: "debug" },
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        rawLog.push(chunk.toString());
        for (const line of chunk.toString().split("\n")) if (line) logLines.push(JSON.parse(line));
        callback();
      },
    }),
  );
  const services = createServerServices(db);
  const yoga = createSprosYoga(services, { metrics, logger });
  // The real express app (Remix is never reached by these requests) with graphql-ws on the same server.
  server = http.createServer(createHttpApp({ ready: true, yoga }, process.cwd(), { metrics, logger, metricsToken: TOKEN }));
  const websocket = attachGraphQLWebSocket(server, yoga, services.viewers, metrics);
  closeSockets = websocket.close;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = { url, graphqlUrl: `${url}/graphql`, close: async () => {} };
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await closeSockets?.();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await db?.drop();
});

async function scrape(): Promise<string> {
  const response = await fetch(`${api.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one sample, e.g. value(text, 'http_requests_total{method="GET",route="healthz",status="200"}'). */
function value(text: string, sample: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

const post = (body: object, headers: Record<string, string> = {}) =>
  fetch(api.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("metrics at /metrics", () => {
  it("counts HTTP requests by method, route class and status, never by raw URL", async () => {
    const before = await scrape();
    const healthz = 'http_requests_total{method="GET",route="healthz",status="200"}';
    const graphql = 'http_requests_total{method="POST",route="graphql",status="200"}';
    await fetch(`${api.url}/healthz`);
    await fetch(`${api.url}/healthz`);
    await post({ query: "query Ping { __typename }" });
    await fetch(`${api.url}/calendar/not-a-real-token-123.ics`);
    const after = await scrape();
    expect(value(after, healthz) - value(before, healthz)).toBe(2);
    expect(value(after, graphql) - value(before, graphql)).toBe(1);
    expect(value(after, 'http_requests_total{method="GET",route="calendar",status="404"}')).toBe(1);
    expect(value(after, 'http_request_duration_seconds_count{method="GET",route="healthz",status="200"}')).toBeGreaterThanOrEqual(2);
    expect(after).not.toContain("not-a-real-token");
    expect(after).not.toMatch(/route="\//);
    expect(after).toContain("process_cpu_user_seconds_total"); // default Node metrics are on
  });

  it("counts GraphQL operations by type and cleaned name, and their errors", async () => {
    const [user] = await createUsers(db.prisma, 1, { prefix: "metrics" });
    const longName = `Q${"x".repeat(120)}`;
    await post({ query: "{ __typename }" });
    await post({ query: `query ${longName} { __typename }` });
    await post({ query: "query NotSignedIn { sites { id } }" }); // Query needs a signed-in viewer
    await post({ query: "{ noSuchField }" }); // fails validation
    await new ApiClient(api).signIn(user.email, TEST_PASSWORD);
    const text = await scrape();
    expect(value(text, 'graphql_operations_total{type="query",name="anonymous"}')).toBe(1);
    expect(value(text, `graphql_operations_total{type="query",name="${longName.slice(0, 64)}"}`)).toBe(1);
    expect(text).not.toContain(longName.slice(0, 65));
    expect(value(text, 'graphql_operations_total{type="mutation",name="SignIn"}')).toBe(1);
    expect(value(text, 'graphql_operation_duration_seconds_count{type="mutation",name="SignIn"}')).toBe(1);
    expect(value(text, 'graphql_errors_total{type="query",name="NotSignedIn"}')).toBe(1);
    expect(value(text, 'graphql_errors_total{type="query",name="anonymous"}')).toBe(1); // the invalid one
    expect(value(text, 'graphql_errors_total{type="mutation",name="SignIn"}')).toBe(0);
  });

  it("keeps the number of distinct operation names bounded", () => {
    const local = createMetrics({ defaultMetrics: false });
    expect(local.operationName("weird-name; DROP")).toBe("weirdnameDROP");
    expect(local.operationName(null)).toBe("anonymous");
    const names = Array.from({ length: 400 }, (_, i) => local.operationName(`Op${i}`));
    expect(new Set(names).size).toBe(300); // 299 more names, then "other"
    expect(local.operationName("Op5")).toBe("Op5");
    expect(local.operationName("Op399")).toBe("other");
    expect(local.operationName("weird-name; DROP")).toBe("weirdnameDROP"); // already known
  });

  it("gauges open subscriptions over WebSocket", async () => {
    const [user] = await createUsers(db.prisma, 1, { prefix: "metricsws" });
    const client = await new ApiClient(api).signIn(user.email, TEST_PASSWORD);
    const before = value(await scrape(), "graphql_subscriptions_active");
    const live = subscribe(sockets, client, "subscription VotesLive { topicVoteChanged { topicId voteCount } }");
    await live.ready;
    const during = await scrape();
    expect(value(during, "graphql_subscriptions_active") - before).toBe(1);
    expect(value(during, 'graphql_operations_total{type="subscription",name="VotesLive"}')).toBe(1);
    await sockets.pop()!.dispose();
    const deadline = Date.now() + 5000;
    while (value(await scrape(), "graphql_subscriptions_active") !== before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(value(await scrape(), "graphql_subscriptions_active")).toBe(before);
  });

  it("records planning run durations by outcome", async () => {
    const world = await seedPlanningWorld(db.prisma, { prefix: "metricsrun" });
    const runner = createPlanningRunner({
      prisma: db.prisma,
      pubsub: createServerServices(db).pubsub,
      pollMs: 50,
      heartbeatMs: 100,
      onRunFinished: (outcome, seconds) => metrics.observePlanningRun(outcome, seconds),
    });
    await runner.start();
    try {
      const run = await enqueuePlanningRun(db.prisma, { horizonStart: HORIZON_START, horizonDays: 7, timeLimitSeconds: 2, createdById: world.manager.id });
      const deadline = Date.now() + 20_000;
      let text = await scrape();
      while (value(text, 'planning_run_duration_seconds_count{outcome="succeeded"}') === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        text = await scrape();
      }
      expect((await db.prisma.planningRun.findUniqueOrThrow({ where: { id: run.runId } })).status).toBe("SUCCEEDED");
      expect(value(text, 'planning_run_duration_seconds_count{outcome="succeeded"}')).toBe(1);
      expect(value(text, 'planning_run_duration_seconds_count{outcome="failed"}')).toBe(0);
      expect(text).toContain('planning_run_duration_seconds_count{outcome="cancelled"} 0');
    } finally {
      await runner.stop();
    }
  });
});

describe("who may scrape /metrics", () => {
  it("allows loopback, or a matching bearer token when METRICS_TOKEN is set; refuses anyone else", () => {
    expect(metricsAccessAllowed("127.0.0.1", undefined, undefined)).toBe(true);
    expect(metricsAccessAllowed("::1", undefined, undefined)).toBe(true);
    expect(metricsAccessAllowed("::ffff:127.0.0.1", undefined, undefined)).toBe(true);
    expect(metricsAccessAllowed("10.0.0.7", undefined, undefined)).toBe(false);
    expect(metricsAccessAllowed("10.0.0.7", `Bearer ${TOKEN}`, undefined)).toBe(false);
    expect(metricsAccessAllowed("10.0.0.7", `Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(metricsAccessAllowed("10.0.0.7", "Bearer wrong-token-12345", TOKEN)).toBe(false);
    expect(metricsAccessAllowed("10.0.0.7", TOKEN, TOKEN)).toBe(false);
  });

  it("the handler answers 403 to a remote scrape without the token, 200 with it", async () => {
    const handle = metricsHandler(metrics, TOKEN);
    const call = async (authorization?: string) => {
      let status = 0;
      let body = "";
      const req = { socket: { remoteAddress: "203.0.113.9" }, headers: authorization ? { authorization } : {} };
      const res = {
        writeHead(code: number) {
          status = code;
          return res;
        },
        end(text: string) {
          body = text;
        },
      };
      await handle(req as never, res as never);
      return { status, body };
    };
    expect((await call()).status).toBe(403);
    expect((await call("Bearer nope")).status).toBe(403);
    const allowed = await call(`Bearer ${TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain("http_requests_total");
  });
});

describe("request ids and logs", () => {
  it("echoes a sane x-request-id, replaces an odd one, and logs it on the access line", async () => {
    const kept = await fetch(`${api.url}/healthz`, { headers: { "x-request-id": "abc-123.def_4" } });
    expect(kept.headers.get("x-request-id")).toBe("abc-123.def_4");
    const replaced = await fetch(`${api.url}/healthz`, { headers: { "x-request-id": "bad id\twith spaces" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await fetch(`${api.url}/healthz`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = logLines.find((entry) => entry.reqId === "abc-123.def_4" && entry.msg === "request");
    expect(line).toMatchObject({ method: "GET", route: "healthz", path: "/healthz", status: 200 });
  });

  it("puts the request id on GraphQL error logs and never logs cookies, passwords or the Authorization header", async () => {
    const secretPassword = "hunter2-very-secret";
    await post(
      { query: "query NotSignedIn { sites { id } }" },
      { "x-request-id": "req-graphql-42", cookie: "spros_session=cookie-secret-value", authorization: "Bearer auth-secret-value" },
    );
    await post({ query: "mutation SignIn($input: SignInInput!) { signIn(input: $input) { __typename } }", variables: { input: { email: "nobody@example.org", password: secretPassword } } });
    await fetch(`${api.url}/calendar/calendar-secret-token.ics`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const errorLine = logLines.find((entry) => entry.reqId === "req-graphql-42" && String(entry.msg).startsWith("graphql error"));
    expect(errorLine).toMatchObject({ operation: "NotSignedIn", type: "query" });
    expect(logLines.find((entry) => entry.reqId === "req-graphql-42" && entry.msg === "request")).toMatchObject({ route: "graphql", status: 200 });
    const all = rawLog.join("");
    for (const secret of [secretPassword, "cookie-secret-value", "auth-secret-value", "calendar-secret-token"]) expect(all).not.toContain(secret);
  });
});
