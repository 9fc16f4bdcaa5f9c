import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

let db: TestDatabase;
let server: ApiServer;
let client: ApiClient;

const DAY = 24 * 60 * 60 * 1000;

const TOPICS = /* GraphQL */ `
  query($first: Int, $after: String, $last: Int, $before: String, $orderBy: TopicOrder, $filter: TopicFilter) {
    topics(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { title voteCount votesLast7Days viewerHasVoted } }
    }
  }
`;
const SIMILAR = /* GraphQL */ `
  query($title: String!, $first: Int) {
    similarTopics(title: $title, first: $first) {
      __typename
      ... on QuerySimilarTopicsSuccess { data { score topic { id title status voteCount } } }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  const users = await createUsers(db.prisma, 6, { prefix: "discovery" });
  const [old, hot, quiet, warm, rejected, merged] = await createTopics(db.prisma, users[0].id, [
    "Регламент выдачи паспортов",
    "Конфликтные ситуации с заявителями",
    "Стресс-менеджмент для операторов",
    "Обслуживание маломобильных посетителей",
    "Конфликты в коллективе",
    "Конфликтные ситуации с посетителями",
  ]);
  await db.prisma.topic.update({ where: { id: rejected.id }, data: { status: "REJECTED" } });
  await db.prisma.topic.update({ where: { id: merged.id }, data: { status: "MERGED", mergedIntoId: hot.id } });
  const now = Date.now();
  const votes: Array<[{ id: string }, number, number]> = [
    // topic, voters, days ago
    [old, 5, 30],
    [old, 1, 1],
    [hot, 3, 2],
    [warm, 2, 6.9],
    [quiet, 1, 7.5],
  ];
  let voter = 0;
  for (const [topic, count, daysAgo] of votes) {
    for (let i = 0; i < count; i++) {
      await db.prisma.vote.create({ data: { topicId: topic.id, userId: users[voter++ % users.length].id, createdAt: new Date(now - daysAgo * DAY) } });
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

describe("trending", () => {
  it("orders by votes in the last 7 days, then by all votes", async () => {
    const result = await client.request(TOPICS, { orderBy: "TRENDING" });
    expect(result.errors).toBeUndefined();
    expect(result.data.topics.edges.map((edge: any) => [edge.node.title, edge.node.votesLast7Days, edge.node.voteCount])).toEqual([
      ["Конфликтные ситуации с заявителями", 3, 3],
      ["Обслуживание маломобильных посетителей", 2, 2],
      ["Регламент выдачи паспортов", 1, 6],
      ["Стресс-менеджмент для операторов", 0, 1],
      ["Конфликты в коллективе", 0, 0],
    ]);
    expect(titles(await client.request(TOPICS, { orderBy: "VOTES" }))[0]).toBe("Регламент выдачи паспортов");
  });

  it("pages forwards and backwards with relay cursors and keeps the list's filter", async () => {
    const first = await client.request(TOPICS, { orderBy: "TRENDING", first: 2 });
    expect(first.data.topics).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const second = await client.request(TOPICS, { orderBy: "TRENDING", first: 2, after: first.data.topics.pageInfo.endCursor });
    expect(titles(second)).toEqual(["Регламент выдачи паспортов", "Стресс-менеджмент для операторов"]);
    const back = await client.request(TOPICS, { orderBy: "TRENDING", last: 1, before: second.data.topics.pageInfo.startCursor });
    expect(titles(back)).toEqual(["Обслуживание маломобильных посетителей"]);
    const tail = await client.request(TOPICS, { orderBy: "TRENDING", last: 2 });
    expect(titles(tail)).toEqual(["Стресс-менеджмент для операторов", "Конфликты в коллективе"]);
    const filtered = await client.request(TOPICS, { orderBy: "TRENDING", filter: { search: "конфликт" } });
    expect(titles(filtered)).toEqual(["Конфликтные ситуации с заявителями", "Конфликты в коллективе"]);
    const none = await client.request(TOPICS, { orderBy: "TRENDING", filter: { search: "ничего такого" } });
    expect(none.data.topics).toMatchObject({ totalCount: 0, edges: [] });
  });
});

describe("similar topics", () => {
  it("finds an existing topic for a differently worded Russian title, skipping merged and rejected", async () => {
    const result = await client.request(SIMILAR, { title: "Конфликты с заявителями" });
    const hints = result.data.similarTopics.data;
    expect(hints[0].topic.title).toBe("Конфликтные ситуации с заявителями");
    expect(hints[0].score).toBeGreaterThan(0.5);
    expect(hints.map((hint: any) => hint.topic.status)).not.toContain("MERGED");
    expect(hints.map((hint: any) => hint.topic.status)).not.toContain("REJECTED");
    for (let i = 1; i < hints.length; i++) expect(hints[i].score).toBeLessThanOrEqual(hints[i - 1].score);
  });

  it("matches while typing, ignoring case, and not unrelated titles", async () => {
    const typing = await client.request(SIMILAR, { title: "ПАСПОРТ" });
    expect(typing.data.similarTopics.data.map((hint: any) => hint.topic.title)).toEqual(["Регламент выдачи паспортов"]);
    const unrelated = await client.request(SIMILAR, { title: "Электронная очередь и терминалы" });
    expect(unrelated.data.similarTopics.data).toEqual([]);
    const tiny = await client.request(SIMILAR, { title: " к " });
    expect(tiny.data.similarTopics.data).toEqual([]);
    const one = await client.request(SIMILAR, { title: "Конфликтные ситуации", first: 1 });
    expect(one.data.similarTopics.data).toHaveLength(1);
  });

  it("validates the draft title's length", async () => {
    const result = await client.request(SIMILAR, { title: "я".repeat(121) });
    expect(result.data.similarTopics.fieldErrors.map((error: any) => error.path)).toEqual([["title"]]);
    const tooMany = await client.request(SIMILAR, { title: "Конфликты", first: 500 });
    expect(tooMany.data.similarTopics.fieldErrors.map((error: any) => error.path)).toEqual([["first"]]);
  });
});

describe("similar topics by the draft's significant words", () => {
  const hintTitles = async (title: string, first?: number) => {
    const result = await client.request(SIMILAR, { title, first });
    expect(result.errors).toBeUndefined();
    return result.data.similarTopics.data.map((hint: any) => hint.topic.title) as string[];
  };

  beforeAll(async () => {
    const author = await db.prisma.user.findFirstOrThrow({ where: { email: { startsWith: "discovery-" } } });
    await createTopics(db.prisma, author.id, [
      "Профилактика эмоционального выгорания",
      "Выгорание наставников",
      "Стресс на приёме и профилактика эмоционального выгорания",
      "Пожилые заявители: темп, терпение и понятные объяснения",
      "Иностранные заявители: межкультурная коммуникация",
      "Заявители с нарушениями слуха и зрения",
    ]);
  });

  it("finds a topic by one important word of a longer draft, in another case ending", async () => {
    // The whole draft scores 0.15 / 0.33 against this title: below both old thresholds.
    expect(await hintTitles("Выгорание у сотрудников", 10)).toContain("Профилактика эмоционального выгорания");
    expect(await hintTitles("выгоранием", 10)).toContain("Профилактика эмоционального выгорания");
  });

  it("does not hint every topic that shares only a domain-common word", async () => {
    // «работа» and «заявители» never make a hint alone; this one comes from the whole-draft similarity, as before.
    expect(await hintTitles("Работа с заявителями", 10)).toEqual(["Конфликтные ситуации с заявителями"]);
    // Beside a distinctive word they count: «пожилыми» finds the topic the whole draft scores 0.45 against.
    expect(await hintTitles("Работа с пожилыми заявителями", 10)).toEqual(["Пожилые заявители: темп, терпение и понятные объяснения"]);
  });

  it("ranks a topic that contains two of the draft's words above one that contains one", async () => {
    const result = await client.request(SIMILAR, { title: "Выгорание и стресс", first: 10 });
    const hints = result.data.similarTopics.data.map((hint: any) => [hint.topic.title, hint.score]);
    // «Выгорание наставников» is closer to the whole draft (0.53 against 0.42) but has one of its words.
    expect(hints[0][0]).toBe("Стресс на приёме и профилактика эмоционального выгорания");
    expect(hints.map(([title]: [string]) => title)).toEqual(
      expect.arrayContaining(["Выгорание наставников", "Стресс-менеджмент для операторов", "Профилактика эмоционального выгорания"]),
    );
    for (const [, score] of hints) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});
