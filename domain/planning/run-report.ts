import type { Explanation, Metrics, Progress, Status, UnservedReason } from "../../scheduler/types";
import type { PlanningInstance } from "./instance-builder";
import { instanceWarnings, type PlanningWarning } from "./start-run";

/**
 * Reads the JSON columns of a PlanningRun (progress, proposal, instance) into the shapes the API
 * shows. Tolerant: a missing or older-shaped value reads as null / empty, never throws.
 */

type Json = unknown;
const isObject = (value: Json): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

export type RunProgress = Pick<Progress, "phase" | "fraction" | "servedWeight" | "elapsedMs"> & { upperBound: number | null; gap: number | null };

const PHASES: ReadonlySet<string> = new Set(["model", "construct", "improve", "bound", "done"]);

/** Relative gap 1 − served / bound, or null without a (positive) bound. */
export function relativeGap(served: number, bound: number | null): number | null {
  if (bound === null || bound <= 0) return null;
  return Math.max(0, 1 - served / bound);
}

export function readProgress(value: Json): RunProgress | null {
  if (!isObject(value) || typeof value.phase !== "string" || !PHASES.has(value.phase)) return null;
  const servedWeight = num(value.servedWeight) ?? 0;
  const upperBound = num(value.upperBound);
  return {
    phase: value.phase as Progress["phase"],
    fraction: Math.min(1, Math.max(0, num(value.fraction) ?? 0)),
    servedWeight,
    upperBound,
    elapsedMs: Math.round(num(value.elapsedMs) ?? 0),
    gap: relativeGap(servedWeight, upperBound),
  };
}

export type RunMetrics = Pick<Metrics, "servedWeight" | "servedPairs" | "demandPairs" | "sessions" | "elapsedMs"> & {
  upperBound: number | null;
  gap: number | null;
  status: Status;
};

const STATUSES: ReadonlySet<string> = new Set(["optimal", "feasible", "timedOut", "infeasible"]);

export function readMetrics(proposal: Json): RunMetrics | null {
  if (!isObject(proposal) || !isObject(proposal.metrics)) return null;
  const metrics = proposal.metrics as Partial<Metrics>;
  const servedWeight = num(metrics.servedWeight) ?? 0;
  const upperBound = num(metrics.upperBound);
  return {
    servedWeight,
    servedPairs: num(metrics.servedPairs) ?? 0,
    demandPairs: num(metrics.demandPairs) ?? 0,
    sessions: num(metrics.sessions) ?? (Array.isArray(proposal.sessions) ? proposal.sessions.length : 0),
    elapsedMs: Math.round(num(metrics.elapsedMs) ?? 0),
    upperBound,
    gap: num(metrics.gap) ?? relativeGap(servedWeight, upperBound),
    status: typeof proposal.status === "string" && STATUSES.has(proposal.status) ? (proposal.status as Status) : "feasible",
  };
}

export type UnservedTopic = { topicId: string; demandPairs: number; unservedPairs: number; reasons: Array<{ reason: UnservedReason; count: number }> };

/** Topics with unserved demand, most unserved first, each with its reasons (largest first). */
export function readUnserved(proposal: Json): UnservedTopic[] {
  if (!isObject(proposal) || !Array.isArray(proposal.explanations)) return [];
  return (proposal.explanations as Partial<Explanation>[])
    .filter((row) => typeof row.topicId === "string" && (num(row.unservedPairs) ?? 0) > 0)
    .map((row) => ({
      topicId: row.topicId!,
      demandPairs: num(row.demandPairs) ?? 0,
      unservedPairs: num(row.unservedPairs) ?? 0,
      reasons: Object.entries(row.reasons ?? {})
        .filter(([, count]) => (num(count) ?? 0) > 0)
        .map(([reason, count]) => ({ reason: reason as UnservedReason, count: count as number }))
        .sort((a, b) => b.count - a.count),
    }))
    .sort((a, b) => b.unservedPairs - a.unservedPairs || (a.topicId < b.topicId ? -1 : 1));
}

export type InstanceSummary = { topics: number; trainers: number; sites: number; rooms: number; demandPairs: number; reservedSessions: number };

export function readInstance(value: Json): Pick<PlanningInstance, "topics" | "trainers" | "sites" | "demand" | "reserved"> {
  const instance = isObject(value) ? value : {};
  const list = <T>(key: string) => (Array.isArray(instance[key]) ? (instance[key] as T[]) : []);
  return { topics: list("topics"), trainers: list("trainers"), sites: list("sites"), demand: list("demand"), reserved: list("reserved") };
}

export function summariseInstance(value: Json): InstanceSummary & { warnings: PlanningWarning[] } {
  const instance = readInstance(value);
  return {
    topics: instance.topics.length,
    trainers: instance.trainers.length,
    sites: instance.sites.length,
    rooms: instance.sites.reduce((sum, site) => sum + (site.rooms?.length ?? 0), 0),
    demandPairs: instance.demand.length,
    reservedSessions: instance.reserved?.length ?? 0,
    warnings: instanceWarnings(instance),
  };
}
