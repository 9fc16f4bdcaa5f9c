import type { PrismaClient } from "../../prisma/client";
import { fromDateKey } from "../centre-time";
import { buildPlanningInstance, type PlanningInstance } from "./instance-builder";

export const HORIZON_DAYS_LIMITS = { min: 1, max: 56 } as const;
export const TIME_LIMIT_SECONDS_LIMITS = { min: 1, max: 120 } as const;

export type StartRunInput = {
  horizonStart: string;
  horizonDays: number;
  timeLimitSeconds: number;
  topicIds?: ReadonlyArray<string> | null;
  createdById: string;
  seed?: number;
};

/** What a run's frozen instance lacks; the run still goes ahead (the proposal will be empty). */
export type PlanningWarning = "NO_TOPICS" | "NO_DEMAND" | "NO_QUALIFIED_TRAINER";

export function instanceWarnings(instance: Pick<PlanningInstance, "topics" | "demand" | "trainers">): PlanningWarning[] {
  const warnings: PlanningWarning[] = [];
  if (instance.topics.length === 0) warnings.push("NO_TOPICS");
  else if (instance.demand.length === 0) warnings.push("NO_DEMAND");
  if (instance.topics.length > 0 && !instance.trainers.some((trainer) => trainer.topics.length > 0)) warnings.push("NO_QUALIFIED_TRAINER");
  return warnings;
}

/**
 * Freezes the instance from the database as it is now and queues the run. The caller publishes
 * `planningRun:queued` after this returns (the row is committed), so a runner picks it up at once.
 */
export async function enqueuePlanningRun(prisma: PrismaClient, input: StartRunInput) {
  const instance = await buildPlanningInstance(prisma, {
    horizonStart: input.horizonStart,
    horizonDays: input.horizonDays,
    topicIds: input.topicIds,
  });
  const run = await prisma.planningRun.create({
    data: {
      status: "QUEUED",
      createdById: input.createdById,
      horizonStart: fromDateKey(input.horizonStart),
      horizonDays: input.horizonDays,
      timeLimitSeconds: input.timeLimitSeconds,
      seed: input.seed ?? 1,
      instance,
    },
    select: { id: true },
  });
  return { runId: run.id, warnings: instanceWarnings(instance) };
}

export type CancelOutcome = { kind: "missing" } | { kind: "finished" } | { kind: "cancelled" } | { kind: "requested" };

/**
 * A queued run is cancelled at once; a running one gets `cancelRequested` and its runner stops the
 * solver (it notices through the run's change event or its next heartbeat). Finished runs stay.
 */
export async function cancelPlanningRun(prisma: PrismaClient, runId: string): Promise<CancelOutcome> {
  const queued = await prisma.planningRun.updateMany({
    where: { id: runId, status: "QUEUED" },
    data: { status: "CANCELLED", cancelRequested: true, finishedAt: new Date() },
  });
  if (queued.count === 1) return { kind: "cancelled" };
  const running = await prisma.planningRun.updateMany({ where: { id: runId, status: "RUNNING" }, data: { cancelRequested: true } });
  if (running.count === 1) return { kind: "requested" };
  const exists = await prisma.planningRun.count({ where: { id: runId } });
  return exists ? { kind: "finished" } : { kind: "missing" };
}
