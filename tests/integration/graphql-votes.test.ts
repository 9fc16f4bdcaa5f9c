import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

let db: TestDatabase;
let server: ApiServer;
let clients: ApiClient[];
let topicIds: string[];

const VOTE = /* GraphQL */ `
  mutation Vote($topicId: ID!) {
    vote(topicId: $topicId) {
      __typename
      ... on MutationVoteSuccess { data { voteCount viewerHasVoted } }
      ... on NotFoundError { message }
      ... on VotingClosedError { message }
    }
  }
`;
const UNVOTE = /* GraphQL */ `
  mutation Unvote($topicId: ID!) {
    unvote(topicId: $topicId) {
      __typename
      ... on MutationUnvoteSuccess { data { voteCount viewerHasVoted } }
      ... on NotFoundError { message }
    }
  }
`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  const users = await createUsers(db.prisma, 30, { prefix: "voter" });
  const topics = await createTopics(db.prisma, users[0].id, ["Тема один", "Тема два", "Тема три"]);
  topicIds = topics.map((topic) => Buffer.from(`Topic:${topic.id}`).toString("base64"));
  clients = await Promise.all(users.map((user) => new ApiClient(server).signIn(user.email, TEST_PASSWORD)));
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

async function assertCountsMatchRows() {
  const topics = await db.prisma.topic.findMany({ select: { id: true, voteCount: true, _count: { select: { votes: true } } } });
  for (const topic of topics) expect(topic.voteCount, topic.id).toBe(topic._count.votes);
}

describe("vote / unvote", () => {
  it("is idempotent", async () => {
    const [alice] = clients;
    const first = await alice.request(VOTE, { topicId: topicIds[0] });
    expect(first.data.vote.data).toEqual({ voteCount: 1, viewerHasVoted: true });
    const again = await alice.request(VOTE, { topicId: topicIds[0] });
    expect(again.data.vote.data).toEqual({ voteCount: 1, viewerHasVoted: true });
    expect(await db.prisma.vote.count()).toBe(1);

    const withdrawn = await alice.request(UNVOTE, { topicId: topicIds[0] });
    expect(withdrawn.data.unvote.data).toEqual({ voteCount: 0, viewerHasVoted: false });
    const withdrawnAgain = await alice.request(UNVOTE, { topicId: topicIds[0] });
    expect(withdrawnAgain.data.unvote.data).toEqual({ voteCount: 0, viewerHasVoted: false });
    await assertCountsMatchRows();
  });

  it("answers NotFoundError for unknown, foreign and malformed ids and writes nothing", async () => {
    const [alice] = clients;
    const userId = (await alice.request("{ me { id } }")).data.me.id;
    for (const topicId of [Buffer.from("Topic:nope").toString("base64"), userId, "%%%"]) {
      expect((await alice.request(VOTE, { topicId })).data.vote.__typename).toBe("NotFoundError");
      expect((await alice.request(UNVOTE, { topicId })).data.unvote.__typename).toBe("NotFoundError");
    }
    expect(await db.prisma.vote.count()).toBe(0);
  });

  it("refuses new votes on rejected and done topics but lets voters withdraw", async () => {
    const [alice, bob] = clients;
    const topicId = topicIds[2];
    const rawId = Buffer.from(topicId, "base64").toString().split(":")[1];
    expect((await alice.request(VOTE, { topicId })).data.vote.__typename).toBe("MutationVoteSuccess");
    for (const status of ["REJECTED", "DONE"] as const) {
      await db.prisma.topic.update({ where: { id: rawId }, data: { status } });
      expect((await bob.request(VOTE, { topicId })).data.vote.__typename, status).toBe("VotingClosedError");
      expect((await alice.request(VOTE, { topicId })).data.vote.data.voteCount, status).toBe(1);
    }
    expect((await alice.request(UNVOTE, { topicId })).data.unvote.data.voteCount).toBe(0);
    await db.prisma.topic.update({ where: { id: rawId }, data: { status: "OPEN" } });
    expect(await db.prisma.vote.count({ where: { topicId: rawId } })).toBe(0);
  });

  it("keeps every count exact under a concurrent vote/unvote storm", async () => {
    const operations: Promise<unknown>[] = [];
    for (let round = 0; round < 4; round++) {
      for (const [index, client] of clients.entries()) {
        for (const topicId of topicIds) {
          const mutation = (index + round) % 3 === 0 ? UNVOTE : VOTE;
          operations.push(client.request(mutation, { topicId }));
          operations.push(client.request(VOTE, { topicId }));
        }
      }
    }
    const results = (await Promise.all(operations)) as Array<{ errors?: unknown }>;
    expect(results.filter((result) => result.errors)).toEqual([]);
    await assertCountsMatchRows();
    const duplicates = await db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT 1 FROM "Vote" GROUP BY "userId", "topicId" HAVING count(*) > 1) d`;
    expect(Number(duplicates[0].n)).toBe(0);
  });

  it("ends with every voter counted once when all vote at once", async () => {
    await db.prisma.$executeRaw`DELETE FROM "Vote"`;
    await db.prisma.$executeRaw`UPDATE "Topic" SET "voteCount" = 0`;
    await Promise.all(clients.flatMap((client) => [client.request(VOTE, { topicId: topicIds[1] }), client.request(VOTE, { topicId: topicIds[1] })]));
    const topic = await db.prisma.topic.findFirstOrThrow({ where: { title: "Тема два" } });
    expect(topic.voteCount).toBe(clients.length);
    await assertCountsMatchRows();
  });
});
