import type { PrismaClient } from "../../prisma/client";
import type { Instance } from "../../scheduler/types";
import { centreInstant, clockTime, dateKey } from "../centre-time";
import { changeTopicStatusIn, type CreatedNotification } from "../change-topic-status";
import type { TopicStatus } from "../../prisma/generated/enums";
import { checkSession, contractCapacity, startsInThePast, type Violation } from "./review";
import type { ReviewConflict } from "./review-edit";
import { loadReviewContext, lockResources, loadRun } from "./review-load";

export type ApproveRequest = {
  runId: string;
  /** Absent: every PROPOSED session of the run. */
  sessionIds?: readonly string[];
  actorId: string;
  voterPriorityHours: number;
  now: Date;
};

export type ApprovedSession = { proposedSessionId: string; trainingSessionId: string; topicId: string };

export type TopicScheduled = { topicId: string; fromStatus: TopicStatus; toStatus: TopicStatus };

export type ApproveOutcome =
  | { kind: "approved"; sessions: ApprovedSession[]; notifications: CreatedNotification[]; topics: TopicScheduled[] }
  | { kind: "missing" }
  | { kind: "conflict"; code: ReviewConflict; sessionId?: string }
  | { kind: "violations"; sessionId: string; violations: Violation[] };

/** What a SESSION_SCHEDULED notification's payload holds (wall-clock facts at the centre). */
export type SessionScheduledPayload = { date: string; start: string; end: string; startsAt: string; actorId: string };

/** Thrown inside the transaction to roll it back with an outcome. */
class Rollback extends Error {
  constructor(readonly outcome: Exclude<ApproveOutcome, { kind: "approved" }>) {
    super(outcome.kind);
  }
}

/**
 * Approves proposed sessions in ONE transaction. Each one is claimed with a guarded update
 * (state PROPOSED and the version read at the start); if any claim affects no row — another manager
 * approved, removed or edited it meanwhile — everything rolls back with a conflict. The claimed
 * sessions are re-checked against the constraints under trainer and room locks, become
 * TrainingSession rows (proposedSessionId is unique: never twice), their topics become SCHEDULED in
 * the same transaction (recorded in the moderation log; voters are not told of the status step, the
 * session is the news), and every voter of the topic (but the approver) gets a SESSION_SCHEDULED
 * notification. Publishing is the caller's job.
 */
export async function approveProposedSessions(prisma: PrismaClient, request: ApproveRequest): Promise<ApproveOutcome> {
  try {
    return await prisma.$transaction(async (tx) => {
      const run = await loadRun(tx, request.runId);
      if (!run) throw new Rollback({ kind: "missing" });
      if (run.status !== "SUCCEEDED") throw new Rollback({ kind: "conflict", code: "RUN_NOT_READY" });
      const instance = run.instance as unknown as Instance;

      const targets = await tx.proposedSession.findMany({
        where: request.sessionIds ? { runId: run.id, id: { in: [...request.sessionIds] } } : { runId: run.id, state: "PROPOSED" },
        orderBy: { id: "asc" },
      });
      if (request.sessionIds && targets.length !== new Set(request.sessionIds).size) throw new Rollback({ kind: "missing" });
      if (targets.length === 0) throw new Rollback({ kind: "conflict", code: "NOTHING_TO_APPROVE" });

      for (const target of targets) {
        const claimed = await tx.$executeRaw`
          UPDATE "ProposedSession" SET "state" = 'APPROVED', "version" = "version" + 1
          WHERE "id" = ${target.id} AND "state" = 'PROPOSED' AND "version" = ${target.version}`;
        if (claimed === 0) {
          // Read again: the row may have been approved or edited by a transaction we waited for.
          const now = await tx.proposedSession.findUnique({ where: { id: target.id }, select: { state: true } });
          const code = now?.state === "PROPOSED" ? "STALE_VERSION" : "NOT_PROPOSED";
          throw new Rollback({ kind: "conflict", code, sessionId: target.id });
        }
      }

      await lockResources(tx, targets.map((target) => target.trainerId), targets.map((target) => target.roomId));
      const context = await loadReviewContext(tx, run.id, instance, targets.map((target) => dateKey(target.date)));
      for (const target of targets) {
        const slot = context.live.find((live) => live.id === target.id)!;
        const violations = [
          ...startsInThePast(slot, request.now),
          ...checkSession(context.instance, slot, context.live.filter((live) => live.id !== target.id)),
        ];
        if (violations.length > 0) throw new Rollback({ kind: "violations", sessionId: target.id, violations });
      }

      const topicIds = [...new Set(targets.map((target) => target.topicId))].sort();
      // FOR UPDATE in id order: the status change below needs the same lock, and two approvals of
      // the same topics queue instead of deadlocking on a shared-lock upgrade.
      const topics = await tx.$queryRaw<{ id: string; status: string }[]>`
        SELECT "id", "status"::text AS "status" FROM "Topic" WHERE "id" = ANY(${topicIds}::text[]) ORDER BY "id" FOR UPDATE`;
      const closed = topics.find((topic) => ["REJECTED", "MERGED", "DONE"].includes(topic.status));
      if (closed || topics.length !== topicIds.length) throw new Rollback({ kind: "conflict", code: "TOPIC_CLOSED" });

      // Rounded up to a full hour: «запись для всех откроется в 11:00», not «в 10:02». (The centre's
      // offset from UTC is whole hours.)
      const HOUR = 3_600_000;
      // No priority (0 hours) stays none: only a real period is rounded.
      const votersOnlyUntil =
        request.voterPriorityHours > 0
          ? new Date(Math.ceil((request.now.getTime() + request.voterPriorityHours * HOUR) / HOUR) * HOUR)
          : request.now;
      const sessions: ApprovedSession[] = [];
      const notifications: CreatedNotification[] = [];
      for (const target of targets) {
        const startsAt = centreInstant(target.date, target.startMinute);
        const created = await tx.trainingSession.create({
          data: {
            topicId: target.topicId,
            trainerId: target.trainerId,
            siteId: target.siteId,
            roomId: target.roomId,
            date: target.date,
            startMinute: target.startMinute,
            endMinute: target.endMinute,
            startsAt,
            endsAt: centreInstant(target.date, target.endMinute),
            // The room may have been made smaller since the run (the run's capacity would overbook it).
            capacity: contractCapacity(context.instance, target.topicId, target.roomId) ?? target.capacity,
            votersOnlyUntil,
            proposedSessionId: target.id,
            approvedById: request.actorId,
            approvedAt: request.now,
          },
          select: { id: true },
        });
        sessions.push({ proposedSessionId: target.id, trainingSessionId: created.id, topicId: target.topicId });
        const payload: SessionScheduledPayload = {
          date: dateKey(target.date),
          start: clockTime(target.startMinute),
          end: clockTime(target.endMinute),
          startsAt: startsAt.toISOString(),
          actorId: request.actorId,
        };
        notifications.push(
          ...(await tx.$queryRaw<CreatedNotification[]>`
            INSERT INTO "Notification" ("id", "userId", "kind", "topicId", "sessionId", "payload")
            SELECT gen_random_uuid()::text, v."userId", 'SESSION_SCHEDULED'::"NotificationKind", v."topicId", ${created.id}, ${JSON.stringify(payload)}::jsonb
            FROM "Vote" v
            WHERE v."topicId" = ${target.topicId} AND v."userId" <> ${request.actorId}
            RETURNING "id", "userId"`),
        );
      }
      const scheduled: TopicScheduled[] = [];
      for (const topicId of topicIds) {
        const change = await changeTopicStatusIn(tx, { topicId, actorId: request.actorId, to: "SCHEDULED", via: "approval", notifyVoters: false });
        if (change.kind === "changed") scheduled.push({ topicId, fromStatus: change.fromStatus, toStatus: change.toStatus });
      }
      return { kind: "approved", sessions, notifications, topics: scheduled } as const;
    }, { maxWait: 10_000, timeout: 30_000 });
  } catch (error) {
    if (error instanceof Rollback) return error.outcome;
    throw error;
  }
}
