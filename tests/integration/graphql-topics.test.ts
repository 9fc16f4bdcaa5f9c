import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

let db: TestDatabase;
let server: ApiServer;
let client: ApiClient;

const TOPICS = /* GraphQL */ `
  query Topics($first: Int, $after: String, $orderBy: TopicOrder, $filter: TopicFilter) {
    topics(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title voteCount viewerHasVoted block format status author { name } } }
    }
  }
`;

const SUGGEST = /* GraphQL */ `
  mutation Suggest($input: SuggestTopicInput!) {
    suggestTopic(input: $input) {
      __typename
      ... on MutationSuggestTopicSuccess { data { id title status voteCount author { name } } }
      ... on ValidationError { message fieldErrors { path message } }
    }
  }
`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  const users = await createUsers(db.prisma, 4, { prefix: "topics" });
  const topics = await createTopics(db.prisma, users[0].id, [
    "Конфликтные ситуации с заявителями",
    "Стресс-менеджмент для операторов",
    "Регламент выдачи паспортов",
    "Обслуживание маломобильных посетителей",
  ]);
  // Votes: topic 2 gets three, topic 0 one.
  for (const [topic, voters] of [[topics[2], users.slice(0, 3)], [topics[0], users.slice(3)]] as const) {
    for (const voter of voters) {
      await db.prisma.vote.create({ data: { topicId: topic.id, userId: voter.id } });
      await db.prisma.topic.update({ where: { id: topic.id }, data: { voteCount: { increment: 1 } } });
    }
  }
  client = await new ApiClient(server).signIn(users[0].email, TEST_PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const titles = (result: any) => result.data.topics.edges.map((edge: any) => edge.node.title);

describe("topics", () => {
  it("sorts by votes by default and by newest on request", async () => {
    const byVotes = await client.request(TOPICS, {});
    expect(titles(byVotes).slice(0, 2)).toEqual(["Регламент выдачи паспортов", "Конфликтные ситуации с заявителями"]);
    expect(byVotes.data.topics.edges[0].node.voteCount).toBe(3);
    expect(byVotes.data.topics.edges[0].node.viewerHasVoted).toBe(true);
    expect(byVotes.data.topics.edges[1].node.viewerHasVoted).toBe(false);

    const newest = await client.request(TOPICS, { orderBy: "NEWEST" });
    expect(titles(newest)[0]).toBe("Обслуживание маломобильных посетителей");
  });

  it("filters by block, format and status and searches case-insensitively", async () => {
    expect(titles(await client.request(TOPICS, { filter: { block: "SERVICE_CULTURE" } }))).toHaveLength(2);
    expect(titles(await client.request(TOPICS, { filter: { format: "WEBINAR" } }))).toEqual([
      "Конфликтные ситуации с заявителями",
      "Обслуживание маломобильных посетителей",
    ]);
    expect(titles(await client.request(TOPICS, { filter: { status: ["NEW"] } }))).toEqual([]);
    expect(titles(await client.request(TOPICS, { filter: { search: "СТРЕСС" } }))).toEqual([
      "Стресс-менеджмент для операторов",
    ]);
  });

  it("pages with relay cursors", async () => {
    const first = await client.request(TOPICS, { first: 3 });
    expect(first.data.topics.totalCount).toBe(4);
    expect(first.data.topics.pageInfo.hasNextPage).toBe(true);
    const rest = await client.request(TOPICS, { first: 3, after: first.data.topics.pageInfo.endCursor });
    expect(titles(rest)).toHaveLength(1);
    expect(new Set([...titles(first), ...titles(rest)]).size).toBe(4);
  });

  it("finds a topic by its global id and returns null for foreign or garbage ids", async () => {
    const [edge] = (await client.request(TOPICS, { first: 1 })).data.topics.edges;
    const found = await client.request("query($id: ID!) { topic(id: $id) { title } }", { id: edge.node.id });
    expect(found.data.topic.title).toBe(edge.node.title);
    const me = await client.request("{ me { id } }");
    for (const id of [me.data.me.id, "garbage", ""]) {
      const missing = await client.request("query($id: ID!) { topic(id: $id) { title } }", { id });
      expect(missing.data.topic).toBeNull();
    }
  });

  it("suggests a topic as NEW with the viewer as author", async () => {
    const result = await client.request(SUGGEST, {
      input: {
        title: "  Работа с жалобами в социальных сетях  ",
        description: "Как отвечать на публичные жалобы быстро и по делу.",
        block: "SERVICE_CULTURE",
        format: "SEMINAR",
      },
    });
    expect(result.data.suggestTopic.__typename).toBe("MutationSuggestTopicSuccess");
    expect(result.data.suggestTopic.data).toMatchObject({
      title: "Работа с жалобами в социальных сетях",
      status: "NEW",
      voteCount: 0,
      author: { name: "Тестовый Пользователь 0" },
    });
  });

  it("rejects invalid suggestions with errors naming each field, writing nothing", async () => {
    const before = await db.prisma.topic.count();
    const result = await client.request(SUGGEST, {
      input: { title: "abc", description: "x".repeat(2001), block: "SERVICE_CULTURE", format: "SEMINAR" },
    });
    expect(result.data.suggestTopic.__typename).toBe("ValidationError");
    const paths = result.data.suggestTopic.fieldErrors.map((error: any) => error.path.join("."));
    expect(paths.sort()).toEqual(["input.description", "input.title"]);
    const badEnum = await client.request(SUGGEST, {
      input: { title: "Хорошая тема", description: "Достаточно длинное описание", block: "NOPE", format: "SEMINAR" },
    });
    expect(badEnum.errors?.[0]?.message).toMatch(/block/);
    expect(await db.prisma.topic.count()).toBe(before);
  });

  it("stores markup as plain text", async () => {
    const title = '<img src=x onerror="alert(1)">';
    const result = await client.request(SUGGEST, {
      input: { title, description: "<script>alert(1)</script>", block: "SERVICE_CULTURE", format: "SEMINAR" },
    });
    expect(result.data.suggestTopic.data.title).toBe(title);
  });
});
