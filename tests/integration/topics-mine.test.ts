import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

let db: TestDatabase;
let server: ApiServer;
let alice: ApiClient;
let bob: ApiClient;
let aliceId: string;
let titles: string[];

const MINE = /* GraphQL */ `
  query($first: Int, $after: String) {
    me {
      votedTopics(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title viewerHasVoted } } }
      suggestedTopics(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title author { name } } } }
    }
  }
`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  const users = await createUsers(db.prisma, 2, { prefix: "mine" });
  aliceId = users[0].id;
  titles = ["Первая тема Алисы", "Вторая тема Алисы", "Третья тема Алисы", "Тема Боба", "Ещё одна тема Боба"];
  const topics = [
    ...(await createTopics(db.prisma, users[0].id, titles.slice(0, 3))),
    ...(await createTopics(db.prisma, users[1].id, titles.slice(3))),
  ];
  // Alice votes for topics 4, 0, 3 in that order (an hour apart).
  for (const [hour, index] of [4, 0, 3].entries()) {
    await db.prisma.vote.create({ data: { userId: users[0].id, topicId: topics[index].id, createdAt: new Date(Date.UTC(2026, 10, 20, hour)) } });
  }
  await db.prisma.vote.create({ data: { userId: users[1].id, topicId: topics[1].id } });
  alice = await new ApiClient(server).signIn(users[0].email, TEST_PASSWORD);
  bob = await new ApiClient(server).signIn(users[1].email, TEST_PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const nodes = (connection: any) => connection.edges.map((edge: any) => edge.node.title);

describe("my votes and my suggestions", () => {
  it("lists the viewer's votes by most recent vote and suggestions newest first", async () => {
    const result = await alice.request(MINE, {});
    expect(result.errors).toBeUndefined();
    expect(nodes(result.data.me.votedTopics)).toEqual([titles[3], titles[0], titles[4]]);
    expect(result.data.me.votedTopics.totalCount).toBe(3);
    expect(result.data.me.votedTopics.edges.every((edge: any) => edge.node.viewerHasVoted)).toBe(true);
    expect(nodes(result.data.me.suggestedTopics)).toEqual([titles[2], titles[1], titles[0]]);
    expect(result.data.me.suggestedTopics.totalCount).toBe(3);
  });

  it("pages with relay cursors", async () => {
    const first = await alice.request(MINE, { first: 2 });
    expect(first.data.me.votedTopics.pageInfo.hasNextPage).toBe(true);
    const rest = await alice.request(MINE, { first: 2, after: first.data.me.votedTopics.pageInfo.endCursor });
    expect(nodes(rest.data.me.votedTopics)).toEqual([titles[4]]);
    expect(rest.data.me.votedTopics.pageInfo.hasNextPage).toBe(false);
  });

  it("shows each viewer their own; another user's votes are private, their suggestions are not", async () => {
    const mine = await bob.request(MINE, {});
    expect(nodes(mine.data.me.votedTopics)).toEqual([titles[1]]);
    expect(nodes(mine.data.me.suggestedTopics)).toEqual([titles[4], titles[3]]);
    const id = Buffer.from(`User:${aliceId}`).toString("base64");
    const peek = await bob.request("query($id: ID!) { node(id: $id) { ... on User { votedTopics { totalCount } suggestedTopics { totalCount } } } }", { id });
    expect(peek.data.node).toEqual({ votedTopics: null, suggestedTopics: { totalCount: 3 } });
    expect(peek.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
  });
});
