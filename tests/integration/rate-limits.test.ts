import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimits, PRODUCTION_RATE_LIMITS, RATE_LIMITED_CODE } from "../../graphql/rate-limits";
import type { SprosYogaOptions } from "../../graphql/yoga";
import { ApiClient, SIGN_IN, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { TEST_REDIS_URL } from "./helpers/redis";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";
import { codes, postGraphQL, wsClient, wsOnce } from "./hostile-input-helpers";

let db: TestDatabase;
let users: Array<{ id: string; email: string }>;
let topicId: string;
const servers: ApiServer[] = [];
const redisClients: Redis[] = [];

/** A server with the production limits (in memory unless given a shared RateLimits). */
async function server(yoga: SprosYogaOptions = {}) {
  const started = await startApiServer(db, { yoga: { rateLimits: PRODUCTION_RATE_LIMITS, ...yoga } });
  servers.push(started);
  return started;
}

const signIn = (url: string, email: string, headers: Record<string, string> = {}) =>
  postGraphQL(url, SIGN_IN, { input: { email, password: "wrong password" } }, headers);
const VOTE = `mutation($id: ID!) { vote(topicId: $id) { __typename } }`;
const UNVOTE = `mutation($id: ID!) { unvote(topicId: $id) { __typename } }`;
const COMMENT = `mutation($id: ID!, $body: String!) { addComment(topicId: $id, body: $body) { __typename } }`;
const SUGGEST = `mutation($input: SuggestTopicInput!) { suggestTopic(input: $input) { __typename } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  users = await createUsers(db.prisma, 4, { prefix: "limited" });
  const [topic] = await createTopics(db.prisma, users[0].id, ["Тема под нагрузкой"]);
  topicId = Buffer.from(`Topic:${topic.id}`).toString("base64");
});

afterAll(async () => {
  await Promise.all(servers.map((started) => started.close()));
  for (const redis of redisClients) redis.disconnect();
  await db?.drop();
});

describe("sign-in, per IP", () => {
  it("allows 20 attempts a minute from one address, then refuses with RATE_LIMITED, 429 and Retry-After", async () => {
    const api = await server();
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await signIn(api.graphqlUrl, `nobody-${attempt}@test.spros`);
      expect(response.body.data?.signIn.__typename, JSON.stringify(response.body)).toBeTruthy();
    }
    // Even the right password: the address is over its window.
    const refused = await postGraphQL(api.graphqlUrl, SIGN_IN, { input: { email: users[0].email, password: TEST_PASSWORD } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("set-cookie")).toBeNull();
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors[0].extensions).toMatchObject({ code: RATE_LIMITED_CODE });
    const wait = refused.body.errors[0].extensions.retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.headers.get("retry-after")).toBe(String(wait));
    expect(refused.body.errors[0].extensions.http).toBeUndefined();
  });

  it("counts every aliased signIn of one document", async () => {
    const api = await server();
    for (let attempt = 0; attempt < 10; attempt++) await signIn(api.graphqlUrl, `g${attempt}@test.spros`);
    // 10 + 11 > 20: refused as a whole, none of the 11 runs (and 11 aliases are under the alias limit).
    const flood = `mutation { ${Array.from({ length: 11 }, (_, i) => `s${i}: signIn(input: { email: "x${i}@test.spros", password: "p" }) { __typename }`).join(" ")} }`;
    const response = await postGraphQL(api.graphqlUrl, flood);
    expect(codes(response.body)).toEqual([RATE_LIMITED_CODE]);
  });

  it("takes the address from X-Forwarded-For only behind a trusted proxy", async () => {
    const direct = await server();
    for (let attempt = 0; attempt < 20; attempt++) await signIn(direct.graphqlUrl, `a${attempt}@test.spros`, { "x-forwarded-for": `10.0.0.${attempt}` });
    expect(codes((await signIn(direct.graphqlUrl, "z@test.spros", { "x-forwarded-for": "10.9.9.9" })).body)).toEqual([RATE_LIMITED_CODE]);

    const proxied = await server({ originPolicy: { trustedOrigins: [], trustProxy: true } });
    for (let attempt = 0; attempt < 20; attempt++) await signIn(proxied.graphqlUrl, `b${attempt}@test.spros`, { "x-forwarded-for": "203.0.113.7, 10.0.0.1" });
    expect(codes((await signIn(proxied.graphqlUrl, "y@test.spros", { "x-forwarded-for": "203.0.113.7, 10.0.0.1" })).body)).toEqual([RATE_LIMITED_CODE]);
    // A client cannot escape by prepending addresses: the proxy's own entry (the last) counts.
    expect(codes((await signIn(proxied.graphqlUrl, "y@test.spros", { "x-forwarded-for": "1.2.3.4, 10.0.0.1" })).body)).toEqual([RATE_LIMITED_CODE]);
    const other = await signIn(proxied.graphqlUrl, "y@test.spros", { "x-forwarded-for": "203.0.113.7, 10.0.0.2" });
    expect(other.body.data.signIn.__typename).toBeTruthy();
  });

  it("holds across instances sharing Redis", async () => {
    const keyPrefix = `spros-test:rate-limits:${randomUUID().slice(0, 8)}`;
    // Connected first: until Redis is ready each instance limits in memory on its own (see below).
    const shared = async () => {
      const redis = new Redis(TEST_REDIS_URL);
      redisClients.push(redis);
      if (redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));
      return createRateLimits(PRODUCTION_RATE_LIMITS, { redis, keyPrefix });
    };
    const [first, second] = [await server({ rateLimits: await shared() }), await server({ rateLimits: await shared() })];
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await signIn(first.graphqlUrl, `c${attempt}@test.spros`)).status).toBe(200);
      expect((await signIn(second.graphqlUrl, `d${attempt}@test.spros`)).status).toBe(200);
    }
    expect(codes((await signIn(first.graphqlUrl, "e@test.spros")).body)).toEqual([RATE_LIMITED_CODE]);
    expect(codes((await signIn(second.graphqlUrl, "e@test.spros")).body)).toEqual([RATE_LIMITED_CODE]);
  });

  it("is off in the test helper's default server (the rest of the suite signs in freely)", async () => {
    const relaxed = await startApiServer(db);
    servers.push(relaxed);
    for (let attempt = 0; attempt < 25; attempt++) {
      expect(codes((await signIn(relaxed.graphqlUrl, `f${attempt}@test.spros`)).body)).toEqual([]);
    }
  });
});

describe("votes, comments and suggestions, per user", () => {
  it("lets a person vote and unvote 120 times a minute, then refuses that user only, over HTTP and WebSocket", async () => {
    const api = await server();
    const [voter, other] = await Promise.all([new ApiClient(api).signIn(users[1].email, TEST_PASSWORD), new ApiClient(api).signIn(users[2].email, TEST_PASSWORD)]);
    for (let click = 0; click < 120; click++) {
      const result = await voter.request(click % 2 ? UNVOTE : VOTE, { id: topicId });
      expect(result.errors, `click ${click}`).toBeUndefined();
    }
    const refused = await voter.request(VOTE, { id: topicId });
    expect(codes(refused)).toEqual([RATE_LIMITED_CODE]);
    expect(await db.prisma.vote.count({ where: { userId: users[1].id } })).toBe(0); // the 120th was an unvote
    expect((await other.request(VOTE, { id: topicId })).data.vote.__typename).toBe("MutationVoteSuccess");

    const socket = wsClient(api.graphqlUrl, { cookie: voter.cookie! });
    try {
      const overWs = await wsOnce(socket, VOTE, { id: topicId });
      expect(codes(overWs)).toEqual([RATE_LIMITED_CODE]);
      expect(overWs.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(overWs.errors![0].extensions.http).toBeUndefined();
    } finally {
      await socket.dispose();
    }
  });

  it("allows 15 comments a minute and writes nothing for the refused one", async () => {
    const api = await server();
    const author = await new ApiClient(api).signIn(users[3].email, TEST_PASSWORD);
    for (let comment = 0; comment < 15; comment++) {
      expect((await author.request(COMMENT, { id: topicId, body: `Комментарий ${comment}` })).data.addComment.__typename).toBe("MutationAddCommentSuccess");
    }
    expect(codes(await author.request(COMMENT, { id: topicId, body: "Ещё один" }))).toEqual([RATE_LIMITED_CODE]);
    expect(await db.prisma.comment.count({ where: { authorId: users[3].id } })).toBe(15);
  });

  it("allows 10 suggestions an hour", async () => {
    const api = await server();
    const author = await new ApiClient(api).signIn(users[3].email, TEST_PASSWORD);
    const input = (n: number) => ({ title: `Предложение номер ${n}`, description: "Описание предложенной темы", block: "SERVICE_DELIVERY", format: "TRAINING" });
    for (let n = 0; n < 10; n++) expect((await author.request(SUGGEST, { input: input(n) })).data.suggestTopic.__typename).toBe("MutationSuggestTopicSuccess");
    const before = await db.prisma.topic.count();
    const refused = await author.request(SUGGEST, { input: input(10) });
    expect(codes(refused)).toEqual([RATE_LIMITED_CODE]);
    expect(refused.errors![0].extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(await db.prisma.topic.count()).toBe(before);
  });
});

describe("while Redis is unreachable", () => {
  it("limits in memory at once instead of waiting for Redis (no stalled mutations)", async () => {
    const unreachable = new Redis("redis://127.0.0.1:1", { lazyConnect: false, retryStrategy: () => 200 });
    unreachable.on("error", () => {});
    try {
      const limits = createRateLimits({ ...PRODUCTION_RATE_LIMITS, signIn: { perIp: { points: 2, durationSeconds: 60 } } }, { redis: unreachable, keyPrefix: `t${Date.now()}` });
      const stalled = new Promise((resolve) => setTimeout(() => resolve("stalled"), 3000));
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await Promise.race([limits.consume("signIn", { ip: "198.51.100.9" }), stalled]));
      expect(answers.slice(0, 2)).toEqual([null, null]);
      expect(answers[2]).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    } finally {
      unreachable.disconnect();
    }
  });
});
