import { z } from "zod";
import { centreWallClock, dateKey, fromDateKey } from "../domain/centre-time";
import { currentFigures, unservedNow, type CurrentFigures, type ReviewedSession, type UnservedTopicNow } from "../domain/planning/current-figures";
import { PLANNABLE_STATUSES } from "../domain/planning/instance-builder";
import { readInstance, readMetrics, readProgress, readUnserved, summariseInstance, type UnservedTopic } from "../domain/planning/run-report";
import { cancelPlanningRun, enqueuePlanningRun, HORIZON_DAYS_LIMITS, TIME_LIMIT_SECONDS_LIMITS } from "../domain/planning/start-run";
import { builder } from "./builder";
import { requestMemo } from "./request-memo";
import { FieldError, NotFoundError, ValidationError } from "./errors";
import { decodeNodeId } from "./node-id";
import { PlanningRunFinishedError } from "./planning-errors";
import { nonEmpty } from "./prisma-query";
import { decodeTopicId } from "./topic-id";
import { validationErrorFromIssues } from "./validation-error";

const PlanningRunStatusEnum = builder.enumType("PlanningRunStatus", {
  values: ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"] as const,
});
const PlanningPhaseEnum = builder.enumType("PlanningPhase", {
  values: { MODEL: { value: "model" }, CONSTRUCT: { value: "construct" }, IMPROVE: { value: "improve" }, BOUND: { value: "bound" }, DONE: { value: "done" } } as const,
});
const ProposalStatusEnum = builder.enumType("PlanningProposalStatus", {
  values: { OPTIMAL: { value: "optimal" }, FEASIBLE: { value: "feasible" }, TIMED_OUT: { value: "timedOut" }, INFEASIBLE: { value: "infeasible" } } as const,
});
const UnservedReasonEnum = builder.enumType("PlanningUnservedReason", {
  description: "Why demand pairs stayed unserved (the first that applies, in this order).",
  values: {
    NO_QUALIFIED_TRAINER: { value: "noQualifiedTrainer" },
    NO_COMMON_TIME: { value: "noCommonTime" },
    BELOW_MINIMUM_GROUP: { value: "belowMinimumGroup" },
    MAX_SESSIONS_REACHED: { value: "maxSessionsReached" },
    NO_QUALIFIED_TRAINER_FREE: { value: "noQualifiedTrainerFree" },
    NO_ROOM_FREE: { value: "noRoomFree" },
    NOT_ANALYSED: { value: "notAnalysed", description: "The time limit ran out before this pair was analysed." },
  } as const,
});
const PlanningWarningEnum = builder.enumType("PlanningWarning", {
  description: "What the run's frozen instance lacks; the run still goes ahead.",
  values: ["NO_TOPICS", "NO_DEMAND", "NO_QUALIFIED_TRAINER"] as const,
});

const PlanningProgress = builder.objectRef<NonNullable<ReturnType<typeof readProgress>>>("PlanningProgress").implement({
  description: "The latest progress report of a running (or finished) run.",
  fields: (t) => ({
    phase: t.field({ type: PlanningPhaseEnum, resolve: (p) => p.phase }),
    fraction: t.exposeFloat("fraction", { description: "0..1, for a progress bar." }),
    servedWeight: t.exposeFloat("servedWeight", { description: "Best served weight found so far." }),
    upperBound: t.exposeFloat("upperBound", { nullable: true, description: "Proven bound on the served weight, once known." }),
    gap: t.exposeFloat("gap", { nullable: true, description: "1 − servedWeight / upperBound." }),
    elapsedMs: t.exposeInt("elapsedMs"),
  }),
});

const PlanningMetrics = builder.objectRef<NonNullable<ReturnType<typeof readMetrics>>>("PlanningMetrics").implement({
  description: "The proposal's figures (scheduler contract metrics).",
  fields: (t) => ({
    servedWeight: t.exposeFloat("servedWeight"),
    servedPairs: t.exposeInt("servedPairs"),
    demandPairs: t.exposeInt("demandPairs"),
    sessions: t.exposeInt("sessions"),
    upperBound: t.exposeFloat("upperBound", { nullable: true }),
    gap: t.exposeFloat("gap", { nullable: true }),
    elapsedMs: t.exposeInt("elapsedMs"),
    status: t.field({ type: ProposalStatusEnum, resolve: (m) => m.status }),
  }),
});

const PlanningCurrentMetrics = builder.objectRef<CurrentFigures>("PlanningCurrentMetrics").implement({
  description:
    "The proposal's figures as the review has left it (moves, re-staffing, removals and approvals included): " +
    "sums over the sessions still in play; `metrics` keeps the solver's own.",
  fields: (t) => ({
    servedWeight: t.exposeFloat("servedWeight", { description: "Σ attendees: 1 each in a preferred window, 0.5 if need be." }),
    servedPairs: t.exposeInt("servedPairs", { description: "Person–topic demand pairs served." }),
    demandPairs: t.exposeInt("demandPairs"),
    upperBound: t.exposeFloat("upperBound", { nullable: true, description: "The solver's proven bound (holds for any plan of the instance)." }),
    gap: t.exposeFloat("gap", { nullable: true, description: "1 − servedWeight / upperBound." }),
    proposed: t.exposeInt("proposed", { description: "Sessions still awaiting a decision." }),
    approved: t.exposeInt("approved"),
    removed: t.exposeInt("removed"),
  }),
});

const UnservedReasonCount = builder.objectRef<UnservedTopic["reasons"][number]>("PlanningUnservedReasonCount").implement({
  fields: (t) => ({ reason: t.field({ type: UnservedReasonEnum, resolve: (r) => r.reason }), count: t.exposeInt("count") }),
});

const UnservedTopicRef = builder.objectRef<UnservedTopicNow>("PlanningUnservedTopic").implement({
  description: "A topic whose demand the proposal does not fully serve, and why.",
  fields: (t) => ({
    topic: t.prismaField({
      type: "Topic",
      nullable: true,
      resolve: (query, row, _args, context) => context.prisma.topic.findUnique({ ...nonEmpty(query), where: { id: row.topicId } }),
    }),
    demandPairs: t.exposeInt("demandPairs"),
    unservedPairs: t.exposeInt("unservedPairs", { description: "Unserved when the solver finished (what its reasons explain)." }),
    currentUnservedPairs: t.exposeInt("currentUnservedPairs", { description: "Unserved by the sessions still in play now." }),
    reasons: t.field({ type: [UnservedReasonCount], resolve: (row) => row.reasons }),
  }),
});

const InstanceSummaryRef = builder.objectRef<ReturnType<typeof summariseInstance>>("PlanningInstanceSummary").implement({
  description: "What the run plans with (its frozen instance).",
  fields: (t) => ({
    topics: t.exposeInt("topics"),
    trainers: t.exposeInt("trainers"),
    sites: t.exposeInt("sites"),
    rooms: t.exposeInt("rooms"),
    demandPairs: t.exposeInt("demandPairs"),
    reservedSessions: t.exposeInt("reservedSessions", { description: "Approved sessions in the horizon the proposal plans around." }),
    warnings: t.field({ type: [PlanningWarningEnum], resolve: (s) => s.warnings }),
  }),
});

// currentMetrics and unserved share one read of the run's sessions per request.
const reviewedSessions = requestMemo<string, ReviewedSession[]>((context, runId) =>
  context.prisma.proposedSession.findMany({
    where: { runId },
    select: { topicId: true, state: true, preferredAttendees: true, ifNeedBeAttendees: true },
  }),
);

builder.prismaNode("PlanningRun", {
  // node(id) of a deleted or never-existing PlanningRun answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "One scheduler run (manager only): a durable job from QUEUED to SUCCEEDED, FAILED or CANCELLED.",
  authScopes: { manager: true },
  // The instance and proposal can be megabytes: only fields that need them select them.
  select: { id: true },
  fields: (t) => ({
    status: t.expose("status", { type: PlanningRunStatusEnum }),
    horizonStart: t.string({ description: '"YYYY-MM-DD", centre wall clock.', select: { horizonStart: true }, resolve: (run) => dateKey(run.horizonStart) }),
    horizonDays: t.exposeInt("horizonDays"),
    timeLimitSeconds: t.exposeInt("timeLimitSeconds"),
    seed: t.exposeInt("seed"),
    attempts: t.exposeInt("attempts"),
    cancelRequested: t.exposeBoolean("cancelRequested"),
    createdBy: t.relation("createdBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    startedAt: t.expose("startedAt", { type: "DateTime", nullable: true }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
    error: t.exposeString("error", { nullable: true }),
    progress: t.field({ type: PlanningProgress, nullable: true, select: { progress: true }, resolve: (run) => readProgress(run.progress) }),
    metrics: t.field({ type: PlanningMetrics, nullable: true, select: { proposal: true }, resolve: (run) => readMetrics(run.proposal) }),
    currentMetrics: t.field({
      type: PlanningCurrentMetrics,
      nullable: true,
      select: { id: true, proposal: true, instance: true },
      resolve: async (run, _args, context) => {
        const atSolve = readMetrics(run.proposal);
        if (!atSolve) return null;
        return currentFigures(await reviewedSessions(context, run.id), readInstance(run.instance).demand.length, atSolve.upperBound);
      },
    }),
    unserved: t.field({
      type: [UnservedTopicRef],
      select: { id: true, proposal: true, instance: true },
      resolve: async (run, _args, context) => {
        const demandTopicIds = readInstance(run.instance).demand.map((entry) => entry.topicId);
        return unservedNow(demandTopicIds, readUnserved(run.proposal), await reviewedSessions(context, run.id));
      },
    }),
    instanceSummary: t.field({ type: InstanceSummaryRef, select: { instance: true }, resolve: (run) => summariseInstance(run.instance) }),
    topics: t.prismaField({
      type: ["Topic"],
      description: "The topics the run considers, in the instance's order.",
      select: { instance: true },
      resolve: async (query, run, _args, context) => {
        const ids = readInstance(run.instance).topics.map((topic) => topic.id);
        const rows = await context.prisma.topic.findMany({ ...nonEmpty(query), where: { id: { in: ids } } });
        const order = new Map(ids.map((id, index) => [id, index]));
        return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      },
    }),
    instanceJson: t.string({
      description: "The frozen scheduler-contract instance as JSON (export, replay with `npm run schedule`).",
      select: { instance: true },
      resolve: (run) => JSON.stringify(run.instance, null, 2),
    }),
  }),
});

builder.queryField("planningRuns", (t) =>
  t.prismaConnection({
    type: "PlanningRun",
    description: "Manager: planning runs, newest first.",
    authScopes: { manager: true },
    cursor: "id",
    defaultSize: 20,
    maxSize: 100,
    resolve: (query, _root, _args, context) =>
      context.prisma.planningRun.findMany({ ...nonEmpty(query), orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    totalCount: (_connection, _args, context) => context.prisma.planningRun.count(),
  }),
);

const isDate = (value: string) => {
  try {
    return dateKey(fromDateKey(value)) === value;
  } catch {
    return false;
  }
};

// Validated in the resolver: staff must get FORBIDDEN, not a manager form's validation details.
const StartSchema = z.object({
  horizonStart: z.string().refine(isDate, { message: 'must be a date "YYYY-MM-DD"' }),
  horizonDays: z.number().int().min(HORIZON_DAYS_LIMITS.min).max(HORIZON_DAYS_LIMITS.max),
  timeLimitSeconds: z.number().int().min(TIME_LIMIT_SECONDS_LIMITS.min).max(TIME_LIMIT_SECONDS_LIMITS.max),
  topicIds: z.array(z.string()).max(200).nullish(),
});

const StartPlanningRunInput = builder.inputType("StartPlanningRunInput", {
  fields: (t) => ({
    horizonStart: t.string({ required: true, description: '"YYYY-MM-DD": the first day to plan (centre wall clock).' }),
    horizonDays: t.int({ required: true, description: `${HORIZON_DAYS_LIMITS.min}–${HORIZON_DAYS_LIMITS.max} days.` }),
    timeLimitSeconds: t.int({ required: true, description: `${TIME_LIMIT_SECONDS_LIMITS.min}–${TIME_LIMIT_SECONDS_LIMITS.max} seconds.` }),
    topicIds: t.idList({ description: "Topics to plan (at most 200); default: the 30 open and new topics with the most votes." }),
  }),
});

builder.mutationField("startPlanningRun", (t) =>
  t.prismaField({
    type: "PlanningRun",
    description:
      "Manager: freezes the scheduler instance from the database now and queues a run; a planning runner solves it " +
      "off the request path. Follow it with planningRunChanged. An instance without topics or demand is allowed " +
      "(see instanceSummary.warnings).",
    authScopes: { manager: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: StartPlanningRunInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const parsed = StartSchema.safeParse({ ...input, topicIds: input.topicIds?.map(String) });
      if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, ["input"]);
      const today = dateKey(centreWallClock(new Date()).date);
      if (parsed.data.horizonStart < today) throw new ValidationError([new FieldError(["input", "horizonStart"], "must not be in the past")]);
      let topicIds: string[] | null = null;
      if (parsed.data.topicIds?.length) {
        const decoded = parsed.data.topicIds.map((id) => decodeTopicId(id));
        const found = await context.prisma.topic.findMany({
          where: { id: { in: decoded.filter((id): id is string => id !== null) }, status: { in: [...PLANNABLE_STATUSES] } },
          select: { id: true },
        });
        const ok = new Set(found.map((row) => row.id));
        const bad = decoded.flatMap((id, index) => (id && ok.has(id) ? [] : [new FieldError(["input", "topicIds", String(index)], "not a topic that can be planned")]));
        if (bad.length) throw new ValidationError(bad);
        topicIds = decoded as string[];
      }
      const { runId } = await enqueuePlanningRun(context.prisma, { ...parsed.data, topicIds, createdById: context.viewer!.id });
      context.pubsub.publish("planningRun:changed", runId, { runId });
      context.pubsub.publish("planningRun:queued", { runId });
      return context.prisma.planningRun.findUniqueOrThrow({ ...nonEmpty(query), where: { id: runId } });
    },
  }),
);

builder.mutationField("cancelPlanningRun", (t) =>
  t.prismaField({
    type: "PlanningRun",
    description: "Manager: cancels a queued run at once, or asks a running one to stop (it becomes CANCELLED within a moment, with no sessions).",
    authScopes: { manager: true },
    errors: { types: [NotFoundError, PlanningRunFinishedError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const runId = decodeNodeId("PlanningRun", String(args.id));
      if (!runId) throw new NotFoundError("PlanningRun");
      const outcome = await cancelPlanningRun(context.prisma, runId);
      if (outcome.kind === "missing") throw new NotFoundError("PlanningRun");
      if (outcome.kind === "finished") throw new PlanningRunFinishedError();
      context.pubsub.publish("planningRun:changed", runId, { runId });
      return context.prisma.planningRun.findUniqueOrThrow({ ...nonEmpty(query), where: { id: runId } });
    },
  }),
);

builder.subscriptionField("planningRunChanged", (t) =>
  t.prismaField({
    type: "PlanningRun",
    description: "Manager: the run after each progress report and status change.",
    authScopes: { manager: true },
    args: { runId: t.arg.id({ required: true }) },
    subscribe: (_root, args, context) => {
      const runId = decodeNodeId("PlanningRun", String(args.runId));
      if (!runId) throw new NotFoundError("PlanningRun");
      return context.pubsub.subscribe("planningRun:changed", runId);
    },
    resolve: async (query, event: { runId: string }, _args, context) =>
      context.prisma.planningRun.findUniqueOrThrow({ ...nonEmpty(query), where: { id: event.runId } }),
  }),
);
