import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "../../prisma/generated/enums";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";
import { gid } from "./moderation-helpers";

let db: TestDatabase;
let server: ApiServer;
let authorId: string;
const clients = new Map<Role | "anonymous", ApiClient>();

type Case = {
  name: string;
  /** Puts fresh topics in the state the mutation needs; returns the variables. */
  prepare: () => Promise<Record<string, string>>;
  query: string;
};

async function topicsIn(status: "NEW" | "OPEN" | "REJECTED", count = 1) {
  const titles = Array.from({ length: count }, (_, index) => `Тема ${status} ${Math.random().toString(36).slice(2, 8)} ${index}`);
  const topics = await createTopics(db.prisma, authorId, titles);
  await db.prisma.topic.updateMany({ where: { id: { in: topics.map((t) => t.id) } }, data: { status } });
  return topics.map((topic) => gid("Topic", topic.id));
}

const CASES: Case[] = [
  {
    name: "setTopicStatus",
    prepare: async () => ({ id: (await topicsIn("NEW"))[0] }),
    query: `mutation($id: ID!) { setTopicStatus(topicId: $id, status: OPEN) { __typename } }`,
  },
  {
    name: "rejectTopic",
    prepare: async () => ({ id: (await topicsIn("OPEN"))[0] }),
    query: `mutation($id: ID!) { rejectTopic(topicId: $id, reason: "Дубликат курса") { __typename } }`,
  },
  {
    name: "reopenTopic",
    prepare: async () => ({ id: (await topicsIn("REJECTED"))[0] }),
    query: `mutation($id: ID!) { reopenTopic(topicId: $id) { __typename } }`,
  },
  {
    name: "editTopic",
    prepare: async () => ({ id: (await topicsIn("OPEN"))[0] }),
    query: `mutation($id: ID!) { editTopic(topicId: $id, input: { title: "Новое название темы" }) { __typename } }`,
  },
  {
    name: "mergeTopics",
    prepare: async () => {
      const [source, target] = await topicsIn("OPEN", 2);
      return { source, target };
    },
    query: `mutation($source: ID!, $target: ID!) { mergeTopics(sourceId: $source, targetId: $target) { __typename } }`,
  },
];

const EXPECTED: Record<Role | "anonymous", "UNAUTHENTICATED" | "FORBIDDEN" | "ok"> = {
  anonymous: "UNAUTHENTICATED",
  STAFF: "FORBIDDEN",
  TRAINER: "FORBIDDEN",
  MANAGER: "ok",
  ADMIN: "ok",
};

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  clients.set("anonymous", new ApiClient(server));
  for (const role of ["STAFF", "TRAINER", "MANAGER", "ADMIN"] as const) {
    const [user] = await createUsers(db.prisma, 1, { role, prefix: role.toLowerCase() });
    if (role === "STAFF") authorId = user.id;
    clients.set(role, await new ApiClient(server).signIn(user.email, TEST_PASSWORD));
  }
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

async function snapshot() {
  const [topics, actions, notifications, votes] = await Promise.all([
    db.prisma.topic.findMany({ orderBy: { id: "asc" } }),
    db.prisma.moderationAction.count(),
    db.prisma.notification.count(),
    db.prisma.vote.count(),
  ]);
  return { topics, actions, notifications, votes };
}

describe("moderation mutations × roles", () => {
  for (const testCase of CASES) {
    for (const [role, expected] of Object.entries(EXPECTED) as Array<[Role | "anonymous", string]>) {
      it(`${testCase.name} as ${role}: ${expected}`, async () => {
        const variables = await testCase.prepare();
        const before = await snapshot();
        const result = await clients.get(role)!.request(testCase.query, variables);
        if (expected === "ok") {
          expect(result.errors).toBeUndefined();
          expect(result.data[testCase.name].__typename).toBe(`Mutation${testCase.name[0].toUpperCase()}${testCase.name.slice(1)}Success`);
          expect(await db.prisma.moderationAction.count()).toBeGreaterThan(before.actions);
        } else {
          expect(result.errors?.[0].extensions?.code).toBe(expected);
          expect(result.data?.[testCase.name] ?? null).toBeNull();
          expect(await snapshot()).toEqual(before); // nothing written
        }
      });
    }
  }

  it("staff get FORBIDDEN, not validation details, even with invalid input", async () => {
    const [id] = await topicsIn("OPEN");
    const result = await clients.get("STAFF")!.request(`mutation($id: ID!) { rejectTopic(topicId: $id, reason: "") { __typename } }`, { id });
    expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("signed-in only", () => {
  it("anonymous callers cannot comment, read notifications or the moderation log", async () => {
    const [id] = await topicsIn("OPEN");
    const anonymous = clients.get("anonymous")!;
    for (const [query, variables] of [
      [`mutation($id: ID!) { addComment(topicId: $id, body: "привет") { __typename } }`, { id }],
      [`query($id: ID!) { topic(id: $id) { moderationLog { kind } } }`, { id }],
      [`mutation { markAllNotificationsRead { id } }`, {}],
    ] as const) {
      const result = await anonymous.request(query, variables);
      expect(result.errors?.[0].extensions?.code, query).toBe("UNAUTHENTICATED");
    }
    expect(await db.prisma.comment.count()).toBe(0);
  });

  it("anonymous WebSocket connections are refused (4403), so no subscription runs", async () => {
    // graphql-ws reports a refused eager connection on console.error; expected here.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const socket = clients.get("anonymous")!.subscriptions();
    const closed = new Promise<number>((resolve) => socket.on("closed", (event) => resolve((event as { code: number }).code)));
    const outcome = await new Promise<string>((resolve) => {
      socket.subscribe({ query: "subscription { notificationAdded { id } }" }, {
        next: () => resolve("event"),
        error: () => resolve("refused"),
        complete: () => resolve("complete"),
      });
    });
    expect(outcome).toBe("refused");
    expect(await closed).toBe(4403);
    await socket.dispose();
    quiet.mockRestore();
  });
});
