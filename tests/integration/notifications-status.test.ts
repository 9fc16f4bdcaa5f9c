import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";
import { gid, subscribe } from "./moderation-helpers";
import { createPlace, createSession } from "./bookings-helpers";

let db: TestDatabase;
let server: ApiServer;
let manager: ApiClient;
let voters: ApiClient[];
let outsider: ApiClient;
let topics: { id: string; gid: string }[];
const sockets: Client[] = [];

const SET_STATUS = /* GraphQL */ `
  mutation($id: ID!, $status: TopicStatus!) {
    setTopicStatus(topicId: $id, status: $status) {
      __typename
      ... on MutationSetTopicStatusSuccess { data { status statusChangedAt } }
      ... on ForbiddenTransitionError { message fromStatus toStatus reason allowed }
      ... on NotFoundError { message }
    }
  }`;
const REJECT = /* GraphQL */ `
  mutation($id: ID!, $reason: String!) {
    rejectTopic(topicId: $id, reason: $reason) {
      __typename
      ... on MutationRejectTopicSuccess { data { status rejectionReason } }
      ... on ForbiddenTransitionError { fromStatus reason allowed }
      ... on ValidationError { fieldErrors { path message } }
    }
  }`;
const REOPEN = /* GraphQL */ `
  mutation($id: ID!) {
    reopenTopic(topicId: $id) {
      __typename
      ... on MutationReopenTopicSuccess { data { status rejectionReason } }
      ... on ForbiddenTransitionError { fromStatus reason allowed }
    }
  }`;
const MY_NOTIFICATIONS = /* GraphQL */ `
  query { me { unreadNotificationCount notifications(first: 50) { totalCount edges { node {
    id kind read fromStatus toStatus reason actor { name } topic { title }
  } } } } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  const [boss] = await createUsers(db.prisma, 1, { role: "MANAGER", prefix: "boss" });
  const staff = await createUsers(db.prisma, 4, { prefix: "voter" });
  const created = await createTopics(db.prisma, staff[0].id, ["Статусная тема", "Вторая статусная тема", "Третья"]);
  await db.prisma.topic.updateMany({ data: { status: "NEW" } });
  topics = created.map((topic) => ({ id: topic.id, gid: gid("Topic", topic.id) }));
  manager = await new ApiClient(server).signIn(boss.email, TEST_PASSWORD);
  voters = await Promise.all(staff.slice(0, 3).map((user) => new ApiClient(server).signIn(user.email, TEST_PASSWORD)));
  outsider = await new ApiClient(server).signIn(staff[3].email, TEST_PASSWORD);
  for (const voter of voters) {
    await voter.request(`mutation($id: ID!) { vote(topicId: $id) { __typename } }`, { id: topics[0].gid });
  }
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await server?.close();
  await db?.drop();
});

describe("topic status transitions", () => {
  it("walks the life cycle, refuses skipped steps with a typed error and records every change", async () => {
    const id = topics[0].gid;
    const skip = await manager.request(SET_STATUS, { id, status: "SCHEDULED" });
    expect(skip.data.setTopicStatus).toMatchObject({
      __typename: "ForbiddenTransitionError", fromStatus: "NEW", toStatus: "SCHEDULED", reason: "NOT_ALLOWED", allowed: ["OPEN"],
    });
    const merged = await manager.request(SET_STATUS, { id, status: "MERGED" });
    expect(merged.data.setTopicStatus).toMatchObject({ __typename: "ForbiddenTransitionError", reason: "ONLY_VIA_MERGE" });
    const rejected = await manager.request(SET_STATUS, { id, status: "REJECTED" });
    expect(rejected.data.setTopicStatus).toMatchObject({ __typename: "ForbiddenTransitionError", reason: "NEEDS_REASON" });
    expect(await db.prisma.moderationAction.count()).toBe(0);
    expect(await db.prisma.notification.count()).toBe(0);

    for (const status of ["OPEN", "PLANNED", "SCHEDULED", "PLANNED", "SCHEDULED", "DONE"]) {
      const result = await manager.request(SET_STATUS, { id, status });
      expect(result.data.setTopicStatus.__typename, status).toBe("MutationSetTopicStatusSuccess");
      expect(result.data.setTopicStatus.data.status).toBe(status);
    }
    const again = await manager.request(SET_STATUS, { id, status: "DONE" });
    expect(again.data.setTopicStatus.__typename).toBe("MutationSetTopicStatusSuccess"); // no-op
    const fromDone = await manager.request(SET_STATUS, { id, status: "OPEN" });
    expect(fromDone.data.setTopicStatus).toMatchObject({ __typename: "ForbiddenTransitionError", fromStatus: "DONE", allowed: [] });

    const actions = await db.prisma.moderationAction.findMany({ where: { topicId: topics[0].id }, orderBy: { createdAt: "asc" } });
    expect(actions.map((action) => [action.kind, (action.details as any).fromStatus, (action.details as any).toStatus])).toEqual([
      ["STATUS_CHANGE", "NEW", "OPEN"],
      ["STATUS_CHANGE", "OPEN", "PLANNED"],
      ["STATUS_CHANGE", "PLANNED", "SCHEDULED"],
      ["STATUS_CHANGE", "SCHEDULED", "PLANNED"],
      ["STATUS_CHANGE", "PLANNED", "SCHEDULED"],
      ["STATUS_CHANGE", "SCHEDULED", "DONE"],
    ]);
    // Six changes × three voters, written by INSERT … SELECT; the outsider (no vote) gets none.
    expect(await db.prisma.notification.count({ where: { topicId: topics[0].id, kind: "TOPIC_STATUS_CHANGED" } })).toBe(18);
    const mine = await voters[1].request(MY_NOTIFICATIONS);
    expect(mine.data.me.unreadNotificationCount).toBe(6);
    expect(mine.data.me.notifications.edges[0].node).toMatchObject({
      kind: "TOPIC_STATUS_CHANGED", read: false, fromStatus: "SCHEDULED", toStatus: "DONE", reason: null,
      topic: { title: "Статусная тема" }, actor: { name: expect.any(String) },
    });
    expect((await outsider.request(MY_NOTIFICATIONS)).data.me.unreadNotificationCount).toBe(0);
  });

  it("rejects only with a reason, shows it to voters, and reopens", async () => {
    const id = topics[1].gid;
    await voters[0].request(`mutation($id: ID!) { vote(topicId: $id) { __typename } }`, { id });
    for (const reason of ["", "  ", "ok"]) {
      const result = await manager.request(REJECT, { id, reason });
      expect(result.data.rejectTopic.__typename, JSON.stringify(reason)).toBe("ValidationError");
      expect(result.data.rejectTopic.fieldErrors[0].path).toEqual(["reason"]);
    }
    const premature = await manager.request(REOPEN, { id });
    expect(premature.data.reopenTopic).toMatchObject({ __typename: "ForbiddenTransitionError", fromStatus: "NEW", allowed: [] });
    expect(await db.prisma.topic.findUniqueOrThrow({ where: { id: topics[1].id } })).toMatchObject({ status: "NEW", rejectionReason: null });

    const rejected = await manager.request(REJECT, { id, reason: "  Дублирует курс <b>«Жалобы»</b>  " });
    expect(rejected.data.rejectTopic.data).toEqual({ status: "REJECTED", rejectionReason: "Дублирует курс <b>«Жалобы»</b>" });
    const note = await db.prisma.notification.findFirstOrThrow({ where: { topicId: topics[1].id } });
    expect(note.payload).toMatchObject({ fromStatus: "NEW", toStatus: "REJECTED", reason: "Дублирует курс <b>«Жалобы»</b>" });

    const reopened = await manager.request(REOPEN, { id });
    expect(reopened.data.reopenTopic.data).toEqual({ status: "OPEN", rejectionReason: null });
    const kinds = await db.prisma.moderationAction.findMany({ where: { topicId: topics[1].id }, orderBy: { createdAt: "asc" } });
    expect(kinds.map((action) => action.kind)).toEqual(["REJECT", "REOPEN"]);
  });

  it("keeps a topic from becoming DONE while one of its sessions is still ahead, and says why", async () => {
    const topic = (await createTopics(db.prisma, (await createUsers(db.prisma, 1, { prefix: "done-author" }))[0]!.id, ["Тема с занятием впереди"]))[0]!;
    await db.prisma.topic.update({ where: { id: topic.id }, data: { status: "SCHEDULED" } });
    const session = await createSession(db.prisma, { topicId: topic.id, place: await createPlace(db.prisma), startsAt: new Date(Date.now() + 2 * 86_400_000) });
    const actionsBefore = await db.prisma.moderationAction.count({ where: { topicId: topic.id } });
    const refused = await manager.request(SET_STATUS, { id: gid("Topic", topic.id), status: "DONE" });
    expect(refused.data.setTopicStatus).toMatchObject({ __typename: "ForbiddenTransitionError", reason: "SESSIONS_AHEAD", fromStatus: "SCHEDULED", toStatus: "DONE" });
    expect(refused.data.setTopicStatus.allowed).not.toContain("DONE");
    expect((await db.prisma.topic.findUniqueOrThrow({ where: { id: topic.id } })).status).toBe("SCHEDULED");
    expect(await db.prisma.moderationAction.count({ where: { topicId: topic.id } })).toBe(actionsBefore);

    // Once the session has been held, the topic can be closed.
    await db.prisma.trainingSession.update({ where: { id: session.id }, data: { startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() - 80_000_000) } });
    const done = await manager.request(SET_STATUS, { id: gid("Topic", topic.id), status: "DONE" });
    expect(done.data.setTopicStatus.__typename).toBe("MutationSetTopicStatusSuccess");
  });
});

describe("notifications", () => {
  it("a voter receives notificationAdded live when a manager changes status; others do not", async () => {
    const id = topics[2].gid;
    await voters[2].request(`mutation($id: ID!) { vote(topicId: $id) { __typename } }`, { id });
    const NOTIFICATION_ADDED = `subscription { notificationAdded { kind fromStatus toStatus topic { id } } }`;
    const mine = subscribe(sockets, voters[2], NOTIFICATION_ADDED);
    const theirs = subscribe(sockets, outsider, NOTIFICATION_ADDED);
    const status = subscribe(sockets, outsider, `subscription($id: ID) { topicStatusChanged(topicId: $id) { topicId fromStatus toStatus topic { status } } }`, { id });
    await Promise.all([mine.ready, theirs.ready, status.ready]);

    expect((await manager.request(SET_STATUS, { id, status: "OPEN" })).data.setTopicStatus.__typename).toBe("MutationSetTopicStatusSuccess");
    const [event] = await mine.next(1);
    expect(event.data.notificationAdded).toEqual({ kind: "TOPIC_STATUS_CHANGED", fromStatus: "NEW", toStatus: "OPEN", topic: { id } });
    const [change] = await status.next(1);
    expect(change.data.topicStatusChanged).toEqual({ topicId: id, fromStatus: "NEW", toStatus: "OPEN", topic: { status: "OPEN" } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(theirs.events).toHaveLength(0);
  });

  it("tells the topic's author too, once, whether or not they voted; never the manager who acted", async () => {
    const [authorUser] = await db.prisma.user.findMany({ where: { email: { contains: "voter-3@" } } });
    const [bossUser] = await db.prisma.user.findMany({ where: { role: "MANAGER" } });
    const [unvoted, voted, managers] = await createTopics(db.prisma, authorUser.id, ["Тема автора без голоса", "Тема автора с голосом", "Тема менеджера"]);
    await db.prisma.topic.update({ where: { id: managers.id }, data: { authorId: bossUser.id } });
    await db.prisma.topic.updateMany({ where: { id: { in: [unvoted.id, voted.id, managers.id] } }, data: { status: "NEW" } });
    await outsider.request(`mutation($id: ID!) { vote(topicId: $id) { __typename } }`, { id: gid("Topic", voted.id) });
    await manager.request(`mutation($id: ID!) { vote(topicId: $id) { __typename } }`, { id: gid("Topic", managers.id) });
    await voters[1].request(`mutation($id: ID!) { vote(topicId: $id) { __typename } }`, { id: gid("Topic", managers.id) });

    const before = (await outsider.request(MY_NOTIFICATIONS)).data.me.unreadNotificationCount;
    expect((await manager.request(SET_STATUS, { id: gid("Topic", unvoted.id), status: "OPEN" })).data.setTopicStatus.__typename).toBe("MutationSetTopicStatusSuccess");
    expect((await manager.request(REJECT, { id: gid("Topic", voted.id), reason: "Уже есть такой курс" })).data.rejectTopic.__typename).toBe("MutationRejectTopicSuccess");
    expect((await manager.request(SET_STATUS, { id: gid("Topic", managers.id), status: "OPEN" })).data.setTopicStatus.__typename).toBe("MutationSetTopicStatusSuccess");

    const told = async (topicId: string) =>
      (await db.prisma.notification.findMany({ where: { topicId }, select: { userId: true } })).map((row) => row.userId).sort();
    expect(await told(unvoted.id)).toEqual([authorUser.id]);
    expect(await told(voted.id)).toEqual([authorUser.id]);
    const voter1 = await db.prisma.user.findFirstOrThrow({ where: { email: { contains: "voter-1@" } } });
    expect(await told(managers.id)).toEqual([voter1.id]);
    const mine = (await outsider.request(MY_NOTIFICATIONS)).data.me;
    expect(mine.unreadNotificationCount).toBe(before + 2);
    expect(mine.notifications.edges[0].node).toMatchObject({ toStatus: "REJECTED", reason: "Уже есть такой курс", topic: { title: "Тема автора с голосом" } });
  });

  it("marks only the viewer's own notifications read", async () => {
    const [alice, bob] = voters;
    const aliceIds = (await alice.request(`{ me { notifications(first: 100) { edges { node { id } } } } }`)).data.me.notifications.edges.map((e: any) => e.node.id);
    const bobIds = (await bob.request(`{ me { notifications(first: 100) { edges { node { id } } } } }`)).data.me.notifications.edges.map((e: any) => e.node.id);
    expect(aliceIds.length).toBeGreaterThan(0);
    expect(bobIds.length).toBeGreaterThan(0);

    const attempt = await alice.request(`mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id read } }`, { ids: [...bobIds, aliceIds[0], "garbage"] });
    expect(attempt.errors).toBeUndefined();
    expect(attempt.data.markNotificationsRead).toEqual([{ id: aliceIds[0], read: true }]);
    expect(await db.prisma.notification.count({ where: { user: { email: { contains: "voter-1@" } }, readAt: { not: null } } })).toBe(0);

    // Another user's notification list is not readable through a User node either.
    const author = await bob.request(`query($id: ID!) { topic(id: $id) { author { notifications(first: 5) { totalCount } } } }`, { id: topics[0].gid });
    expect(author.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    const all = await alice.request(`mutation { markAllNotificationsRead { unreadNotificationCount } }`);
    expect(all.data.markAllNotificationsRead.unreadNotificationCount).toBe(0);
    expect((await bob.request(`{ me { unreadNotificationCount } }`)).data.me.unreadNotificationCount).toBe(bobIds.length);
  });
});
