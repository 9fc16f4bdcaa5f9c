import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../prisma/generated/client";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

// Every SQL statement the API sends is counted through Prisma's query log.
let db: TestDatabase;
let logged: PrismaClient<"query">;
let server: ApiServer;
let client: ApiClient;
let statements: string[] = [];

const LIST = /* GraphQL */ `
  query($first: Int, $orderBy: TopicOrder) {
    topics(first: $first, orderBy: $orderBy) {
      totalCount
      edges { node { id title voteCount viewerHasVoted votesLast7Days viewerVoteWindows { weekday } author { name } } }
    }
  }
`;
const MINE = /* GraphQL */ `
  query($first: Int) {
    me {
      votedTopics(first: $first) { edges { node { title voteCount viewerHasVoted votesLast7Days author { name } } } }
      suggestedTopics(first: $first) { edges { node { title voteCount viewerHasVoted votesLast7Days author { name } } } }
    }
  }
`;

beforeAll(async () => {
  db = await createTestDatabase();
  logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }), log: [{ emit: "event" as const, level: "query" as const }] });
  logged.$on("query", (event) => statements.push(event.query));
  server = await startApiServer({ prisma: logged, sql: db.sql }, { viewerCache: { ttlMs: 0 } });
  const users = await createUsers(db.prisma, 8, { prefix: "nplus" });
  const authors = await createUsers(db.prisma, 5, { prefix: "nplus-author" });
  const topics = [];
  for (let i = 0; i < 60; i++) topics.push(...(await createTopics(db.prisma, authors[i % authors.length].id, [`Тема номер ${i}`])));
  const votes = topics.flatMap((topic, i) =>
    users.slice(0, 1 + (i % users.length)).map((user, j) => ({ topicId: topic.id, userId: user.id, createdAt: new Date(Date.now() - (i + j) * 36e5 * 6) })),
  );
  await db.prisma.vote.createMany({ data: votes });
  await db.prisma.$executeRaw`UPDATE "Topic" t SET "voteCount" = (SELECT count(*) FROM "Vote" v WHERE v."topicId" = t."id")`;
  const first = await db.prisma.vote.findFirstOrThrow({ where: { userId: users[0].id } });
  await db.prisma.voteWindow.create({ data: { voteId: first.id, weekday: 2, startMinute: 480, endMinute: 600, strength: "PREFERRED" } });
  client = await new ApiClient(server).signIn(users[0].email, TEST_PASSWORD);
  // Sign-in tidies up after its answer (fire-and-forget) and the first request loads the viewer:
  // neither may land in a measured window.
  await client.request(LIST, { first: 1, orderBy: "VOTES" });
  await new Promise((resolve) => setTimeout(resolve, 250));
});

afterAll(async () => {
  await server?.close();
  await logged?.$disconnect();
  await db?.drop();
});

async function countStatements(query: string, variables: Record<string, unknown>) {
  statements = [];
  const result = await client.request(query, variables);
  expect(result.errors).toBeUndefined();
  if (process.env.SHOW_SQL) console.log(statements.length, statements.map((s) => s.slice(0, 160)).join("\n"));
  return { count: statements.length, result };
}

describe("no N+1 queries", () => {
  for (const orderBy of ["VOTES", "NEWEST", "TRENDING"]) {
    it(`lists 50 topics with counts, the viewer's votes and authors in a bounded number of statements (${orderBy})`, async () => {
      const small = await countStatements(LIST, { first: 10, orderBy });
      const large = await countStatements(LIST, { first: 50, orderBy });
      expect(large.result.data.topics.edges).toHaveLength(50);
      expect(large.result.data.topics.edges.filter((edge: any) => edge.node.viewerHasVoted).length).toBeGreaterThan(0);
      expect(large.count).toBe(small.count);
      // Viewer, page (with counts, votes and authors joined or batched), total, and for TRENDING
      // the matching ids and their order.
      expect(large.count).toBeLessThanOrEqual(orderBy === "TRENDING" ? 8 : 6);
    });
  }

  it("lists my votes and suggestions in a bounded number of statements", async () => {
    const small = await countStatements(MINE, { first: 2 });
    const large = await countStatements(MINE, { first: 50 });
    expect(large.result.data.me.votedTopics.edges.length).toBeGreaterThan(2);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(10);
  });
});
