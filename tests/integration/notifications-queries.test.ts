import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../prisma/generated/client";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";
import { gid } from "./moderation-helpers";

// Counts every SQL statement through Prisma's query log: the notification list and a topic page's
// comments and moderation log must cost the same number of statements for 5 rows as for 40.
let db: TestDatabase;
let logged: PrismaClient<"query">;
let server: ApiServer;
let reader: ApiClient;
let topicGid: string;
let statements: string[] = [];

const INBOX = /* GraphQL */ `
  query($first: Int) { me { unreadNotificationCount notifications(first: $first) { totalCount edges { node {
    kind read fromStatus toStatus reason commentExcerpt topic { title voteCount } mergedInto { title } actor { name } comment { body }
  } } } } }`;
const PAGE = /* GraphQL */ `
  query($id: ID!, $first: Int) { topic(id: $id) {
    comments(first: $first) { totalCount edges { node { body author { name } viewerCanDelete } } }
    moderationLog { kind actor { name } changes { field } mergedFrom { title } mergedInto { title } }
    mergedFrom { title }
  } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }), log: [{ emit: "event" as const, level: "query" as const }] });
  logged.$on("query", (event) => statements.push(event.query));
  server = await startApiServer({ prisma: logged, sql: db.sql }, { viewerCache: { ttlMs: 0 } });
  const [user] = await createUsers(db.prisma, 1, { prefix: "inbox" });
  const managers = await createUsers(db.prisma, 5, { role: "MANAGER", prefix: "mgr" });
  const topics = await createTopics(db.prisma, user.id, Array.from({ length: 41 }, (_, i) => `Тема уведомлений ${i}`));
  const [kept, ...others] = topics;
  const notifications = others.map((topic, i) => {
    const actorId = managers[i % managers.length].id;
    if (i % 3 === 0) return { userId: user.id, topicId: topic.id, kind: "TOPIC_MERGED" as const, payload: { fromStatus: "OPEN", toStatus: "MERGED", mergedIntoId: kept.id, actorId } };
    if (i % 3 === 1) return { userId: user.id, topicId: topic.id, kind: "TOPIC_STATUS_CHANGED" as const, payload: { fromStatus: "OPEN", toStatus: "REJECTED", reason: "дубль", actorId } };
    return { userId: user.id, topicId: topic.id, kind: "TOPIC_COMMENTED" as const, payload: { excerpt: "…", actorId } };
  });
  await db.prisma.notification.createMany({ data: notifications });
  await db.prisma.comment.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({ topicId: kept.id, authorId: managers[i % managers.length].id, body: `комментарий ${i}` })),
  });
  await db.prisma.moderationAction.createMany({
    data: others.map((topic, i) => ({ topicId: kept.id, actorId: managers[i % managers.length].id, kind: "MERGE" as const, details: { mergedFromId: topic.id } })),
  });
  await db.prisma.topic.updateMany({ where: { id: { in: others.map((t) => t.id) } }, data: { status: "MERGED", mergedIntoId: kept.id } });
  topicGid = gid("Topic", kept.id);
  reader = await new ApiClient(server).signIn(user.email, TEST_PASSWORD);
  // Sign-in tidies up after its answer (fire-and-forget) and the first request loads the viewer:
  // neither may land in a measured window (as in n-plus-one.test.ts).
  await reader.request(INBOX, { first: 1 });
  await new Promise((resolve) => setTimeout(resolve, 250));
});

afterAll(async () => {
  await server?.close();
  await logged?.$disconnect();
  await db?.drop();
});

async function countStatements(query: string, variables: Record<string, unknown>) {
  statements = [];
  const result = await reader.request(query, variables);
  expect(result.errors).toBeUndefined();
  return { count: statements.length, result };
}

describe("no N+1 queries", () => {
  it("the notification list costs the same for 5 and for 40 notifications", async () => {
    const small = await countStatements(INBOX, { first: 5 });
    const large = await countStatements(INBOX, { first: 40 });
    expect(large.result.data.me.notifications.edges).toHaveLength(40);
    expect(large.result.data.me.notifications.edges.some((e: any) => e.node.mergedInto?.title === "Тема уведомлений 0")).toBe(true);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(10);
  });

  it("a topic page's comments and moderation log cost the same for 5 and for 40 rows", async () => {
    const small = await countStatements(PAGE, { id: topicGid, first: 5 });
    const large = await countStatements(PAGE, { id: topicGid, first: 40 });
    expect(large.result.data.topic.comments.edges).toHaveLength(40);
    expect(large.result.data.topic.moderationLog).toHaveLength(40);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(12);
  });
});
