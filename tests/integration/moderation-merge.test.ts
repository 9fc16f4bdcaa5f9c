import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";
import type { Client } from "graphql-ws";
import { assertCountsMatchRows, gid, subscribe } from "./moderation-helpers";

let db: TestDatabase;
let server: ApiServer;
let manager: ApiClient;
let staff: ApiClient[];
let users: Awaited<ReturnType<typeof createUsers>>;
const sockets: Client[] = [];

const MERGE = /* GraphQL */ `
  mutation($source: ID!, $target: ID!) {
    mergeTopics(sourceId: $source, targetId: $target) {
      __typename
      ... on MutationMergeTopicsSuccess { data {
        movedVoteCount droppedVoteCount movedCommentCount
        source { status voteCount mergedInto { id } }
        target { id voteCount comments(first: 10) { totalCount } }
      } }
      ... on ConflictError { code message }
      ... on NotFoundError { message }
    }
  }`;
const VOTE = `mutation($id: ID!) { vote(topicId: $id) { __typename } }`;
const UNVOTE = `mutation($id: ID!) { unvote(topicId: $id) { __typename } }`;
const NARROW = `mutation($id: ID!, $windows: [AvailabilityWindowInput!]) { setVoteWindows(topicId: $id, windows: $windows) { __typename } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  users = await createUsers(db.prisma, 30, { prefix: "merger" });
  const [boss] = await createUsers(db.prisma, 1, { role: "MANAGER", prefix: "boss" });
  manager = await new ApiClient(server).signIn(boss.email, TEST_PASSWORD);
  staff = await Promise.all(users.map((user) => new ApiClient(server).signIn(user.email, TEST_PASSWORD)));
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await server?.close();
  await db?.drop();
});

async function windowsOf(userId: string, topicId: string) {
  const vote = await db.prisma.vote.findUnique({ where: { userId_topicId: { userId, topicId } }, include: { windows: true } });
  return vote?.windows.map((window) => window.weekday).sort() ?? null;
}

describe("mergeTopics", () => {
  it("moves votes, availability narrowing and comments; nobody keeps two votes; voters are told; both topics log it", async () => {
    const [source, target] = await createTopics(db.prisma, users[0].id, ["Работа с жалобами", "Работа с жалобами заявителей"]);
    const [S, T] = [gid("Topic", source.id), gid("Topic", target.id)];
    // u0, u1: source only · u2, u4: both · u3: target only
    for (const index of [0, 1, 2, 4]) await staff[index].request(VOTE, { id: S });
    for (const index of [2, 3, 4]) await staff[index].request(VOTE, { id: T });
    const narrow = async (userIndex: number, topicId: string, weekday: number) => {
      const vote = await db.prisma.vote.findUniqueOrThrow({ where: { userId_topicId: { userId: users[userIndex].id, topicId } } });
      await db.prisma.voteWindow.create({ data: { voteId: vote.id, weekday, startMinute: 540, endMinute: 720, strength: "PREFERRED" } });
    };
    await narrow(0, source.id, 5); // a moved vote keeps its windows
    await narrow(2, source.id, 1); // both narrowed: the target's (Wednesday) wins
    await narrow(2, target.id, 3);
    await narrow(4, source.id, 2); // target vote not narrowed: the source's (Tuesday) moves over
    await db.prisma.comment.createMany({
      data: [
        { topicId: source.id, authorId: users[1].id, body: "первый", createdAt: new Date("2026-11-01T10:00:00Z") },
        { topicId: target.id, authorId: users[3].id, body: "второй", createdAt: new Date("2026-11-02T10:00:00Z") },
        { topicId: source.id, authorId: users[2].id, body: "третий", createdAt: new Date("2026-11-03T10:00:00Z") },
      ],
    });

    const result = await manager.request(MERGE, { source: S, target: T });
    expect(result.errors).toBeUndefined();
    expect(result.data.mergeTopics.data).toEqual({
      movedVoteCount: 2,
      droppedVoteCount: 2,
      movedCommentCount: 2,
      source: { status: "MERGED", voteCount: 0, mergedInto: { id: T } },
      target: { id: T, voteCount: 5, comments: { totalCount: 3 } },
    });

    expect(await db.prisma.vote.count({ where: { topicId: source.id } })).toBe(0);
    for (const index of [0, 1, 2, 3, 4]) {
      expect(await db.prisma.vote.count({ where: { userId: users[index].id } }), `user ${index}`).toBe(1);
    }
    expect(await windowsOf(users[0].id, target.id)).toEqual([5]);
    expect(await windowsOf(users[2].id, target.id)).toEqual([3]);
    expect(await windowsOf(users[4].id, target.id)).toEqual([2]);
    expect(await windowsOf(users[3].id, target.id)).toEqual([]);
    expect(await db.prisma.voteWindow.count()).toBe(3); // the dropped vote's windows went with it
    await assertCountsMatchRows(db.prisma);

    const notified = await db.prisma.notification.findMany({ where: { kind: "TOPIC_MERGED" }, orderBy: { userId: "asc" } });
    expect(notified.map((n) => n.userId).sort()).toEqual([0, 1, 2, 4].map((index) => users[index].id).sort());
    expect(notified.every((n) => n.topicId === source.id && (n.payload as any).mergedIntoId === target.id)).toBe(true);
    const inbox = await staff[1].request(`{ me { notifications(first: 5) { edges { node { kind fromStatus toStatus topic { id } mergedInto { id title } } } } } }`);
    expect(inbox.data.me.notifications.edges[0].node).toEqual({
      kind: "TOPIC_MERGED", fromStatus: "OPEN", toStatus: "MERGED", topic: { id: S }, mergedInto: { id: T, title: "Работа с жалобами заявителей" },
    });

    const comments = await staff[5].request(`query($id: ID!) { topic(id: $id) { comments(first: 10) { edges { node { body } } } } }`, { id: T });
    expect(comments.data.topic.comments.edges.map((e: any) => e.node.body)).toEqual(["первый", "второй", "третий"]);

    const LOG = `query($id: ID!) { topic(id: $id) { moderationLog { kind actor { name } fromStatus toStatus mergedInto { id } mergedFrom { id } movedVoteCount droppedVoteCount movedCommentCount } } }`;
    const sourceLog = (await staff[5].request(LOG, { id: S })).data.topic.moderationLog;
    const targetLog = (await staff[5].request(LOG, { id: T })).data.topic.moderationLog;
    const actor = { name: "Тестовый Пользователь 0" };
    expect(sourceLog).toEqual([{ kind: "MERGE", actor, fromStatus: "OPEN", toStatus: "MERGED", mergedInto: { id: T }, mergedFrom: null, movedVoteCount: 2, droppedVoteCount: 2, movedCommentCount: 2 }]);
    expect(targetLog).toEqual([{ kind: "MERGE", actor, fromStatus: null, toStatus: null, mergedInto: null, mergedFrom: { id: S }, movedVoteCount: 2, droppedVoteCount: 2, movedCommentCount: 2 }]);

    // The merged topic takes no more votes or comments.
    expect((await staff[9].request(VOTE, { id: S })).data.vote.__typename).toBe("NotFoundError");
    const comment = await staff[9].request(`mutation($id: ID!) { addComment(topicId: $id, body: "ещё") { __typename ... on ConflictError { code } } }`, { id: S });
    expect(comment.data.addComment).toEqual({ __typename: "ConflictError", code: "TOPIC_MERGED" });
  });

  it("tells source voters live and streams both new counts and the status change", async () => {
    const [source, target] = await createTopics(db.prisma, users[0].id, ["Живое слияние", "Живое слияние (основная)"]);
    const [S, T] = [gid("Topic", source.id), gid("Topic", target.id)];
    await staff[10].request(VOTE, { id: S });
    await staff[11].request(VOTE, { id: S });
    await staff[11].request(VOTE, { id: T });
    const inbox = subscribe(sockets, staff[10], `subscription { notificationAdded { kind topic { id } mergedInto { id voteCount } } }`);
    const counts = subscribe(sockets, staff[12], `subscription { topicVoteChanged { topicId voteCount } }`);
    const statuses = subscribe(sockets, staff[12], `subscription($id: ID) { topicStatusChanged(topicId: $id) { fromStatus toStatus topic { mergedInto { id } } } }`, { id: S });
    await Promise.all([inbox.ready, counts.ready, statuses.ready]);

    expect((await manager.request(MERGE, { source: S, target: T })).data.mergeTopics.__typename).toBe("MutationMergeTopicsSuccess");
    expect((await inbox.next(1))[0].data.notificationAdded).toEqual({ kind: "TOPIC_MERGED", topic: { id: S }, mergedInto: { id: T, voteCount: 2 } });
    expect((await counts.next(2)).map((event) => event.data.topicVoteChanged)).toEqual([
      { topicId: T, voteCount: 2 },
      { topicId: S, voteCount: 0 },
    ]);
    expect((await statuses.next(1))[0].data.topicStatusChanged).toEqual({ fromStatus: "OPEN", toStatus: "MERGED", topic: { mergedInto: { id: T } } });
  });

  it("refuses merging into itself, a merged topic, or into a merged topic, and writes nothing", async () => {
    const [a, b, c] = await createTopics(db.prisma, users[0].id, ["Тема А", "Тема Б", "Тема В"]);
    const [A, B, C] = [a, b, c].map((topic) => gid("Topic", topic.id));
    expect((await manager.request(MERGE, { source: A, target: B })).data.mergeTopics.__typename).toBe("MutationMergeTopicsSuccess");
    const before = await db.prisma.moderationAction.count();
    const code = async (source: string, target: string) => (await manager.request(MERGE, { source, target })).data.mergeTopics;
    expect(await code(C, C)).toMatchObject({ __typename: "ConflictError", code: "SAME_TOPIC" });
    expect(await code(A, C)).toMatchObject({ __typename: "ConflictError", code: "SOURCE_MERGED" });
    expect(await code(C, A)).toMatchObject({ __typename: "ConflictError", code: "TARGET_MERGED" });
    expect(await code(C, gid("Topic", "nope"))).toMatchObject({ __typename: "NotFoundError" });
    expect(await code(C, gid("User", c.id))).toMatchObject({ __typename: "NotFoundError" });
    expect(await db.prisma.moderationAction.count()).toBe(before);
    expect((await db.prisma.topic.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("OPEN");

    // Merging the kept topic onwards re-points earlier duplicates: no chains.
    expect((await manager.request(MERGE, { source: B, target: C })).data.mergeTopics.__typename).toBe("MutationMergeTopicsSuccess");
    expect((await db.prisma.topic.findUniqueOrThrow({ where: { id: a.id } })).mergedIntoId).toBe(c.id);
  });

  it("keeps counts equal to rows while votes pour in during merges", async () => {
    const topics = await createTopics(db.prisma, users[0].id, ["Поток 1", "Поток 2", "Поток 3", "Поток 4", "Поток 5"]);
    const ids = topics.map((topic) => gid("Topic", topic.id));
    for (const [index, client] of staff.entries()) await client.request(VOTE, { id: ids[index % 5] });

    // Every client votes and unvotes in a loop; the merges start once the storm is well under way.
    let answered = 0;
    let startMerges!: () => void;
    const stormUnderWay = new Promise<void>((resolve) => (startMerges = resolve));
    const storm = staff.map(async (client, index) => {
      const results: any[] = [];
      for (let round = 0; round < 4; round++) {
        for (const id of ids) {
          results.push(await client.request((index + round) % 4 === 0 ? UNVOTE : VOTE, { id }));
          // Some voters also narrow their availability for the topic while merges move their votes.
          if (index % 3 === 0) results.push(await client.request(NARROW, { id, windows: [{ weekday: 1 + (round % 5), startMinute: 540, endMinute: 600, strength: "PREFERRED" }] }));
          if (++answered === 150) startMerges();
        }
      }
      return results;
    });
    // 1 → 0 and 2 → 0 race with each other, 3 ↔ 4 race in both directions, all during the storm.
    const merges = stormUnderWay.then(() =>
      Promise.all([
        manager.request(MERGE, { source: ids[1], target: ids[0] }),
        manager.request(MERGE, { source: ids[2], target: ids[0] }),
        manager.request(MERGE, { source: ids[3], target: ids[4] }),
        manager.request(MERGE, { source: ids[4], target: ids[3] }),
      ]),
    );
    const [voteResults, mergeResults] = await Promise.all([Promise.all(storm).then((all) => all.flat()), merges]);
    expect(answered).toBe(600);
    expect(voteResults.length).toBe(600 + 10 * 4 * 5);

    for (const result of [...voteResults, ...mergeResults]) expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const votes = voteResults.map((result) => Object.values(result.data)[0] as { __typename: string });
    expect(votes.every((vote) => /Success$|^NotFoundError$|^NotVotedError$/.test(vote.__typename))).toBe(true);
    // No window is left on a vote of a merged topic, and no vote of a merged topic remains (below).
    expect(await db.prisma.voteWindow.count({ where: { vote: { topic: { status: "MERGED" } } } })).toBe(0);
    const outcomes = mergeResults.map((result) => result.data.mergeTopics.__typename);
    expect(outcomes.slice(0, 2)).toEqual(["MutationMergeTopicsSuccess", "MutationMergeTopicsSuccess"]);
    expect(outcomes.slice(2).sort()).toEqual(["ConflictError", "MutationMergeTopicsSuccess"]);

    await assertCountsMatchRows(db.prisma);
    const merged = await db.prisma.topic.findMany({ where: { status: "MERGED", id: { in: topics.map((t) => t.id) } }, include: { _count: { select: { votes: true } } } });
    expect(merged).toHaveLength(3);
    for (const topic of merged) expect(topic._count.votes, `${topic.title} has votes after its merge`).toBe(0);
    const duplicates = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT "userId", "topicId" FROM "Vote" GROUP BY 1, 2 HAVING count(*) > 1) d`;
    expect(duplicates[0].n).toBe(0);
  });
});
