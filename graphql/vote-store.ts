import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../prisma/client";
import type { Topic } from "../prisma/generated/client";

/**
 * `changed` carries the topic row as the statement left it (RETURNING *; Topic has no @map'd
 * columns, so the raw row has Prisma's field names and types) and the viewer's vote id after the
 * change (null after an unvote), so the mutation can answer without reading the topic again.
 */
export type VoteOutcome =
  | { kind: "changed"; voteCount: number; topic: Topic; voteId: string | null }
  | { kind: "unchanged"; voteCount: number }
  | { kind: "closed" }
  | { kind: "missing" };

/** Statuses in which a topic still collects votes; rejected, done and merged topics do not. */
export const VOTABLE_STATUSES = ["NEW", "OPEN", "PLANNED", "SCHEDULED"] as const;

/**
 * Vote and unvote are each one SQL statement: the row change and the counter change commit together,
 * and the Topic row lock serialises concurrent changes, so voteCount always equals count(Vote).
 * Repeating a vote (or an unvote) is a no-op that writes nothing.
 */
export async function castVote(prisma: PrismaClient, userId: string, topicId: string): Promise<VoteOutcome> {
  const voteId = randomUUID();
  const rows = await prisma.$queryRaw<Topic[]>`
    WITH inserted AS (
      INSERT INTO "Vote" ("id", "userId", "topicId")
      SELECT ${voteId}, ${userId}, t."id" FROM "Topic" t
      WHERE t."id" = ${topicId} AND t."status" IN ('NEW', 'OPEN', 'PLANNED', 'SCHEDULED')
      ON CONFLICT ("userId", "topicId") DO NOTHING
      RETURNING "topicId"
    )
    UPDATE "Topic" SET "voteCount" = "voteCount" + 1
    WHERE "id" = (SELECT "topicId" FROM inserted)
    RETURNING *`;
  if (rows.length > 0) return { kind: "changed", voteCount: rows[0].voteCount, topic: rows[0], voteId };
  return currentCount(prisma, topicId, userId);
}

export async function withdrawVote(prisma: PrismaClient, userId: string, topicId: string): Promise<VoteOutcome> {
  const rows = await prisma.$queryRaw<Topic[]>`
    WITH deleted AS (
      DELETE FROM "Vote" WHERE "userId" = ${userId} AND "topicId" = ${topicId}
      RETURNING "topicId"
    )
    UPDATE "Topic" SET "voteCount" = "voteCount" - 1
    WHERE "id" = (SELECT "topicId" FROM deleted)
    RETURNING *`;
  if (rows.length > 0) return { kind: "changed", voteCount: rows[0].voteCount, topic: rows[0], voteId: null };
  return currentCount(prisma, topicId);
}

/**
 * Why a vote or unvote changed nothing. With `voterId` (a vote), a closed topic the voter has not
 * voted for is `closed`; repeating an existing vote stays a harmless no-op.
 */
async function currentCount(prisma: PrismaClient, topicId: string, voterId?: string): Promise<VoteOutcome> {
  const topic = await prisma.topic.findUnique({
    where: { id: topicId },
    select: { voteCount: true, status: true, votes: { where: { userId: voterId ?? "" }, select: { id: true }, take: 1 } },
  });
  if (!topic || topic.status === "MERGED") return { kind: "missing" };
  const votable = (VOTABLE_STATUSES as readonly string[]).includes(topic.status);
  if (voterId && !votable && topic.votes.length === 0) return { kind: "closed" };
  return { kind: "unchanged", voteCount: topic.voteCount };
}
