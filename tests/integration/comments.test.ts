import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";
import { gid, subscribe } from "./moderation-helpers";

let db: TestDatabase;
let server: ApiServer;
let author: ApiClient;
let other: ApiClient;
let third: ApiClient;
let manager: ApiClient;
let topicGid: string;
let topicId: string;
const sockets: Client[] = [];

const ADD = /* GraphQL */ `
  mutation($id: ID!, $body: String!) {
    addComment(topicId: $id, body: $body) {
      __typename
      ... on MutationAddCommentSuccess { data { id body author { name } viewerCanDelete } }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { message }
      ... on ConflictError { code }
    }
  }`;
const DELETE = /* GraphQL */ `
  mutation($id: ID!) { deleteComment(commentId: $id) { __typename ... on Error { message } } }`;
const LIST = /* GraphQL */ `
  query($id: ID!, $after: String) { topic(id: $id) { comments(first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { body } }
  } } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  const users = await createUsers(db.prisma, 3, { prefix: "commenter" });
  const [boss] = await createUsers(db.prisma, 1, { role: "MANAGER", prefix: "boss" });
  const [topic] = await createTopics(db.prisma, users[0].id, ["Тема для обсуждения"]);
  topicId = topic.id;
  topicGid = gid("Topic", topic.id);
  [author, other, third] = await Promise.all(users.map((user) => new ApiClient(server).signIn(user.email, TEST_PASSWORD)));
  manager = await new ApiClient(server).signIn(boss.email, TEST_PASSWORD);
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await server?.close();
  await db?.drop();
});

describe("comments", () => {
  it("enforces 1–2000 characters after trimming and writes nothing on bad input", async () => {
    for (const body of ["", "   \n\t ", "я".repeat(2001), "a\u0000b"]) {
      const result = await other.request(ADD, { id: topicGid, body });
      expect(result.data.addComment.__typename, JSON.stringify(body.slice(0, 10))).toBe("ValidationError");
      expect(result.data.addComment.fieldErrors[0].path).toEqual(["body"]);
    }
    const longest = await other.request(ADD, { id: topicGid, body: ` ${"я".repeat(2000)} ` });
    expect(longest.data.addComment.data.body).toHaveLength(2000);
    await db.prisma.comment.deleteMany();
    await db.prisma.notification.deleteMany();
    for (const id of [gid("Topic", "nope"), gid("User", topicId), "%%%"]) {
      expect((await other.request(ADD, { id, body: "привет" })).data.addComment.__typename).toBe("NotFoundError");
    }
    expect(await db.prisma.comment.count()).toBe(0);
    expect(await db.prisma.notification.count()).toBe(0);
  });

  it("stores HTML as plain text, notifies the topic's author, and streams new comments live", async () => {
    const live = subscribe(sockets, third, `subscription($id: ID!) { commentAdded(topicId: $id) { body author { name } } }`, { id: topicGid });
    const authorInbox = subscribe(sockets, author, `subscription { notificationAdded { kind commentExcerpt comment { body } actor { name } } }`);
    await Promise.all([live.ready, authorInbox.ready]);

    const html = `<script>alert("x")</script><img src=x onerror=alert(1)> & «ёлки»`;
    const added = await other.request(ADD, { id: topicGid, body: `  ${html}\n` });
    expect(added.data.addComment.data).toMatchObject({ body: html, viewerCanDelete: true });
    expect((await db.prisma.comment.findFirstOrThrow()).body).toBe(html);

    const [event] = await live.next(1);
    expect(event.data.commentAdded).toEqual({ body: html, author: { name: "Тестовый Пользователь 1" } });
    const [notification] = await authorInbox.next(1);
    expect(notification.data.notificationAdded).toEqual({
      kind: "TOPIC_COMMENTED", commentExcerpt: html, comment: { body: html }, actor: { name: "Тестовый Пользователь 1" },
    });

    // The author commenting on their own topic is not notified.
    await author.request(ADD, { id: topicGid, body: "Спасибо!" });
    expect(await db.prisma.notification.count()).toBe(1);
  });

  it("lists comments oldest first with relay pagination", async () => {
    await other.request(ADD, { id: topicGid, body: "третий" });
    const first = (await third.request(LIST, { id: topicGid })).data.topic.comments;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((edge: any) => edge.node.body)).toEqual([expect.stringContaining("<script>"), "Спасибо!"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await third.request(LIST, { id: topicGid, after: first.pageInfo.endCursor })).data.topic.comments;
    expect(second.edges.map((edge: any) => edge.node.body)).toEqual(["третий"]);
  });

  it("lets the author or a manager delete a comment; a manager's deletion is in the moderation log", async () => {
    const comments = await db.prisma.comment.findMany({ orderBy: { createdAt: "asc" } });
    const [byOther, byAuthor] = comments;
    const deletions = subscribe(sockets, third, `subscription($id: ID!) { commentDeleted(topicId: $id) }`, { id: topicGid });
    await deletions.ready;
    expect((await third.request(DELETE, { id: gid("Comment", byOther.id) })).data.deleteComment.__typename).toBe("ForbiddenError");
    expect((await other.request(DELETE, { id: gid("Comment", byOther.id) })).data.deleteComment.__typename).toBe("MutationDeleteCommentSuccess");
    expect((await other.request(DELETE, { id: gid("Comment", byOther.id) })).data.deleteComment.__typename).toBe("NotFoundError");
    expect(await db.prisma.moderationAction.count()).toBe(0);
    expect((await manager.request(DELETE, { id: gid("Comment", byAuthor.id) })).data.deleteComment.__typename).toBe("MutationDeleteCommentSuccess");
    const [action] = await db.prisma.moderationAction.findMany();
    expect(action).toMatchObject({ kind: "EDIT", topicId, details: { deletedComment: { commentId: byAuthor.id, excerpt: "Спасибо!" } } });
    expect(await db.prisma.comment.count()).toBe(1);
    const deleted = await deletions.next(2);
    expect(deleted.map((event) => event.data.commentDeleted)).toEqual([gid("Comment", byOther.id), gid("Comment", byAuthor.id)]);
  });
});
