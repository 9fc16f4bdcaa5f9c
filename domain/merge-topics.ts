import type { PrismaClient } from "../prisma/client";
import type { TopicStatus } from "../prisma/generated/enums";
import type { CreatedNotification } from "./change-topic-status";
import type { NotificationPayload } from "./notification-facts";
import { topicFollowers } from "./topic-followers";

export type MergeRequest = { sourceId: string; targetId: string; actorId: string };

export type MergeOutcome =
  | {
      kind: "merged";
      fromStatus: TopicStatus;
      /** Vote counts after the merge, recomputed from the rows (the source's is 0). */
      sourceVoteCount: number;
      targetVoteCount: number;
      movedVotes: number;
      droppedVotes: number;
      movedComments: number;
      notifications: CreatedNotification[];
    }
  | { kind: "missing" }
  | { kind: "conflict"; code: "SAME_TOPIC" | "SOURCE_MERGED" | "TARGET_MERGED" };

/**
 * Merges a duplicate (source) into the topic to keep (target), in one transaction:
 *
 * 1. `LOCK TABLE "Vote" IN SHARE ROW EXCLUSIVE MODE` waits for in-flight votes to commit and holds
 *    new ones back until the merge commits (they then see the source as MERGED and insert nothing).
 *    Without it a vote could land on the source after its votes were moved, or deadlock with the move
 *    (the vote holds its new row, waits for the counter row we hold; we wait for its row). Merges are
 *    rare and take milliseconds; see docs/decisions/006-merging-topics.md.
 * 2. Both topic rows are locked `FOR UPDATE` in id order (concurrent merges/status changes cannot deadlock),
 *    then the affected vote rows, also in id order (concurrent setVoteWindows cannot deadlock).
 * 3. Every source voter gets a TOPIC_MERGED notification (one INSERT … SELECT, before votes move).
 * 4. A user who voted for both keeps exactly one vote, the target's. Per-vote availability windows:
 *    the target vote's windows win; if it had none (general availability) the source vote's windows
 *    move to it. Then the source vote is deleted (its remaining windows cascade).
 * 5. The other source votes move to the target (same vote ids, so their windows move with them).
 * 6. Comments and trainer links move; topics merged into the source earlier now point at the target
 *    (no chains).
 * 7. Both voteCounts are recomputed from the rows (ADR 004: counts move in the same transaction).
 * 8. source.status = MERGED, mergedIntoId = target; a MERGE ModerationAction on each topic.
 */
export async function mergeTopics(prisma: PrismaClient, { sourceId, targetId, actorId }: MergeRequest): Promise<MergeOutcome> {
  if (sourceId === targetId) return { kind: "conflict", code: "SAME_TOPIC" };
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "Vote" IN SHARE ROW EXCLUSIVE MODE`;
      const rows = await tx.$queryRaw<{ id: string; status: TopicStatus }[]>`
        SELECT "id", "status" FROM "Topic" WHERE "id" IN (${sourceId}, ${targetId}) ORDER BY "id" FOR UPDATE`;
      const source = rows.find((row) => row.id === sourceId);
      const target = rows.find((row) => row.id === targetId);
      if (!source || !target) return { kind: "missing" } as const;
      if (source.status === "MERGED") return { kind: "conflict", code: "SOURCE_MERGED" } as const;
      if (target.status === "MERGED") return { kind: "conflict", code: "TARGET_MERGED" } as const;

      const payload: NotificationPayload = { fromStatus: source.status, toStatus: "MERGED", mergedIntoId: targetId, actorId };
      const notifications = await tx.$queryRaw<CreatedNotification[]>`
        INSERT INTO "Notification" ("id", "userId", "kind", "topicId", "payload")
        SELECT gen_random_uuid()::text, follower."userId", 'TOPIC_MERGED'::"NotificationKind", ${sourceId}, ${JSON.stringify(payload)}::jsonb
        FROM ${topicFollowers(sourceId, actorId)}
        RETURNING "id", "userId"`;

      // Lock every source vote and the target votes of users who voted for both, in id order, before
      // touching their windows: a concurrent setVoteWindows (which locks its one vote, then rewrites
      // its windows) finishes first or waits for the merge, instead of deadlocking with it, and the
      // "target vote has no windows" test below sees its outcome.
      await tx.$queryRaw`
        SELECT v."id" FROM "Vote" v
        WHERE v."topicId" = ${sourceId}
           OR (v."topicId" = ${targetId} AND v."userId" IN (SELECT s."userId" FROM "Vote" s WHERE s."topicId" = ${sourceId}))
        ORDER BY v."id" FOR UPDATE OF v`;
      await tx.$executeRaw`
        UPDATE "VoteWindow" w SET "voteId" = t."id"
        FROM "Vote" s JOIN "Vote" t ON t."userId" = s."userId" AND t."topicId" = ${targetId}
        WHERE s."topicId" = ${sourceId} AND w."voteId" = s."id"
          AND NOT EXISTS (SELECT 1 FROM "VoteWindow" x WHERE x."voteId" = t."id")`;
      const droppedVotes = await tx.$executeRaw`
        DELETE FROM "Vote" s USING "Vote" t
        WHERE s."topicId" = ${sourceId} AND t."topicId" = ${targetId} AND t."userId" = s."userId"`;
      const movedVotes = await tx.$executeRaw`UPDATE "Vote" SET "topicId" = ${targetId} WHERE "topicId" = ${sourceId}`;
      const movedComments = await tx.$executeRaw`UPDATE "Comment" SET "topicId" = ${targetId} WHERE "topicId" = ${sourceId}`;
      await tx.$executeRaw`
        INSERT INTO "TrainerTopic" ("trainerId", "topicId")
        SELECT "trainerId", ${targetId} FROM "TrainerTopic" WHERE "topicId" = ${sourceId}
        ON CONFLICT DO NOTHING`;
      await tx.$executeRaw`UPDATE "Topic" SET "mergedIntoId" = ${targetId} WHERE "mergedIntoId" = ${sourceId}`;

      const counts = await tx.$queryRaw<{ id: string; voteCount: number }[]>`
        UPDATE "Topic" t SET "voteCount" = (SELECT count(*)::int FROM "Vote" v WHERE v."topicId" = t."id")
        WHERE t."id" IN (${sourceId}, ${targetId})
        RETURNING t."id", t."voteCount"`;
      await tx.topic.update({
        where: { id: sourceId },
        data: { status: "MERGED", statusChangedAt: new Date(), mergedIntoId: targetId },
      });
      const facts = { movedVotes, droppedVotes, movedComments };
      await tx.moderationAction.createMany({
        data: [
          { topicId: sourceId, actorId, kind: "MERGE", details: { fromStatus: source.status, toStatus: "MERGED", mergedIntoId: targetId, ...facts } },
          { topicId: targetId, actorId, kind: "MERGE", details: { mergedFromId: sourceId, ...facts } },
        ],
      });
      const countOf = (id: string) => counts.find((row) => row.id === id)!.voteCount;
      return {
        kind: "merged",
        fromStatus: source.status,
        sourceVoteCount: countOf(sourceId),
        targetVoteCount: countOf(targetId),
        ...facts,
        notifications,
      } as const;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
