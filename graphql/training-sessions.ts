import { encodeGlobalID } from "@pothos/plugin-relay";
import { loadViewerFit, matchesTime, matchRank, type ViewerFit } from "../domain/booking-match";
import { z } from "zod";
import { clockTime, dateKey, fromDateKey } from "../domain/centre-time";
import { CANCEL_REASON_LIMITS, cancelTrainingSession, type SessionCancelRefusal } from "../domain/session-cancel";
import { plainText } from "../domain/plain-text";
import { builder } from "./builder";
import type { GraphQLContext } from "./context";
import { ErrorInterface, NotFoundError, ValidationError } from "./errors";
import { decodeNodeId } from "./node-id";
import { inOrder, pageOfIds, splitPageQuery } from "./ordered-page";
import { nonEmpty } from "./prisma-query";
import { requestMemo } from "./request-memo";
import { validationErrorFromIssues } from "./validation-error";

const SessionStatusEnum = builder.enumType("SessionStatus", { values: ["SCHEDULED", "CANCELLED"] as const });

// One load of the viewer's votes, availability and sites per request, whatever the number of sessions.
const viewerFits = requestMemo<null, ViewerFit>((context) => loadViewerFit(context.prisma, context.viewer!.id));
export const viewerFit = (context: GraphQLContext): Promise<ViewerFit> => viewerFits(context, null);

const AttendanceSummary = builder
  .objectRef<{ attended: number; noShow: number; unmarked: number }>("AttendanceSummary")
  .implement({
    description: "Attendance of a session's confirmed bookings.",
    fields: (t) => ({ attended: t.exposeInt("attended"), noShow: t.exposeInt("noShow"), unmarked: t.exposeInt("unmarked") }),
  });

builder.prismaNode("TrainingSession", {
  // node(id) of a deleted or never-existing TrainingSession answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "An approved, bookable session of a topic: a trainer, a place (or on-line) and a time on the centre's clock.",
  fields: (t) => ({
    topic: t.relation("topic"),
    trainerName: t.string({ select: { trainer: { select: { name: true } } }, resolve: (session) => session.trainer.name }),
    site: t.relation("site", { nullable: true, description: "Null for an on-line session." }),
    roomName: t.string({ nullable: true, select: { room: { select: { name: true } } }, resolve: (session) => session.room?.name ?? null }),
    online: t.boolean({ select: { siteId: true }, resolve: (session) => session.siteId === null }),
    date: t.string({ description: "The centre's calendar date, YYYY-MM-DD.", select: { date: true }, resolve: (session) => dateKey(session.date) }),
    startTime: t.string({ description: "HH:MM on the centre's clock (Europe/Moscow).", select: { startMinute: true }, resolve: (s) => clockTime(s.startMinute) }),
    endTime: t.string({ description: "HH:MM on the centre's clock (Europe/Moscow).", select: { endMinute: true }, resolve: (s) => clockTime(s.endMinute) }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    capacity: t.exposeInt("capacity"),
    seatsTaken: t.exposeInt("seatsTaken", { description: "Confirmed bookings." }),
    seatsLeft: t.int({ select: { capacity: true, seatsTaken: true }, resolve: (s) => Math.max(0, s.capacity - s.seatsTaken) }),
    waitlisted: t.exposeInt("waitlisted", { description: "Bookings waiting for a seat." }),
    status: t.expose("status", { type: SessionStatusEnum }),
    votersOnlyUntil: t.expose("votersOnlyUntil", { type: "DateTime", description: "Until then only voters of the topic may book." }),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true, description: "When a manager cancelled the session." }),
    cancelReason: t.exposeString("cancelReason", { nullable: true, description: "Why it was cancelled, as the manager wrote it." }),
    cancelledBy: t.relation("cancelledBy", { nullable: true, description: "The manager who cancelled it (null once that account is gone)." }),
    viewerBooking: t.prismaField({
      type: "Booking",
      nullable: true,
      description: "The viewer's active (confirmed or waitlisted) booking of this session.",
      select: { id: true },
      // findUnique calls of one tick are batched by Prisma into one query for a whole page.
      resolve: async (query, session, _args, context) => {
        const booking = await context.prisma.booking.findUnique({
          ...nonEmpty(query),
          where: { sessionId_userId: { sessionId: session.id, userId: context.viewer!.id } },
        });
        return booking && booking.status !== "CANCELLED" ? booking : null;
      },
    }),
    matchesMyVote: t.boolean({
      description: "The viewer voted for this session's topic.",
      select: { topicId: true },
      resolve: async (session, _args, context) => (await viewerFit(context)).votedTopicIds.has(session.topicId),
    }),
    matchesMyTime: t.boolean({
      description:
        "The session lies inside one window of the viewer's availability for its topic (narrowed by their vote, as the scheduler reads it) " +
        "and is on-line or at one of the viewer's sites.",
      select: { topicId: true, siteId: true, date: true, startMinute: true, endMinute: true },
      resolve: async (session, _args, context) => matchesTime(await viewerFit(context), session),
    }),
    attendance: t.field({
      type: AttendanceSummary,
      select: { bookings: { where: { status: "CONFIRMED" }, select: { attendance: true } } },
      resolve: (session) => ({
        attended: session.bookings.filter((b) => b.attendance === "ATTENDED").length,
        noShow: session.bookings.filter((b) => b.attendance === "NO_SHOW").length,
        unmarked: session.bookings.filter((b) => b.attendance === null).length,
      }),
    }),
  }),
});

builder.prismaObjectFields("Topic", (t) => ({
  noShowRate: t.float({
    nullable: true,
    description: "Share of no-shows among the marked bookings of the topic's sessions; null when none is marked.",
    select: { sessions: { select: { bookings: { where: { attendance: { not: null } }, select: { attendance: true } } } } },
    resolve: (topic) => {
      const marked = topic.sessions.flatMap((session) => session.bookings);
      return marked.length ? marked.filter((b) => b.attendance === "NO_SHOW").length / marked.length : null;
    },
  }),
}));

builder.prismaObjectField("Notification", "session", (t) =>
  t.relation("session", { nullable: true, description: "The session it is about (SESSION_SCHEDULED, BOOKING_PROMOTED, SESSION_CANCELLED)." }),
);

export const TOPIC_UPCOMING_SESSIONS_MAX = 10;

builder.prismaObjectField("Topic", "upcomingSessions", (t) =>
  t.relation("sessions", {
    description:
      `The topic's approved sessions still to start, soonest first (at most ${TOPIC_UPCOMING_SESSIONS_MAX}): ` +
      "where a voter learns when their topic is held.",
    query: () => ({
      where: { status: "SCHEDULED", startsAt: { gt: new Date() } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: TOPIC_UPCOMING_SESSIONS_MAX,
    }),
  }),
);

const BookableOnlyEnum = builder.enumType("BookableSessionsOnly", {
  values: {
    VOTED: { description: "Sessions of topics the viewer voted for." },
    SUITS_ME: { description: "Sessions of topics the viewer voted for that fit their time and place." },
  } as const,
});

const BookableSessionsFilter = builder.inputType("BookableSessionsFilter", {
  fields: (t) => ({
    siteId: t.id({ description: "Only sessions at this site (in person)." }),
    online: t.boolean({ description: "true: only on-line sessions; false: only in-person ones." }),
    only: t.field({ type: BookableOnlyEnum }),
  }),
});

type BookableFilter = { siteId?: string | number | null; online?: boolean | null; only?: "VOTED" | "SUITS_ME" | null } | null | undefined;

// One ranking per request and filter: the page and its totalCount share it.
const rankedUpcoming = requestMemo<BookableFilter, string[]>((context, filter) => rankUpcoming(context, filter));

async function rankUpcoming(context: GraphQLContext, filter: BookableFilter): Promise<string[]> {
  const siteId = filter?.siteId ? decodeNodeId("Site", String(filter.siteId)) : null;
  // An unknown site matches nothing rather than everything.
  if (filter?.siteId && !siteId) return [];
  const [fit, upcoming] = await Promise.all([
    viewerFit(context),
    context.prisma.trainingSession.findMany({
      where: {
        status: "SCHEDULED",
        startsAt: { gt: new Date() },
        ...(siteId ? { siteId } : {}),
        ...(filter?.online === true ? { siteId: null } : filter?.online === false ? { siteId: { not: null } } : {}),
      },
      select: { id: true, topicId: true, siteId: true, date: true, startMinute: true, endMinute: true, startsAt: true },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const worst = filter?.only === "SUITS_ME" ? 0 : filter?.only === "VOTED" ? 1 : 2;
  return upcoming
    .map((session, index) => ({ id: session.id, rank: matchRank(fit, session), index }))
    .filter((row) => row.rank <= worst)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((row) => row.id);
}

builder.queryField("bookableSessions", (t) =>
  t.prismaConnection(
    {
      type: "TrainingSession",
      cursor: "id",
      defaultSize: 20,
      maxSize: 100,
      description:
        "Upcoming scheduled sessions: first those of topics the viewer voted for that fit their time and place, " +
        "then the other ones of topics they voted for, then the rest; each group by start. `filter` narrows by " +
        "site, on-line or in person, and to the viewer's topics.",
      args: { filter: t.arg({ type: BookableSessionsFilter, required: false }) },
      // Three queries for the viewer, one for the order, one for the page, whatever the number of sessions.
      resolve: async (query, _root, args, context) => {
        const { page, selection } = splitPageQuery(nonEmpty(query));
        const ids = pageOfIds(await rankedUpcoming(context, args.filter), page);
        const rows = await context.prisma.trainingSession.findMany({ ...(selection as object), where: { id: { in: ids } } });
        return inOrder(ids, rows);
      },
      totalCount: async (_connection, args, context) => (await rankedUpcoming(context, args.filter as BookableFilter)).length,
    },
    {},
    {},
  ),
);

builder.queryField("trainingSession", (t) =>
  t.prismaField({
    type: "TrainingSession",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => {
      const id = decodeNodeId("TrainingSession", String(args.id));
      return id ? context.prisma.trainingSession.findUnique({ ...nonEmpty(query), where: { id } }) : null;
    },
  }),
);

const dateArg = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be YYYY-MM-DD" }).refine((key) => {
  try {
    return Boolean(fromDateKey(key));
  } catch {
    return false;
  }
}, { message: "not a calendar date" });

export const SCHEDULE_EXPORT_MAX_DAYS = 366;

builder.queryField("scheduleExport", (t) =>
  t.prismaField({
    type: ["TrainingSession"],
    authScopes: { manager: true },
    description: `Every session (scheduled or cancelled) on the centre's dates from–to inclusive, by start; at most ${SCHEDULE_EXPORT_MAX_DAYS} days.`,
    args: { from: t.arg.string({ required: true }), to: t.arg.string({ required: true }) },
    validate: z
      .object({ from: dateArg, to: dateArg })
      .refine(({ from, to }) => from <= to, { message: "must not be before from", path: ["to"] })
      .refine(({ from, to }) => from > to || (Date.parse(to) - Date.parse(from)) / 86_400_000 < SCHEDULE_EXPORT_MAX_DAYS, {
        message: `at most ${SCHEDULE_EXPORT_MAX_DAYS} days`,
        path: ["to"],
      }),
    resolve: (query, _root, args, context) =>
      context.prisma.trainingSession.findMany({
        ...nonEmpty(query),
        where: { date: { gte: fromDateKey(args.from), lte: fromDateKey(args.to) } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      }),
  }),
);

type SeatsEvent = { sessionId: string; seatsTaken: number; waitlisted: number; capacity: number };

const SessionSeats = builder.objectRef<SeatsEvent>("SessionSeats").implement({
  description: "Seat counts of one session after a booking change.",
  fields: (t) => ({
    session: t.id({
      description: "The TrainingSession's global id.",
      resolve: (event) => encodeGlobalID("TrainingSession", event.sessionId),
    }),
    seatsTaken: t.exposeInt("seatsTaken"),
    waitlisted: t.exposeInt("waitlisted"),
    capacity: t.exposeInt("capacity"),
    seatsLeft: t.int({ resolve: (event) => Math.max(0, event.capacity - event.seatsTaken) }),
  }),
});

builder.subscriptionField("sessionSeatsChanged", (t) =>
  t.field({
    type: SessionSeats,
    description: "Seats taken and waitlist length of one session, live (straight from the event; no database read).",
    args: { sessionId: t.arg.id({ required: true }) },
    subscribe: (_root, args, context) => {
      const id = decodeNodeId("TrainingSession", String(args.sessionId));
      if (!id) throw new NotFoundError("TrainingSession");
      return context.pubsub.subscribe("session:seatsChanged", id);
    },
    resolve: (event: SeatsEvent) => event,
  }),
);

/** The session cannot be cancelled: it already was, or it has started. */
export class SessionNotCancellableError extends Error {
  constructor(readonly reason: SessionCancelRefusal) {
    super(reason === "ALREADY_CANCELLED" ? "This session has already been cancelled" : "This session has already started");
    this.name = "SessionNotCancellableError";
  }
}

const SessionCancelRefusalEnum = builder.enumType("SessionCancelRefusal", {
  values: {
    ALREADY_CANCELLED: { description: "The session was cancelled before; nothing changed." },
    STARTED: { description: "The session has already started (or is over)." },
  } as const,
});

builder.objectType(SessionNotCancellableError, {
  name: "SessionNotCancellableError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof SessionNotCancellableError,
  fields: (t) => ({ reason: t.field({ type: SessionCancelRefusalEnum, resolve: (error) => error.reason }) }),
});

const cancelReasonSchema = plainText(CANCEL_REASON_LIMITS.min, CANCEL_REASON_LIMITS.max);

builder.mutationField("cancelTrainingSession", (t) =>
  t.prismaField({
    type: "TrainingSession",
    authScopes: { manager: true },
    description:
      "Manager: cancels an upcoming session. Every confirmed and waitlisted booking is cancelled and its holder gets a " +
      `SESSION_CANCELLED notification with the reason (trimmed, ${CANCEL_REASON_LIMITS.min}–${CANCEL_REASON_LIMITS.max} characters).`,
    errors: { types: [NotFoundError, SessionNotCancellableError, ValidationError] },
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      // Validated here, after field authorisation, so staff get FORBIDDEN rather than validation details.
      const parsed = cancelReasonSchema.safeParse(args.reason);
      if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, ["reason"]);
      const sessionId = decodeNodeId("TrainingSession", String(args.id));
      if (!sessionId) throw new NotFoundError("TrainingSession");
      const outcome = await cancelTrainingSession(context.sql, { sessionId, reason: parsed.data, actorId: context.viewer!.id, now: new Date() });
      if (outcome.kind === "missing") throw new NotFoundError("TrainingSession");
      if (outcome.kind === "refused") throw new SessionNotCancellableError(outcome.reason);
      // Committed: tell the people, the session's watchers and every bookable list.
      for (const notification of outcome.notifications) {
        context.pubsub.publish("notification:added", notification.userId, { notificationId: notification.id });
      }
      context.pubsub.publish("session:seatsChanged", sessionId, outcome.seats);
      context.pubsub.publish("session:published", { sessionId });
      if (outcome.topicReplanned) {
        context.pubsub.publish("topic:statusChanged", { topicId: outcome.topicReplanned.topicId, fromStatus: "SCHEDULED", toStatus: "PLANNED" });
      }
      return context.prisma.trainingSession.findUniqueOrThrow({ ...nonEmpty(query), where: { id: sessionId } });
    },
  }),
);
