import { randomUUID } from "node:crypto";
import { topicPath } from "../../app/lib/topic-path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_TOO_LARGE_CODE, INTROSPECTION_DISABLED_CODE, OPERATION_LIMIT_CODE } from "../../graphql/armor";
import { SESSION_COOKIE } from "../../app/lib/session.server";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPageServer } from "./helpers/page-server";
import { createUsers, TEST_PASSWORD } from "./helpers/users";
import { BOOK, createPlace, createSession, createTopic, globalId } from "./bookings-helpers";
import { codes, postGraphQL, raw, rawSocket, wsClient, wsOnce, type RawResponse } from "./hostile-input-helpers";

/**
 * A battery of hostile requests, as data: each gets a clear, specific refusal, writes nothing
 * (row counts of every table are compared around it), and the server keeps serving a normal
 * client in parallel throughout. Injection strings that are legitimate text are stored verbatim.
 */

let db: TestDatabase;
let api: ApiServer;
let alice: ApiClient; // the attacker, a staff member
let bob: ApiClient; // the victim
let bystander: ApiClient; // a normal user working concurrently
const ids = { bobComment: "", bobBooking: "", bobNotification: "", topic: "", session: "", bobUser: "", bobUserRaw: "", aliceUser: "" };
let revokedCookie = "";
let expiredCookie = "";

type Case = { name: string; writes?: "text"; run: () => Promise<void> };
const cases: Case[] = [];
const add = (name: string, run: () => Promise<void>, writes?: "text") => cases.push({ name, run, writes });


/** A GraphQL POST as alice; the response body. */
const asAlice = async (query: string, variables?: Record<string, unknown>) => (await postGraphQL(api.graphqlUrl, query, variables, { cookie: alice.cookie! })).body;

// ── Operation shape ─────────────────────────────────────────────────────────────────────────────
for (const depth of [13, 15, 20, 30, 60, 120]) {
  add(`depth bomb (${depth} levels of mergedInto)`, async () => {
    const body = await asAlice(`query { topics(first: 1) { edges { node { ${"mergedInto { ".repeat(depth)}id${" }".repeat(depth)} } } } }`);
    expect(codes(body)).toContain(OPERATION_LIMIT_CODE);
    expect(body.data).toBeUndefined();
  });
}
for (const depth of [6, 10]) {
  add(`depth bomb through comments ↔ topic (${depth} rounds)`, async () => {
    const body = await asAlice(`query { topics(first: 5) { edges { node { ${"comments(first: 50) { edges { node { topic { ".repeat(depth)}id${" } } } }".repeat(depth)} } } } }`);
    expect(codes(body)).toContain(OPERATION_LIMIT_CODE);
  });
}
for (const count of [16, 50, 200, 900]) {
  add(`alias flood (${count} aliases of topics)`, async () => {
    const body = await asAlice(`query { ${Array.from({ length: count }, (_, i) => `a${i}: topics(first: 100) { totalCount }`).join(" ")} }`);
    expect(codes(body)).toContain(OPERATION_LIMIT_CODE);
  });
}
for (const count of [16, 100]) {
  add(`alias flood of a mutation (${count} votes)`, async () => {
    const body = await asAlice(`mutation { ${Array.from({ length: count }, (_, i) => `v${i}: vote(topicId: "${ids.topic}") { __typename }`).join(" ")} }`);
    expect(codes(body)).toContain(OPERATION_LIMIT_CODE);
  });
}
for (const count of [1001, 5000, 50_000]) {
  add(`token flood (${count} tokens)`, async () => {
    const body = await asAlice(`query { me { ${"id ".repeat(count)} } }`);
    expect(codes(body)).toEqual([OPERATION_LIMIT_CODE]);
  });
}
for (const count of [11, 100, 1000]) {
  add(`directive flood (${count} @include)`, async () => {
    const body = await asAlice(`query { me { id ${"@include(if: true) ".repeat(count)} } }`);
    expect(codes(body)).toContain(count > 900 ? OPERATION_LIMIT_CODE : OPERATION_LIMIT_CODE);
  });
}
for (const first of [100, 1000]) {
  add(`cost bomb (nested connections of ${first})`, async () => {
    const body = await asAlice(
      `query { topics(first: ${first}) { edges { node { comments(first: ${first}) { edges { node { author { suggestedTopics(first: ${first}) { edges { node { comments(first: ${first}) { edges { node { id body } } } } } } } } } } } } } }`,
    );
    expect(codes(body)).toContain(OPERATION_LIMIT_CODE);
  });
}
add("fragment cycle", async () => {
  const body = await asAlice(`query { ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }`);
  expect(codes(body)).toContain("GRAPHQL_VALIDATION_FAILED");
});
add("fragment fan-out (each fragment spreads the next twice)", async () => {
  const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Topic { id ${i < 19 ? `mergedInto { ...F${i + 1} } mergedFrom { ...F${i + 1} }` : ""} }`).join(" ");
  const body = await asAlice(`query { topics(first: 1) { edges { node { ...F0 } } } } ${fragments}`);
  expect(codes(body)).toContain(OPERATION_LIMIT_CODE);
});
add("introspection in production", async () => {
  expect(codes(await asAlice(`query { __schema { queryType { name } } }`))).toEqual([INTROSPECTION_DISABLED_CODE]);
});
add("introspection hidden in a fragment", async () => {
  expect(codes(await asAlice(`query { ...I } fragment I on Query { __type(name: "User") { fields { name } } }`))).toEqual([INTROSPECTION_DISABLED_CODE]);
});

// ── Bodies ───────────────────────────────────────────────────────────────────────────────────────
for (const megabytes of [0.3, 1, 5]) {
  add(`a ${megabytes} MB body`, async () => {
    const body = JSON.stringify({ query: `query { me { id } }`, variables: { pad: "я".repeat((megabytes * 1024 * 1024) / 2) } });
    const response = await raw(api.graphqlUrl, { headers: { "content-type": "application/json", cookie: alice.cookie! }, body });
    expect(response.status).toBe(413);
    expect(codes(response.body)).toEqual([BODY_TOO_LARGE_CODE]);
  });
}
const malformedBodies: Array<[string, string, number, RegExp, string?]> = [
  ["invalid JSON", `{"query": "{ me { id } }"`, 400, /json|parse|body/i],
  ["an empty body", ``, 400, /query|body|empty/i],
  ["a JSON string", `"{ me { id } }"`, 400, /./],
  ["a number", `42`, 400, /./],
  ["null", `null`, 400, /./],
  ["query as a number", `{"query": 42}`, 400, /query/i],
  ["query missing", `{"variables": {}}`, 200, /Must provide query string/, "BAD_REQUEST"],
  ["variables as a string", `{"query": "{ me { id } }", "variables": "x"}`, 400, /variables/i],
  ["extensions as a string", `{"query": "{ me { id } }", "extensions": "x"}`, 400, /extensions/i],
  ["operationName as an object", `{"query": "{ me { id } }", "operationName": {}}`, 400, /operation/i],
  ["a syntax error", `{"query": "{ me { id "}`, 200, /^Syntax Error/, "GRAPHQL_PARSE_FAILED"],
  ["an unknown operation name", `{"query": "query A { me { id } }", "operationName": "B"}`, 400, /Could not determine what operation to execute/],
  ["two anonymous operations", `{"query": "{ me { id } } { me { name } }"}`, 400, /Could not determine what operation to execute|anonymous/i],
  ["a batch of two operations", `[{"query": "{ me { id } }"}, {"query": "{ me { id } }"}]`, 400, /./],
  ["a batch of a thousand", JSON.stringify(Array.from({ length: 1000 }, () => ({ query: "{ me { id } }" }))), 400, /./],
];
for (const [name, body, status, message, code] of malformedBodies) {
  add(`body: ${name}`, async () => {
    const response = await raw(api.graphqlUrl, { headers: { "content-type": "application/json", cookie: alice.cookie! }, body });
    expect(response.status).toBe(status);
    expect(response.body.errors[0].message).toMatch(message);
    if (code) expect(codes(response.body)).toEqual([code]);
  });
}
add("a mutation over GET", async () => {
  const response = await raw(`${api.graphqlUrl}?query=${encodeURIComponent(`mutation { signOut }`)}`, {
    method: "GET",
    headers: { cookie: alice.cookie!, "x-graphql-yoga-csrf": "1" },
  });
  expect(response.status).toBe(405);
});
add("a form-encoded mutation (no CSRF header)", async () => {
  const response = await raw(api.graphqlUrl, { headers: { "content-type": "application/x-www-form-urlencoded", cookie: alice.cookie! }, body: "query=mutation%7BsignOut%7D" });
  expect(response.status).toBe(403);
  expect(codes(response.body)).toEqual(["CSRF_REFUSED"]);
});

// ── Malformed, foreign and missing ids ──────────────────────────────────────────────────────────
const b64 = (text: string) => Buffer.from(text).toString("base64");
const badIds: Array<[string, () => string]> = [
  ["empty", () => ""],
  ["not base64", () => "!!!"],
  ["plain text", () => "hello"],
  ["type only", () => b64("Topic:")],
  ["no separator", () => b64("Topic")],
  ["unknown type", () => b64("Galaxy:1")],
  ["SQL in the id", () => b64("Topic:1' OR '1'='1")],
  ["a null byte", () => b64("Topic:\u0000")],
  ["10 kB long", () => b64(`Topic:${"a".repeat(10_000)}`)],
  ["a random uuid", () => b64(`Topic:${randomUUID()}`)],
  ["a user's id", () => ids.bobUser],
  ["a session's id", () => globalId("TrainingSession", ids.session)],
];
const MALFORMED_GLOBAL_ID = /^(Invalid global ID|\w+ has not been implemented)/;
for (const [label, id] of badIds) {
  // A NUL hides inside base64, where no text validation sees it: the id decoders must refuse it.
  const nulId = label === "a null byte";
  cases.push({
    name: `topic(id: ${label})`,
    run: async () => {
      const body = await asAlice(`query($id: ID!) { topic(id: $id) { id title } }`, { id: id() });
      expect(body).toEqual({ data: { topic: null } });
    },
  });
  cases.push({
    name: `vote(topicId: ${label})`,
    run: async () => {
      const body = await asAlice(`mutation($id: ID!) { vote(topicId: $id) { __typename } }`, { id: id() });
      expect(body.data.vote.__typename).toBe("NotFoundError");
    },
  });
  cases.push({
    name: `addComment(topicId: ${label})`,
    run: async () => {
      const body = await asAlice(`mutation($id: ID!) { addComment(topicId: $id, body: "Привет") { __typename } }`, { id: id() });
      expect(body.data.addComment.__typename).toBe("NotFoundError");
    },
  });
  add(`deleteComment(commentId: ${label})`, async () => {
    const body = await asAlice(`mutation($id: ID!) { deleteComment(commentId: $id) { __typename } }`, { id: id() });
    expect(body.data.deleteComment.__typename).toBe("NotFoundError");
  });
  add(`cancelBooking(bookingId: ${label})`, async () => {
    const body = await asAlice(`mutation($id: ID!) { cancelBooking(bookingId: $id) { __typename } }`, { id: id() });
    expect(body.data.cancelBooking.__typename).toBe("NotFoundError");
  });
  add(`booking(id: ${label})`, async () => {
    const body = await asAlice(`query($id: ID!) { booking(id: $id) { id } }`, { id: id() });
    expect(body).toEqual({ data: { booking: null } });
  });
  const legitimate = label === "a user's id" || label === "a session's id";
  const missing = label === "a random uuid";
  cases.push({
    name: `node(id: ${label})`,
    run: async () => {
      const body = await asAlice(`query($id: ID!) { node(id: $id) { id } }`, { id: id() });
      if (legitimate) return expect(body).toEqual({ data: { node: { id: id() } } }); // public nodes, no secrets
      expect(body.data.node).toBeNull();
      if (missing) return expect(body.errors).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].message).toMatch(MALFORMED_GLOBAL_ID);
    },
  });
}
const badEnums: Array<[string, string, Record<string, unknown>]> = [
  ["orderBy inline", `query { topics(orderBy: HACK) { totalCount } }`, {}],
  ["orderBy variable", `query($o: TopicOrder) { topics(orderBy: $o) { totalCount } }`, { o: "DROP TABLE" }],
  ["lower-case enum", `query($o: TopicOrder) { topics(orderBy: $o) { totalCount } }`, { o: "votes" }],
  ["enum as a number", `query($o: TopicOrder) { topics(orderBy: $o) { totalCount } }`, { o: 1 }],
  ["block", `mutation($i: SuggestTopicInput!) { suggestTopic(input: $i) { __typename } }`, { i: { title: "Тема номер пять", description: "Описание темы длиной", block: "EVIL", format: "TRAINING" } }],
  ["format", `mutation($i: SuggestTopicInput!) { suggestTopic(input: $i) { __typename } }`, { i: { title: "Тема номер пять", description: "Описание темы длиной", block: "SERVICE_DELIVERY", format: "<script>" } }],
  ["an extra input field", `mutation($i: SuggestTopicInput!) { suggestTopic(input: $i) { __typename } }`, { i: { title: "Тема номер пять", description: "Описание темы длиной", block: "SERVICE_DELIVERY", format: "TRAINING", status: "DONE" } }],
  ["a missing input field", `mutation($i: SuggestTopicInput!) { suggestTopic(input: $i) { __typename } }`, { i: { title: "Тема номер пять", block: "SERVICE_DELIVERY", format: "TRAINING" } }],
  ["a list for a string", `mutation($i: SuggestTopicInput!) { suggestTopic(input: $i) { __typename } }`, { i: { title: ["a"], description: "Описание темы длиной", block: "SERVICE_DELIVERY", format: "TRAINING" } }],
  ["an object for an id", `mutation($id: ID!) { vote(topicId: $id) { __typename } }`, { id: { $ne: null } }],
  ["Int overflow", `query($n: Int) { topics(first: $n) { totalCount } }`, { n: 2 ** 40 }],
];
for (const [label, query, variables] of badEnums) {
  add(`bad input type: ${label}`, async () => {
    const response = await postGraphQL(api.graphqlUrl, query, variables, { cookie: alice.cookie! });
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    const [error] = response.body.errors;
    if (Object.keys(variables).length === 0) return expect(error.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(response.status).toBe(400);
    expect(error.message).toMatch(/^Variable "\$\w+" got invalid value/);
  });
}
for (const first of [-1]) {
  add(`topics(first: ${first})`, async () => {
    const body = await asAlice(`query($n: Int) { topics(first: $n) { totalCount } }`, { n: first });
    expect(body.data?.topics ?? null).toBeNull();
    expect(codes(body).length).toBeGreaterThan(0);
  });
}

// ── Injection strings in every text input ───────────────────────────────────────────────────────
const injections = [
  `'; DROP TABLE "Topic"; --`,
  `" OR 1=1 --`,
  `1' OR '1'='1' /*`,
  `'); DELETE FROM "User" WHERE ('1'='1`,
  `\\'; SELECT pg_sleep(10); --`,
  `%' AND 1=(SELECT COUNT(*) FROM "User") AND '%'='`,
  `<script>alert("xss")</script>`,
  `<img src=x onerror=alert(1)>`,
  `"><svg/onload=alert(document.cookie)>`,
  `javascript:alert(1)//`,
  `{{constructor.constructor('alert(1)')()}}`,
  `</textarea><iframe src="https://evil.example">`,
];
/** payload → the global id of the topic that carries it (for the rendering check). */
const injectedTopics = new Map<string, string>();
const SUGGEST = `mutation($i: SuggestTopicInput!) { suggestTopic(input: $i) { __typename ... on MutationSuggestTopicSuccess { data { id title description audience } } } }`;
for (const [index, payload] of injections.entries()) {
  add(`suggestTopic stores injection #${index} verbatim`, async () => {
    const input = { title: `Тема ${index} ${payload}`.slice(0, 120), description: `Описание: ${payload}`, audience: payload, block: "SERVICE_DELIVERY", format: "TRAINING" };
    const body = await asAlice(SUGGEST, { i: input });
    expect(body.data.suggestTopic.__typename).toBe("MutationSuggestTopicSuccess");
    injectedTopics.set(payload, body.data.suggestTopic.data.id);
    const stored = await db.prisma.topic.findFirstOrThrow({ where: { title: input.title.trim() } });
    expect({ title: stored.title, description: stored.description, audience: stored.audience }).toEqual({
      title: input.title.trim(),
      description: input.description.trim(),
      audience: input.audience.trim(),
    });
  }, "text");
  add(`addComment stores injection #${index} verbatim`, async () => {
    const body = await asAlice(`mutation($id: ID!, $b: String!) { addComment(topicId: $id, body: $b) { __typename } }`, { id: ids.topic, b: payload });
    expect(body.data.addComment.__typename).toBe("MutationAddCommentSuccess");
    expect(await db.prisma.comment.count({ where: { body: payload.trim() } })).toBeGreaterThanOrEqual(1);
  }, "text");
  add(`topics(filter: { search }) with injection #${index}`, async () => {
    const body = await asAlice(`query($s: String) { topics(first: 5, filter: { search: $s }) { totalCount edges { node { title } } } }`, { s: payload });
    expect(body.errors).toBeUndefined();
    for (const edge of body.data.topics.edges) expect(edge.node.title.toLowerCase()).toContain(payload.toLowerCase().trim());
  });
  add(`similarTopics(title) with injection #${index}`, async () => {
    const body = await asAlice(`query($t: String!) { similarTopics(title: $t) { __typename } }`, { t: payload });
    expect(body.errors).toBeUndefined();
    expect(body.data.similarTopics.__typename).toBeTruthy();
  });
}
for (const [field, length] of [["title", 121], ["title", 100_000], ["description", 2001], ["audience", 5000]] as const) {
  add(`suggestTopic ${field} of ${length} characters`, async () => {
    const input: Record<string, string> = { title: "Нормальная тема", description: "Нормальное описание темы", block: "SERVICE_DELIVERY", format: "TRAINING" };
    input[field] = "ы".repeat(length);
    const body = await asAlice(SUGGEST.replace("data { id title description audience } }", "data { id } } ... on ValidationError { fieldErrors { path } }"), { i: input });
    expect(body.data.suggestTopic.__typename).toBe("ValidationError");
    expect(body.data.suggestTopic.fieldErrors.map((error: { path: string[] }) => error.path.at(-1))).toContain(field);
  });
}
for (const length of [2001, 60_000]) {
  add(`addComment body of ${length} characters`, async () => {
    const body = await asAlice(`mutation($id: ID!, $b: String!) { addComment(topicId: $id, body: $b) { __typename } }`, { id: ids.topic, b: "ж".repeat(length) });
    expect(body.data.addComment.__typename).toBe("ValidationError");
  });
}
add("a NUL in a comment body", async () => {
  const body = await asAlice(`mutation($id: ID!, $b: String!) { addComment(topicId: $id, body: $b) { __typename ... on ValidationError { fieldErrors { path } } } }`, { id: ids.topic, b: "до\u0000после" });
  expect(body.data.addComment).toEqual({ __typename: "ValidationError", fieldErrors: [{ path: ["body"] }] });
});
cases.push({
  name: "a NUL in a suggested title (inline literal)",
  run: async () => {
    const body = await asAlice(`mutation { suggestTopic(input: { title: "Тема \\u0000 с нулём", description: "Описание темы длиной", block: SERVICE_DELIVERY, format: TRAINING }) { __typename ... on ValidationError { fieldErrors { path } } } }`);
    expect(body.data.suggestTopic.__typename).toBe("ValidationError");
    expect(body.data.suggestTopic.fieldErrors.map((error: { path: string[] }) => error.path.at(-1))).toEqual(["title"]);
  },
});
for (const [label, run] of [
  ["variable", () => asAlice(`query($s: String) { topics(first: 1, filter: { search: $s }) { totalCount } }`, { s: "a\u0000b" })],
  ["inline literal", () => asAlice(`query { topics(first: 1, filter: { search: "a\\u0000b" }) { totalCount } }`)],
] as const) {
  cases.push({
    name: `a NUL in a search (${label})`,
    run: async () => {
      const body = await run();
      expect(body.data?.topics ?? null).toBeNull();
      expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
    },
  });
}
add("search of 201 characters", async () => {
  const body = await asAlice(`query($s: String) { topics(first: 5, filter: { search: $s }) { totalCount } }`, { s: "z".repeat(201) });
  expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
  expect(body.errors[0].extensions.fieldErrors).toEqual([{ path: ["filter", "search"], message: expect.any(String) }]);
  expect(body.data?.topics ?? null).toBeNull();
});

// ── Other people's things ───────────────────────────────────────────────────────────────────────
add("deleting another user's comment", async () => {
  const body = await asAlice(`mutation($id: ID!) { deleteComment(commentId: $id) { __typename } }`, { id: ids.bobComment });
  expect(body.data.deleteComment.__typename).toBe("ForbiddenError");
});
add("cancelling another user's booking", async () => {
  const body = await asAlice(`mutation($id: ID!) { cancelBooking(bookingId: $id) { __typename } }`, { id: ids.bobBooking });
  expect(body.data.cancelBooking.__typename).toBe("NotFoundError");
});
add("reading another user's booking", async () => {
  const body = await asAlice(`query($id: ID!) { booking(id: $id) { id status } }`, { id: ids.bobBooking });
  expect(body.data?.booking ?? null).toBeNull();
});
add("reading another user's booking as a node", async () => {
  const body = await asAlice(`query($id: ID!) { node(id: $id) { id ... on Booking { status } } }`, { id: ids.bobBooking });
  expect(body.data?.node ?? null).toBeNull();
});
add("reading another user's notification as a node", async () => {
  const body = await asAlice(`query($id: ID!) { node(id: $id) { id ... on Notification { kind } } }`, { id: ids.bobNotification });
  expect(body.data?.node ?? null).toBeNull();
});
add("marking another user's notification read", async () => {
  const body = await asAlice(`mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }`, { ids: [ids.bobNotification] });
  expect(body.data?.markNotificationsRead ?? []).toEqual([]);
  const notification = await db.prisma.notification.findFirstOrThrow({ where: { userId: ids.bobUserRaw } });
  expect(notification.readAt).toBeNull();
});
add("reading another user's notifications list", async () => {
  const body = await asAlice(`query($id: ID!) { node(id: $id) { ... on User { notifications(first: 5) { totalCount } } } }`, { id: ids.bobUser });
  expect(codes(body)).toContain("FORBIDDEN");
});
add("reading another user's availability", async () => {
  const body = await asAlice(`query($id: ID!) { node(id: $id) { ... on User { availability { weekday } } } }`, { id: ids.bobUser });
  expect(codes(body)).toContain("FORBIDDEN");
});
add("editing a topic as staff", async () => {
  const body = await asAlice(`mutation($id: ID!) { editTopic(topicId: $id, input: { title: "Угнанная тема" }) { __typename } }`, { id: ids.topic });
  expect(codes(body)).toEqual(["FORBIDDEN"]);
});
add("rejecting a topic as staff", async () => {
  const body = await asAlice(`mutation($id: ID!) { rejectTopic(topicId: $id, reason: "спам спам спам") { __typename } }`, { id: ids.topic });
  expect(codes(body)).toEqual(["FORBIDDEN"]);
});
add("creating a site as staff", async () => {
  const body = await asAlice(`mutation { createSite(input: { code: "x1", name: "Взлом", address: "нигде", opensMinute: 480, closesMinute: 1200 }) { __typename } }`);
  expect(codes(body)).toEqual(["FORBIDDEN"]);
});
add("starting a planning run as staff", async () => {
  const body = await asAlice(`mutation { startPlanningRun(input: { from: "2026-12-01", to: "2026-12-31" }) { __typename } }`);
  expect(codes(body).length).toBeGreaterThan(0);
  expect(codes(body).every((code) => code === "FORBIDDEN" || code === "GRAPHQL_VALIDATION_FAILED")).toBe(true);
});

// ── Forged, tampered and revoked sessions ───────────────────────────────────────────────────────
const forgedCookies: Array<[string, () => string]> = [
  ["a random value", () => `${SESSION_COOKIE}=${randomUUID()}`],
  ["a tampered signature", () => alice.cookie!.slice(0, -2) + (alice.cookie!.endsWith("A") ? "BB" : "AA")],
  ["a tampered payload", () => alice.cookie!.replace(/=(.)/, (_m, c: string) => `=${c === "a" ? "b" : "a"}`)],
  ["a truncated value", () => alice.cookie!.slice(0, Math.floor(alice.cookie!.length / 2))],
  ["an empty value", () => `${SESSION_COOKIE}=`],
  ["SQL in the cookie", () => `${SESSION_COOKIE}=' OR 1=1 --`],
  ["8 kB of garbage", () => `${SESSION_COOKIE}=${"A".repeat(8000)}`],
  ["a revoked session (signed out)", () => revokedCookie],
  ["an expired session", () => expiredCookie],
  ["JSON claiming admin", () => `${SESSION_COOKIE}=${encodeURIComponent(JSON.stringify({ userId: "admin", role: "ADMIN" }))}`],
  ["a base64 user id", () => `${SESSION_COOKIE}=${b64(ids.aliceUser)}`],
];
for (const [label, cookie] of forgedCookies) {
  add(`forged cookie over HTTP: ${label}`, async () => {
    const response = await postGraphQL(api.graphqlUrl, `query { me { id } }`, undefined, { cookie: cookie() });
    expect(response.status).toBeLessThan(500);
    expect(codes(response.body)).toEqual(["UNAUTHENTICATED"]);
  });
  add(`forged cookie over WebSocket: ${label}`, async () => {
    const socket = wsClient(api.graphqlUrl, { cookie: cookie() });
    try {
      const result = await wsOnce(socket, `query { me { id } }`);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].extensions.close).toBe(4403);
    } finally {
      await socket.dispose();
    }
  });
}

// ── WebSocket frames ────────────────────────────────────────────────────────────────────────────
const subscribeFrame = (id: string) => ({ id, type: "subscribe", payload: { query: `subscription { topicVoteChanged { id } }` } });
const frames: Array<[string, Array<unknown>, number, boolean]> = [
  // name, frames sent (after connection_init when the flag says so), expected close code, init first
  ["subscribe before connection_init", [subscribeFrame("1")], 4401, false],
  ["invalid JSON before init", ["{not json"], 4400, false],
  ["invalid JSON after init", ["{not json"], 4400, true],
  ["an unknown message type", [{ type: "hack" }], 4400, true],
  ["a message without type", [{ id: "1" }], 4400, true],
  ["subscribe without id", [{ type: "subscribe", payload: { query: "{ me { id } }" } }], 4400, true],
  ["subscribe without payload", [{ id: "1", type: "subscribe" }], 4400, true],
  ["subscribe with a numeric query", [{ id: "1", type: "subscribe", payload: { query: 42 } }], 4400, true],
  ["a duplicate subscription id", [subscribeFrame("dup"), subscribeFrame("dup")], 4409, true],
  ["connection_init twice", [{ type: "connection_init" }], 4429, true],
  ["a binary frame", [Buffer.from([0xde, 0xad, 0xbe, 0xef])], 4400, true],
  ["a JSON array", [[{ type: "connection_init" }]], 4400, false],
  ["a frame over the size limit", [JSON.stringify({ id: "1", type: "subscribe", payload: { query: `{ me { id } }`, variables: { pad: "x".repeat(300_000) } } })], 1009, true],
];
for (const [label, sent, closeCode, initFirst] of frames) {
  add(`WebSocket: ${label}`, async () => {
    const socket = await rawSocket(api.graphqlUrl, { cookie: alice.cookie! });
    if (initFirst) {
      socket.send({ type: "connection_init" });
      await socket.message((message) => message?.type === "connection_ack");
    }
    for (const frame of sent) socket.send(frame);
    expect((await socket.closed).code).toBe(closeCode);
  });
}
add("WebSocket: a subscription to a non-existent field gets an error message, the socket stays", async () => {
  const socket = await rawSocket(api.graphqlUrl, { cookie: alice.cookie! });
  socket.send({ type: "connection_init" });
  await socket.message((message) => message?.type === "connection_ack");
  socket.send({ id: "x", type: "subscribe", payload: { query: `subscription { stealEverything }` } });
  const error = await socket.message((message) => message?.type === "error");
  expect(error.payload[0].message).toMatch(/Cannot query field/);
  socket.send({ type: "ping" });
  await socket.message((message) => message?.type === "pong");
  socket.socket.close();
});
add("WebSocket: a mutation over the socket is still authorised", async () => {
  const socket = wsClient(api.graphqlUrl, { cookie: alice.cookie! });
  try {
    const result = await wsOnce(socket, `mutation { createSite(input: { code: "x2", name: "Взлом", address: "нигде", opensMinute: 480, closesMinute: 1200 }) { __typename } }`);
    expect(codes(result)).toEqual(["FORBIDDEN"]);
  } finally {
    await socket.dispose();
  }
});

/** React's text escaping. */
const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

// ── The harness ─────────────────────────────────────────────────────────────────────────────────
let tables: string[] = [];
async function rowCounts() {
  const rows = await db.sql.query<{ name: string; count: string }>(
    tables.map((table) => `SELECT '${table}' AS name, count(*) AS count FROM "${table}"`).join(" UNION ALL "),
  );
  return Object.fromEntries(rows.rows.map((row) => [row.name, Number(row.count)]));
}

let background: { stop: () => Promise<{ ok: number; failed: string[] }> };
/** A normal user browsing and voting throughout the battery. */
function startBystander() {
  let running = true;
  let ok = 0;
  const failed: string[] = [];
  const loop = (async () => {
    while (running) {
      const result = await bystander.request(`query { me { id } topics(first: 10) { totalCount edges { node { id title voteCount } } } }`);
      if (result.errors || !result.data?.me.id) failed.push(JSON.stringify(result));
      else ok++;
    }
  })();
  return { stop: async () => ((running = false), await loop, { ok, failed }) };
}

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApiServer(db, { yoga: { production: true } });
  const [aliceUser, bobUser, bystanderUser] = await createUsers(db.prisma, 3, { prefix: "hostile" });
  [alice, bob, bystander] = await Promise.all([aliceUser, bobUser, bystanderUser].map((user) => new ApiClient(api).signIn(user.email, TEST_PASSWORD)));
  const revoked = await new ApiClient(api).signIn(aliceUser.email, TEST_PASSWORD);
  revokedCookie = revoked.cookie!;
  await revoked.request(`mutation { signOut }`);
  // A session past its absolute expiry (its cookie still carries a valid signature).
  const [expiring] = await createUsers(db.prisma, 1, { prefix: "expired" });
  expiredCookie = (await new ApiClient(api).signIn(expiring.email, TEST_PASSWORD)).cookie!;
  await db.prisma.userSession.updateMany({ where: { userId: expiring.id }, data: { expiresAt: new Date(Date.now() - 86_400_000) } });

  const topic = await createTopic(db.prisma, "Тема под атакой");
  ids.topic = globalId("Topic", topic.id);
  ids.bobUser = globalId("User", bobUser.id);
  ids.aliceUser = globalId("User", aliceUser.id);
  ids.bobUserRaw = bobUser.id;
  const session = await createSession(db.prisma, { topicId: topic.id, place: await createPlace(db.prisma) });
  ids.session = session.id;
  const booked = await bob.request(BOOK, { id: globalId("TrainingSession", session.id) });
  ids.bobBooking = booked.data.bookSession.data.id;
  const comment = await bob.request(`mutation($id: ID!) { addComment(topicId: $id, body: "Комментарий Боба") { ... on MutationAddCommentSuccess { data { id } } } }`, { id: ids.topic });
  ids.bobComment = comment.data.addComment.data.id;
  const notification = await db.prisma.notification.create({ data: { userId: bobUser.id, kind: "TOPIC_STATUS_CHANGED", topicId: topic.id } });
  ids.bobNotification = globalId("Notification", notification.id);

  const found = await db.sql.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_%'`);
  tables = found.rows.map((row) => row.tablename);
  background = startBystander();
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

describe("hostile input", () => {
  it("is a battery of at least 200 requests", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  const check = async (hostile: Case) => {
    const before = await rowCounts();
    await hostile.run();
    const after = await rowCounts();
    if (hostile.writes === "text") {
      // Stored text is the point of these cases; nothing else may change.
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      expect(changed.every((table) => table === "Topic" || table === "Comment" || table === "ModerationAction" || table === "Vote")).toBe(true);
    } else {
      expect(after).toEqual(before);
    }
    // The attacker's own session still works: refusals do not break the server for anyone.
    expect((await alice.request(`query { me { id } }`)).data?.me.id).toBeTruthy();
  };
  it.each(cases.map((hostile) => [hostile.name, hostile] as const))("%s", (_name, hostile) => check(hostile));

  it("renders stored markup as text on the topic page and its discussion (escaped, never as tags)", async () => {
    const pages = await startPageServer(db);
    try {
      const markup = injections.filter((payload) => payload.includes("<"));
      expect(markup.length).toBeGreaterThan(3);
      for (const payload of markup) {
        const path = topicPath(injectedTopics.get(payload)!);
        const page = await pages.html(path, alice.cookie!);
        const discussion = await pages.html(`${path}/comments`, alice.cookie!);
        expect([page.status, discussion.status], payload).toEqual([200, 200]);
        for (const html of [page.text, discussion.text]) expect(html, payload).not.toContain(payload);
        expect(page.text, payload).toContain(escapeHtml(`Описание: ${payload}`));
      }
    } finally {
      await pages.close();
    }
  });

  it("kept serving a normal client throughout", async () => {
    const { ok, failed } = await background.stop();
    expect(failed).toEqual([]);
    expect(ok).toBeGreaterThan(cases.length / 4);
  });
});
