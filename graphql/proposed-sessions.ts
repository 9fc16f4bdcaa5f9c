import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { centreInstant, clockTime, dateKey, fromDateKey } from "../domain/centre-time";
import { approveProposedSessions } from "../domain/planning/approve";
import { removeProposedSession, updateProposedSession, type EditOutcome } from "../domain/planning/review-edit";
import type { Instance } from "../scheduler/types";
import { builder } from "./builder";
import type { GraphQLContext } from "./context";
import { NotFoundError, ValidationError } from "./errors";
import { decodeNodeId } from "./node-id";
import { nonEmpty } from "./prisma-query";
import { ProposalConflictError, ProposalViolationError } from "./review-errors";
import { validationErrorFromIssues } from "./validation-error";

export const ProposedSessionStateEnum = builder.enumType("ProposedSessionState", {
  values: {
    PROPOSED: { description: "Proposed by the scheduler (or edited by a manager); not yet bookable." },
    REMOVED: { description: "Removed by a manager." },
    APPROVED: { description: "Approved: a bookable TrainingSession exists for it." },
  } as const,
});

builder.prismaNode("ProposedSession", {
  // node(id) of a deleted or never-existing ProposedSession answers null, not an error.
  nullable: true,
  id: { field: "id" },
  // Unapproved plans are managers' working material, whichever way they are reached (node(id), a run).
  authScopes: { manager: true },
  description: "A session the scheduler proposed in a planning run, as a manager reviews it. Times are the centre's wall clock.",
  fields: (t) => ({
    topic: t.relation("topic"),
    trainerId: t.id({ description: "The Trainer's global id.", resolve: (session) => encodeGlobalID("Trainer", session.trainerId) }),
    trainerName: t.string({ select: { trainer: { select: { name: true } } }, resolve: (session) => session.trainer.name }),
    online: t.boolean({ description: "On-line session: no site, no room.", resolve: (session) => session.roomId === null }),
    site: t.relation("site", { nullable: true }),
    roomId: t.id({
      nullable: true,
      description: "The Room's global id; null on-line.",
      resolve: (session) => (session.roomId ? encodeGlobalID("Room", session.roomId) : null),
    }),
    roomName: t.string({ nullable: true, select: { room: { select: { name: true } } }, resolve: (session) => session.room?.name ?? null }),
    date: t.string({ description: "YYYY-MM-DD at the centre.", resolve: (session) => dateKey(session.date) }),
    start: t.string({ description: "HH:MM at the centre.", resolve: (session) => clockTime(session.startMinute) }),
    end: t.string({ description: "HH:MM at the centre.", resolve: (session) => clockTime(session.endMinute) }),
    startsAt: t.field({ type: "DateTime", resolve: (session) => centreInstant(session.date, session.startMinute) }),
    endsAt: t.field({ type: "DateTime", resolve: (session) => centreInstant(session.date, session.endMinute) }),
    capacity: t.exposeInt("capacity", { description: "min(room capacity, the topic's maxParticipants); maxParticipants on-line." }),
    preferredAttendees: t.exposeInt("preferredAttendees", { description: "Expected attendees for whom it lies in a preferred window." }),
    ifNeedBeAttendees: t.exposeInt("ifNeedBeAttendees", { description: "Expected attendees who only fit an if-need-be window." }),
    expectedAttendees: t.int({ resolve: (session) => session.preferredAttendees + session.ifNeedBeAttendees }),
    belowMinimum: t.boolean({
      description: "Fewer expected attendees than the topic's minParticipants (allowed, but worth a look).",
      select: { topic: { select: { minParticipants: true } } },
      resolve: (session) => session.preferredAttendees + session.ifNeedBeAttendees < session.topic.minParticipants,
    }),
    state: t.expose("state", { type: ProposedSessionStateEnum }),
    version: t.exposeInt("version", { description: "Pass it back with every edit: a stale version is refused (ProposalConflictError)." }),
    trainingSessionId: t.id({
      nullable: true,
      description: "The TrainingSession's global id once approved.",
      select: { approvedAs: { select: { id: true } } },
      resolve: (session) => (session.approvedAs ? encodeGlobalID("TrainingSession", session.approvedAs.id) : null),
    }),
  }),
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EditSchema = z.object({
  date: z
    .string()
    .regex(DATE, "must be YYYY-MM-DD")
    .refine((text) => {
      try {
        return dateKey(fromDateKey(text)) === text;
      } catch {
        return false;
      }
    }, "must be a calendar date")
    .nullish(),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (00:00–23:59)").nullish(),
  trainerId: z.string().nullish(),
  roomId: z.string().nullish(),
});

const UpdateProposedSessionInput = builder.inputType("UpdateProposedSessionInput", {
  description: "What to change; omitted or null fields keep their value.",
  fields: (t) => ({
    date: t.string({ description: "YYYY-MM-DD, inside the run's horizon." }),
    start: t.string({ description: "HH:MM on the run's slot grid; the end follows from the topic's duration." }),
    trainerId: t.id({ description: "A Trainer's global id." }),
    roomId: t.id({ description: "A Room's global id (its site follows); null keeps the room. On-line sessions have none." }),
  }),
});

function sessionIdOf(raw: string | number): string {
  const id = decodeNodeId("ProposedSession", String(raw));
  if (!id) throw new NotFoundError("ProposedSession");
  return id;
}

function unwrapEdit(outcome: EditOutcome, sessionId: string): string {
  if (outcome.kind === "missing") throw new NotFoundError("ProposedSession");
  if (outcome.kind === "conflict") throw new ProposalConflictError(outcome.code, sessionId);
  if (outcome.kind === "violations") throw new ProposalViolationError(sessionId, outcome.violations);
  return outcome.sessionId;
}

const EDIT_ERRORS = [ValidationError, NotFoundError, ProposalConflictError, ProposalViolationError];

builder.mutationField("updateProposedSession", (t) =>
  t.prismaField({
    type: "ProposedSession",
    description:
      "Manager: moves a proposed session and/or changes its trainer or room. The result is checked against the run's " +
      "hard constraints and every live session (ProposalViolationError lists what it would break); capacity and expected " +
      "attendance are recomputed. Nothing changes on any error.",
    authScopes: { manager: true },
    errors: { types: EDIT_ERRORS },
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: UpdateProposedSessionInput, required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const parsed = EditSchema.safeParse(args.input);
      if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, ["input"]);
      const sessionId = sessionIdOf(args.id);
      const { date, start, trainerId: rawTrainer, roomId: rawRoom } = parsed.data;
      const trainerId = rawTrainer ? decodeNodeId("Trainer", rawTrainer) : undefined;
      const roomId = rawRoom ? decodeNodeId("Room", rawRoom) : undefined;
      if (trainerId === null) throw new NotFoundError("Trainer");
      if (roomId === null) throw new NotFoundError("Room");
      const [hours, minutes] = start ? start.split(":").map(Number) : [];
      const outcome = await updateProposedSession(context.prisma, {
        sessionId,
        version: args.version,
        date: date ?? undefined,
        startMinute: start ? hours * 60 + minutes : undefined,
        trainerId,
        roomId,
      });
      unwrapEdit(outcome, sessionId);
      return context.prisma.proposedSession.findUniqueOrThrow({ ...nonEmpty(query), where: { id: sessionId } });
    },
  }),
);

builder.mutationField("removeProposedSession", (t) =>
  t.prismaField({
    type: "ProposedSession",
    description: "Manager: removes a proposed session from the proposal (state REMOVED).",
    authScopes: { manager: true },
    errors: { types: EDIT_ERRORS },
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const sessionId = sessionIdOf(args.id);
      unwrapEdit(await removeProposedSession(context.prisma, { sessionId, version: args.version }), sessionId);
      return context.prisma.proposedSession.findUniqueOrThrow({ ...nonEmpty(query), where: { id: sessionId } });
    },
  }),
);

/** After the approval committed: every event. */
async function publishApproval(
  context: GraphQLContext,
  outcome: Extract<Awaited<ReturnType<typeof approveProposedSessions>>, { kind: "approved" }>,
) {
  for (const topic of outcome.topics) context.pubsub.publish("topic:statusChanged", topic);
  for (const notification of outcome.notifications) {
    context.pubsub.publish("notification:added", notification.userId, { notificationId: notification.id });
  }
  for (const session of outcome.sessions) context.pubsub.publish("session:published", { sessionId: session.trainingSessionId });
}

builder.mutationField("approveProposedSessions", (t) =>
  t.prismaField({
    type: ["ProposedSession"],
    description:
      "Manager: approves the given proposed sessions of a run (default: every PROPOSED one) in one transaction: each " +
      "becomes a bookable TrainingSession, voters are told (SESSION_SCHEDULED) and the topics become SCHEDULED. If any " +
      "session was approved, removed or edited meanwhile (ProposalConflictError) or now breaks a constraint " +
      "(ProposalViolationError), nothing is approved. Returns the approved sessions.",
    authScopes: { manager: true },
    errors: { types: [NotFoundError, ProposalConflictError, ProposalViolationError] },
    args: { runId: t.arg.id({ required: true }), sessionIds: t.arg.idList({ required: false }) },
    resolve: async (query, _root, args, context) => {
      const runId = decodeNodeId("PlanningRun", String(args.runId));
      if (!runId) throw new NotFoundError("PlanningRun");
      const sessionIds = args.sessionIds?.map((raw) => sessionIdOf(raw));
      if (sessionIds && sessionIds.length === 0) throw new ProposalConflictError("NOTHING_TO_APPROVE");
      const outcome = await approveProposedSessions(context.prisma, {
        runId,
        sessionIds,
        actorId: context.viewer!.id,
        voterPriorityHours: context.policy.voterPriorityHours,
        now: new Date(),
      });
      if (outcome.kind === "missing") throw new NotFoundError(sessionIds ? "ProposedSession" : "PlanningRun");
      if (outcome.kind === "conflict") throw new ProposalConflictError(outcome.code, outcome.sessionId ?? null);
      if (outcome.kind === "violations") throw new ProposalViolationError(outcome.sessionId, outcome.violations);
      await publishApproval(context, outcome);
      return context.prisma.proposedSession.findMany({
        ...nonEmpty(query),
        where: { id: { in: outcome.sessions.map((session) => session.proposedSessionId) } },
        orderBy: [{ date: "asc" }, { startMinute: "asc" }, { id: "asc" }],
      });
    },
  }),
);

// ---- The review view of a planning run (PlanningRun is defined in graphql/planning-runs.ts) ----

type ReviewTrainer = { id: string; name: string; topicIds: readonly string[] };
type ReviewRoom = { id: string; name: string; capacity: number; siteName: string; siteCode: string };

const ReviewTrainerRef = builder.objectRef<ReviewTrainer>("PlanningReviewTrainer").implement({
  description: "A trainer of the run's frozen instance, for the review's edit form.",
  fields: (t) => ({
    id: t.id({ description: "The Trainer's global id.", resolve: (trainer) => encodeGlobalID("Trainer", trainer.id) }),
    name: t.exposeString("name"),
    topicIds: t.idList({ description: "Topics (global ids) the trainer teaches.", resolve: (trainer) => trainer.topicIds.map((id) => encodeGlobalID("Topic", id)) }),
  }),
});

const ReviewRoomRef = builder.objectRef<ReviewRoom>("PlanningReviewRoom").implement({
  description: "A room of the run's frozen instance, for the review's edit form.",
  fields: (t) => ({
    id: t.id({ description: "The Room's global id.", resolve: (room) => encodeGlobalID("Room", room.id) }),
    name: t.exposeString("name"),
    capacity: t.exposeInt("capacity"),
    siteName: t.exposeString("siteName"),
    siteCode: t.exposeString("siteCode", { description: "The site's code, as in violation parameters." }),
  }),
});

const instanceOf = (run: { instance: unknown }) => run.instance as unknown as Instance;

builder.prismaObjectFields("PlanningRun", (t) => ({
  sessions: t.prismaField({
    type: ["ProposedSession"],
    description: "The run's proposed sessions by date and time (default: PROPOSED and APPROVED).",
    args: { states: t.arg({ type: [ProposedSessionStateEnum], required: false }) },
    resolve: (query, run, args, context) =>
      context.prisma.proposedSession.findMany({
        ...nonEmpty(query),
        where: { runId: run.id, state: { in: args.states ?? ["PROPOSED", "APPROVED"] } },
        orderBy: [{ date: "asc" }, { startMinute: "asc" }, { id: "asc" }],
      }),
  }),
  reviewTrainers: t.field({
    type: [ReviewTrainerRef],
    select: { instance: true },
    resolve: async (run, _args, context) => {
      const trainers = instanceOf(run).trainers;
      const rows = await context.prisma.trainer.findMany({ where: { id: { in: trainers.map((trainer) => trainer.id) } }, select: { id: true, name: true } });
      const names = new Map(rows.map((row) => [row.id, row.name]));
      return trainers
        .map((trainer) => ({ id: trainer.id, name: names.get(trainer.id) ?? trainer.id, topicIds: trainer.topics }))
        .sort((a, b) => a.name.localeCompare(b.name, "ru"));
    },
  }),
  reviewRooms: t.field({
    type: [ReviewRoomRef],
    select: { instance: true },
    resolve: async (run, _args, context) => {
      // Capacities as frozen in the instance: the constraints are checked against those.
      const frozen = new Map(instanceOf(run).sites.flatMap((site) => site.rooms.map((room) => [room.id, room.capacity] as const)));
      const ids = [...frozen.keys()];
      const rows = await context.prisma.room.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true, capacity: true, site: { select: { name: true, code: true } } },
        orderBy: [{ site: { name: "asc" } }, { name: "asc" }],
      });
      return rows.map((row) => ({ id: row.id, name: row.name, capacity: frozen.get(row.id) ?? row.capacity, siteName: row.site.name, siteCode: row.site.code }));
    },
  }),
}));
