import type { PrismaClient } from "../../prisma/client";
import type { Instance } from "../../scheduler/types";
import { dateKey, fromDateKey } from "../centre-time";
import { expectedAttendance } from "./attendance";
import { checkSession, contractCapacity, siteOfRoom, startsInThePast, type SessionSlot, type Violation } from "./review";
import { loadReviewContext, lockResources, loadRun, type Tx } from "./review-load";

export type ReviewConflict = "STALE_VERSION" | "NOT_PROPOSED" | "RUN_NOT_READY" | "NOTHING_TO_APPROVE" | "TOPIC_CLOSED";

export type EditRequest = {
  sessionId: string;
  version: number;
  /** "YYYY-MM-DD" */
  date?: string;
  /** Minutes after midnight. */
  startMinute?: number;
  trainerId?: string;
  /** A room of the instance; null or absent keeps the current room (on-line sessions have none). */
  roomId?: string | null;
};

export type EditOutcome =
  | { kind: "updated"; sessionId: string }
  | { kind: "missing" }
  | { kind: "conflict"; code: ReviewConflict }
  | { kind: "violations"; violations: Violation[] };

const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

/** Locks the session row and tells whether it may be edited at `version`. */
async function lockEditable(tx: Tx, sessionId: string, version: number) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ProposedSession" WHERE "id" = ${sessionId} FOR UPDATE`;
  if (!row) return { kind: "missing" } as const;
  const session = await tx.proposedSession.findUniqueOrThrow({ where: { id: sessionId } });
  const run = await loadRun(tx, session.runId);
  if (!run || run.status !== "SUCCEEDED") return { kind: "conflict", code: "RUN_NOT_READY" } as const;
  if (session.state !== "PROPOSED") return { kind: "conflict", code: "NOT_PROPOSED" } as const;
  if (session.version !== version) return { kind: "conflict", code: "STALE_VERSION" } as const;
  return { kind: "ok", session, instance: run.instance as unknown as Instance } as const;
}

/**
 * Moves a proposed session and/or changes its trainer or room, in one transaction: the session row
 * and the trainer and room involved are locked, the edited session is checked against the frozen
 * instance and every live session, its capacity and expected attendance are recomputed, and its
 * version is bumped. Any violation or conflict changes nothing.
 */
export async function updateProposedSession(prisma: PrismaClient, request: EditRequest): Promise<EditOutcome> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockEditable(tx, request.sessionId, request.version);
    if (locked.kind !== "ok") return locked;
    const { session } = locked;
    const roomId = request.roomId ?? session.roomId;
    const trainerId = request.trainerId ?? session.trainerId;
    await lockResources(tx, [trainerId], [roomId]);
    const context = await loadReviewContext(tx, session.runId, locked.instance, [request.date ?? dateKey(session.date)]);
    const { instance } = context;

    const topic = instance.topics.find((entry) => entry.id === session.topicId);
    const duration = topic?.durationMinutes ?? session.endMinute - session.startMinute;
    const startMinute = request.startMinute ?? session.startMinute;
    const slot: SessionSlot = {
      topicId: session.topicId,
      trainerId,
      roomId,
      siteCode: roomId === null ? null : siteOfRoom(instance, roomId),
      date: request.date ?? dateKey(session.date),
      startMinute,
      endMinute: startMinute + duration,
    };
    const others = context.live.filter((other) => other.id !== session.id);
    const violations = [...startsInThePast(slot, new Date()), ...checkSession(instance, slot, others)];
    if (violations.length > 0) return { kind: "violations", violations } as const;

    const capacity = contractCapacity(instance, slot.topicId, slot.roomId) ?? session.capacity;
    const attendance = expectedAttendance(instance, slot, capacity, others.filter((other) => other.kind === "proposal"));
    const siteId = slot.siteCode === null ? null : (context.siteIdByCode.get(slot.siteCode) ?? null);
    await tx.proposedSession.update({
      where: { id: session.id },
      data: {
        trainerId,
        roomId,
        siteId,
        date: fromDateKey(slot.date),
        startMinute: slot.startMinute,
        endMinute: slot.endMinute,
        capacity,
        ...attendance,
        version: { increment: 1 },
      },
    });
    return { kind: "updated", sessionId: session.id } as const;
  }, TX_OPTIONS);
}

/** Marks a proposed session REMOVED (kept for the record; its people become unserved). */
export async function removeProposedSession(
  prisma: PrismaClient,
  request: { sessionId: string; version: number },
): Promise<EditOutcome> {
  return prisma.$transaction(async (tx) => {
    const locked = await lockEditable(tx, request.sessionId, request.version);
    if (locked.kind !== "ok") return locked;
    await tx.proposedSession.update({
      where: { id: request.sessionId },
      data: { state: "REMOVED", version: { increment: 1 } },
    });
    return { kind: "updated", sessionId: request.sessionId } as const;
  }, TX_OPTIONS);
}
