import type { PrismaClient } from "../prisma/client";
import type { Prisma } from "../prisma/generated/client";
import type { TopicStatus } from "../prisma/generated/enums";
import type { NotificationPayload } from "./notification-facts";
import { topicFollowers } from "./topic-followers";
import { allowedTargets, planTransition, type TransitionRefusal, type TransitionVia } from "./topic-status";

export type CreatedNotification = { id: string; userId: string };

export type StatusChangeOutcome =
  | { kind: "changed"; fromStatus: TopicStatus; toStatus: TopicStatus; notifications: CreatedNotification[] }
  | { kind: "unchanged" }
  | { kind: "missing" }
  | { kind: "refused"; fromStatus: TopicStatus; reason: TransitionRefusal; allowed: TopicStatus[] };

export type StatusChangeRequest = {
  topicId: string;
  actorId: string;
  to: TopicStatus;
  via: Exclude<TransitionVia, "merge">;
  /** Required (non-empty) when `to` is REJECTED; the caller validates it. */
  reason?: string;
  /** Tell every voter and the author with a TOPIC_STATUS_CHANGED notification (default true). */
  notifyVoters?: boolean;
};

/**
 * One transaction: lock the topic row, check the transition against its current status, update
 * status/statusChangedAt/rejectionReason, record a ModerationAction, and notify the topic's voters
 * and author (except the actor) with one INSERT … SELECT. Publishing is the caller's job, after commit.
 */
export async function changeTopicStatus(prisma: PrismaClient, request: StatusChangeRequest): Promise<StatusChangeOutcome> {
  return prisma.$transaction((tx) => changeTopicStatusIn(tx, request), { maxWait: 10_000, timeout: 30_000 });
}

/** The same, inside the caller's transaction (e.g. approving sessions schedules their topics). */
export async function changeTopicStatusIn(tx: Prisma.TransactionClient, request: StatusChangeRequest): Promise<StatusChangeOutcome> {
  const { topicId, actorId, to, via } = request;
  const [row] = await tx.$queryRaw<{ status: TopicStatus }[]>`
    SELECT "status" FROM "Topic" WHERE "id" = ${topicId} FOR UPDATE`;
  if (!row) return { kind: "missing" } as const;
  const fromStatus = row.status;
  const plan = planTransition(fromStatus, to, via);
  if (!plan.ok) return { kind: "refused", fromStatus, reason: plan.reason, allowed: plan.allowed } as const;
  if (plan.unchanged) return { kind: "unchanged" } as const;
  // DONE is final: not while a session of the topic is still to come (its bookings would be stranded).
  if (to === "DONE") {
    const ahead = await tx.trainingSession.count({ where: { topicId, status: "SCHEDULED", startsAt: { gt: new Date() } } });
    if (ahead > 0) return { kind: "refused", fromStatus, reason: "SESSIONS_AHEAD", allowed: plan.ok ? allowedTargetsExcept(fromStatus, via, "DONE") : [] } as const;
  }

  const reason = to === "REJECTED" ? request.reason : undefined;
  await tx.topic.update({
    where: { id: topicId },
    data: { status: to, statusChangedAt: new Date(), rejectionReason: reason ?? null },
  });
  await tx.moderationAction.create({
    data: { topicId, actorId, kind: plan.kind, details: { fromStatus, toStatus: to, ...(reason ? { reason } : {}) } },
  });
  if (request.notifyVoters === false) return { kind: "changed", fromStatus, toStatus: to, notifications: [] } as const;
  const payload: NotificationPayload = { fromStatus, toStatus: to, actorId, ...(reason ? { reason } : {}) };
  const notifications = await tx.$queryRaw<CreatedNotification[]>`
    INSERT INTO "Notification" ("id", "userId", "kind", "topicId", "payload")
    SELECT gen_random_uuid()::text, follower."userId", 'TOPIC_STATUS_CHANGED'::"NotificationKind", ${topicId}, ${JSON.stringify(payload)}::jsonb
    FROM ${topicFollowers(topicId, actorId)}
    RETURNING "id", "userId"`;
  return { kind: "changed", fromStatus, toStatus: to, notifications } as const;
}

function allowedTargetsExcept(from: TopicStatus, via: Exclude<TransitionVia, "merge">, except: TopicStatus): TopicStatus[] {
  return allowedTargets(from, via).filter((status) => status !== except);
}
