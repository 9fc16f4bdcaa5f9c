import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { subscribe as subscribeAs } from "./helpers/subscriptions";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

let db: TestDatabase;
let server: ApiServer;
let voter: ApiClient;
let watcher: ApiClient;
let topicIds: string[];
const sockets: Client[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  const users = await createUsers(db.prisma, 2, { prefix: "live" });
  const topics = await createTopics(db.prisma, users[0].id, ["Живая тема", "Другая тема"]);
  topicIds = topics.map((topic) => Buffer.from(`Topic:${topic.id}`).toString("base64"));
  voter = await new ApiClient(server).signIn(users[0].email, TEST_PASSWORD);
  watcher = await new ApiClient(server).signIn(users[1].email, TEST_PASSWORD);
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await server?.close();
  await db?.drop();
});

const subscribe = (client: ApiClient, query: string, variables?: Record<string, unknown>) =>
  subscribeAs(sockets, client, query, variables);

describe("live subscriptions over graphql-ws", () => {
  it("delivers a vote made over HTTP to another signed-in user", async () => {
    const all = subscribe(watcher, "subscription { topicVoteChanged { topicId voteCount } }");
    const onlySecond = subscribe(watcher, "subscription($id: ID) { topicVoteChanged(topicId: $id) { topicId voteCount } }", { id: topicIds[1] });
    await Promise.all([all.ready, onlySecond.ready]);
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the subscribe frames reach the server

    const vote = (id: string) => voter.request(`mutation($id: ID!) { vote(topicId: $id) { __typename } }`, { id });
    const unvote = (id: string) => voter.request(`mutation($id: ID!) { unvote(topicId: $id) { __typename } }`, { id });
    const typenames = [
      (await vote(topicIds[0])).data.vote.__typename,
      (await vote(topicIds[0])).data.vote.__typename, // a no-op: publishes nothing
      (await vote(topicIds[1])).data.vote.__typename,
      (await unvote(topicIds[0])).data.unvote.__typename,
    ];
    expect(typenames).toEqual(["MutationVoteSuccess", "MutationVoteSuccess", "MutationVoteSuccess", "MutationUnvoteSuccess"]);

    const events = await all.next(3);
    expect(events.map((event) => event.data.topicVoteChanged)).toEqual([
      { topicId: topicIds[0], voteCount: 1 },
      { topicId: topicIds[1], voteCount: 1 },
      { topicId: topicIds[0], voteCount: 0 },
    ]);
    const filtered = await onlySecond.next(1);
    expect(filtered[0].data.topicVoteChanged).toEqual({ topicId: topicIds[1], voteCount: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(all.events).toHaveLength(3);
    expect(onlySecond.events).toHaveLength(1);
  });

  it("announces a newly suggested topic", async () => {
    const suggested = subscribe(watcher, "subscription { topicSuggested { title status author { name } } }");
    await suggested.ready;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const created = await voter.request(
      `mutation($input: SuggestTopicInput!) { suggestTopic(input: $input) { __typename } }`,
      { input: { title: "Новая живая тема", description: "Описание новой темы", block: "SERVICE_DELIVERY", format: "WEBINAR" } },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.suggestTopic.__typename).toBe("MutationSuggestTopicSuccess");
    const [event] = await suggested.next(1);
    expect(event.data.topicSuggested).toEqual({ title: "Новая живая тема", status: "NEW", author: { name: "Тестовый Пользователь 0" } });
  });

  it("keeps a topic's heat map current: an availability change arrives, a burst of votes is coalesced", async () => {
    const heat = subscribe(
      watcher,
      `subscription($id: ID!) {
        topicDemandChanged(topicId: $id) { voteCount demandHeatmap { weekday startMinute preferred ifNeedBe } }
      }`,
      { id: topicIds[1] },
    );
    await heat.ready;
    await new Promise((resolve) => setTimeout(resolve, 100));

    const set = await voter.request(
      `mutation($input: SetMyAvailabilityInput!) { setMyAvailability(input: $input) { __typename } }`,
      { input: { onlineOk: true, siteIds: [], windows: [{ weekday: 3, startMinute: 600, endMinute: 660, strength: "PREFERRED" }] } },
    );
    expect(set.data.setMyAvailability.__typename).toBe("MutationSetMyAvailabilitySuccess");
    const [first] = await heat.next(1);
    const painted = (event: any) =>
      event.data.topicDemandChanged.demandHeatmap
        .filter((cell: { preferred: number }) => cell.preferred > 0)
        .map((cell: { weekday: number; startMinute: number }) => [cell.weekday, cell.startMinute]);
    expect(painted(first)).toEqual([[3, 600], [3, 630]]);

    // Ten changes inside one throttle interval become at most two more messages; the last is current.
    for (let i = 0; i < 5; i++) {
      await voter.request(`mutation($id: ID!) { unvote(topicId: $id) { __typename } }`, { id: topicIds[1] });
      await voter.request(`mutation($id: ID!) { vote(topicId: $id) { __typename } }`, { id: topicIds[1] });
    }
    await heat.next(2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(heat.events.length).toBeLessThanOrEqual(3);
    const last = heat.events.at(-1);
    expect(last.data.topicDemandChanged.voteCount).toBe(1);
    expect(painted(last)).toEqual([[3, 600], [3, 630]]);
  });
});
