import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";
import { gid } from "./moderation-helpers";

let db: TestDatabase;
let server: ApiServer;
let manager: ApiClient;
let reader: ApiClient;
let topicId: string;

const EDIT = /* GraphQL */ `
  mutation($id: ID!, $input: EditTopicInput!) {
    editTopic(topicId: $id, input: $input) {
      __typename
      ... on MutationEditTopicSuccess { data { title audience format durationMinutes minParticipants maxParticipants } }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { message }
    }
  }`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  const [boss] = await createUsers(db.prisma, 1, { role: "ADMIN", prefix: "boss" });
  const [someone] = await createUsers(db.prisma, 1, { prefix: "reader" });
  const [topic] = await createTopics(db.prisma, someone.id, ["Тема для правки"]);
  topicId = topic.id;
  manager = await new ApiClient(server).signIn(boss.email, TEST_PASSWORD);
  reader = await new ApiClient(server).signIn(someone.email, TEST_PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe("editTopic", () => {
  it("names every bad field and writes nothing", async () => {
    const before = await db.prisma.topic.findUniqueOrThrow({ where: { id: topicId } });
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ durationMinutes: 45 }, ["input", "durationMinutes"]],
      [{ durationMinutes: 0 }, ["input", "durationMinutes"]],
      [{ durationMinutes: 510 }, ["input", "durationMinutes"]],
      [{ minParticipants: 10, maxParticipants: 5 }, ["input", "maxParticipants"]],
      [{ minParticipants: 0 }, ["input", "minParticipants"]],
      [{ title: "ab" }, ["input", "title"]],
      [{ audience: "x".repeat(301) }, ["input", "audience"]],
      [{ maxParticipants: before.minParticipants - 1 }, ["input", "maxParticipants"]], // against the stored minimum
      [{ minParticipants: before.maxParticipants + 1 }, ["input", "minParticipants"]],
    ];
    for (const [input, path] of cases) {
      const result = await manager.request(EDIT, { id: gid("Topic", topicId), input });
      expect(result.data.editTopic.__typename, JSON.stringify(input)).toBe("ValidationError");
      expect(result.data.editTopic.fieldErrors.map((error: any) => error.path)).toContainEqual(path);
    }
    expect(await db.prisma.topic.findUniqueOrThrow({ where: { id: topicId } })).toEqual(before);
    expect(await db.prisma.moderationAction.count()).toBe(0);
  });

  it("applies the changes and records them (from → to) in the moderation log everyone can read", async () => {
    const result = await manager.request(EDIT, {
      id: gid("Topic", topicId),
      input: { title: "  Тема после правки ", audience: "операторы <i>фронт-офиса</i>", format: "SEMINAR", durationMinutes: 90, maxParticipants: 25, minParticipants: null },
    });
    expect(result.data.editTopic.data).toMatchObject({
      title: "Тема после правки", audience: "операторы <i>фронт-офиса</i>", format: "SEMINAR", durationMinutes: 90, maxParticipants: 25,
    });
    const noop = await manager.request(EDIT, { id: gid("Topic", topicId), input: { title: "Тема после правки" } });
    expect(noop.data.editTopic.__typename).toBe("MutationEditTopicSuccess");

    const log = await reader.request(`query($id: ID!) { topic(id: $id) { moderationLog { kind actor { name } createdAt changes { field from to } } } }`, { id: gid("Topic", topicId) });
    expect(log.errors).toBeUndefined();
    const [entry, ...rest] = log.data.topic.moderationLog;
    expect(rest).toHaveLength(0); // the no-op wrote nothing
    expect(entry.kind).toBe("EDIT");
    expect(entry.actor).toEqual({ name: "Тестовый Пользователь 0" });
    expect(entry.changes).toEqual([
      { field: "title", from: "Тема для правки", to: "Тема после правки" },
      { field: "audience", from: "", to: "операторы <i>фронт-офиса</i>" },
      { field: "format", from: "WEBINAR", to: "SEMINAR" },
      { field: "durationMinutes", from: "120", to: "90" },
      { field: "maxParticipants", from: "20", to: "25" },
    ]);
  });

  it("suggestTopic takes an optional audience of at most 300 characters", async () => {
    const SUGGEST = `mutation($input: SuggestTopicInput!) { suggestTopic(input: $input) { __typename
      ... on MutationSuggestTopicSuccess { data { audience } } ... on ValidationError { fieldErrors { path } } } }`;
    const base = { title: "Тема с аудиторией", description: "Описание темы с аудиторией", block: "SERVICE_CULTURE", format: "WEBINAR" };
    expect((await reader.request(SUGGEST, { input: base })).data.suggestTopic.data).toEqual({ audience: "" });
    expect((await reader.request(SUGGEST, { input: { ...base, audience: " руководители " } })).data.suggestTopic.data).toEqual({ audience: "руководители" });
    const tooLong = await reader.request(SUGGEST, { input: { ...base, audience: "я".repeat(301) } });
    expect(tooLong.data.suggestTopic.fieldErrors).toEqual([{ path: ["input", "audience"] }]);
  });
});
