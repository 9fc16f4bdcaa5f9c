import { randomUUID } from "node:crypto";
import type pg from "pg";
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

/** Anything that runs a parameterised statement: the pool, or a client inside a transaction. */
type Sql = Pick<pg.Pool, "query">;

const CAST_VOTE = `
  WITH inserted AS (
    INSERT INTO "Vote" ("id", "userId", "topicId")
    SELECT $1, $2, t."id" FROM "Topic" t
    WHERE t."id" = $3 AND t."status" IN ('NEW', 'OPEN', 'PLANNED', 'SCHEDULED')
    ON CONFLICT ("userId", "topicId") DO NOTHING
    RETURNING "topicId"
  )
  UPDATE "Topic" SET "voteCount" = "voteCount" + 1
  WHERE "id" = (SELECT "topicId" FROM inserted)
  RETURNING *`;

const WITHDRAW_VOTE = `
  WITH deleted AS (
    DELETE FROM "Vote" WHERE "userId" = $1 AND "topicId" = $2
    RETURNING "topicId"
  )
  UPDATE "Topic" SET "voteCount" = "voteCount" - 1
  WHERE "id" = (SELECT "topicId" FROM deleted)
  RETURNING *`;

const CURRENT_COUNT = `
  SELECT t."voteCount", t."status",
         EXISTS (SELECT 1 FROM "Vote" v WHERE v."topicId" = t."id" AND v."userId" = $2) AS "hasVoted"
  FROM "Topic" t WHERE t."id" = $1`;

/**
 * Vote and unvote are each one SQL statement: the row change and the counter change commit together,
 * and the Topic row lock serialises concurrent changes, so voteCount always equals count(Vote).
 * Repeating a vote (or an unvote) is a no-op that writes nothing. They go straight through pg: on
 * the busiest path of the API Prisma's per-query work cost more than the statement (ADR 007).
 */
export async function castVote(sql: Sql, userId: string, topicId: string): Promise<VoteOutcome> {
  const voteId = randomUUID();
  const { rows } = await sql.query<Topic>(CAST_VOTE, [voteId, userId, topicId]);
  if (rows.length > 0) return { kind: "changed", voteCount: rows[0].voteCount, topic: rows[0], voteId };
  return currentCount(sql, topicId, userId);
}

export async function withdrawVote(sql: Sql, userId: string, topicId: string): Promise<VoteOutcome> {
  const { rows } = await sql.query<Topic>(WITHDRAW_VOTE, [userId, topicId]);
  if (rows.length > 0) return { kind: "changed", voteCount: rows[0].voteCount, topic: rows[0], voteId: null };
  return currentCount(sql, topicId);
}

/**
 * Why a vote or unvote changed nothing. With `voterId` (a vote), a closed topic the voter has not
 * voted for is `closed`; repeating an existing vote stays a harmless no-op.
 */
async function currentCount(sql: Sql, topicId: string, voterId?: string): Promise<VoteOutcome> {
  const { rows } = await sql.query<{ voteCount: number; status: string; hasVoted: boolean }>(
    CURRENT_COUNT, [topicId, voterId ?? ""]);
  const topic = rows[0];
  if (!topic || topic.status === "MERGED") return { kind: "missing" };
  const votable = (VOTABLE_STATUSES as readonly string[]).includes(topic.status);
  if (voterId && !votable && !topic.hasVoted) return { kind: "closed" };
  return { kind: "unchanged", voteCount: topic.voteCount };
}
