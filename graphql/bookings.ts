import { z } from "zod";
import { markAttendance } from "../domain/booking-attendance";
import { CALENDAR_TOKEN, calendarFeedPath, newCalendarToken, type CalendarEntry } from "../domain/booking-calendar";
import { bookSession, cancelBooking, moveBooking } from "../domain/bookings";
import { builder } from "./builder";
import type { GraphQLContext } from "./context";
import {
  AttendanceNotOpenError,
  CancellationClosedError,
  SessionFullError,
  SessionNotBookableError,
  TopicAlreadyBookedError,
  VotersOnlyError,
} from "./booking-errors";
import { NotFoundError } from "./errors";
import { requestMemo } from "./request-memo";
import { ForbiddenError } from "./moderation-errors";
import { decodeNodeId } from "./node-id";
import { nonEmpty } from "./prisma-query";

const BookingStatusEnum = builder.enumType("BookingStatus", { values: ["CONFIRMED", "WAITLISTED", "CANCELLED"] as const });
const AttendanceEnum = builder.enumType("Attendance", { values: ["ATTENDED", "NO_SHOW"] as const });
const BookingWhenEnum = builder.enumType("BookingWhen", {
  values: {
    UPCOMING: { description: "Sessions that have not ended yet, soonest first." },
    PAST: { description: "Sessions that have ended, latest first." },
  } as const,
});

const isManager = (context: GraphQLContext) => context.viewer?.role === "MANAGER" || context.viewer?.role === "ADMIN";

// The viewer's own Trainer row, looked up once per request (a trainer sees the bookings of the
// sessions they teach, not everyone's).
// Any account linked to a Trainer row teaches that trainer's sessions (the booking rules say the
// same in domain/bookings.ts), whatever its role.
const viewerTrainers = requestMemo<null, string | null>(async (context) =>
  context.viewer ? ((await context.prisma.trainer.findUnique({ where: { userId: context.viewer.id }, select: { id: true } }))?.id ?? null) : null,
);
const viewerTrainerId = (context: GraphQLContext): Promise<string | null> => viewerTrainers(context, null);

/** Whether the viewer is the trainer of this session (findUnique batches per tick). */
async function teaches(context: GraphQLContext, sessionId: string): Promise<boolean> {
  const trainerId = await viewerTrainerId(context);
  if (!trainerId) return false;
  const session = await context.prisma.trainingSession.findUnique({ where: { id: sessionId }, select: { trainerId: true } });
  return session?.trainerId === trainerId;
}

// Waitlist places of the bookings one request reads, in one query per tick (no query per booking).
const positionBatches = new WeakMap<GraphQLContext, { ids: Set<string>; result: Promise<Map<string, number>> }>();
function waitlistPosition(context: GraphQLContext, bookingId: string): Promise<number | null> {
  let batch = positionBatches.get(context);
  if (!batch) {
    const ids = new Set<string>();
    const result = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      positionBatches.delete(context);
      const { rows } = await context.sql.query<{ id: string; position: number }>(
        `SELECT b."id", (SELECT count(*)::int FROM "Booking" w
                         WHERE w."sessionId" = b."sessionId" AND w."status" = 'WAITLISTED' AND w."queueNumber" <= b."queueNumber") AS "position"
         FROM "Booking" b WHERE b."id" = ANY($1) AND b."status" = 'WAITLISTED'`,
        [[...ids]],
      );
      return new Map(rows.map((row) => [row.id, row.position]));
    });
    batch = { ids, result };
    positionBatches.set(context, batch);
  }
  batch.ids.add(bookingId);
  return batch.result.then((positions) => positions.get(bookingId) ?? null);
}

const entrySessionSelect = {
  startsAt: true,
  endsAt: true,
  topic: { select: { title: true } },
  site: { select: { name: true, address: true } },
  room: { select: { name: true } },
} as const;

type EntrySource = {
  id: string;
  status: string;
  session: { startsAt: Date; endsAt: Date; topic: { title: string }; site: { name: string; address: string } | null; room: { name: string } | null };
};

const calendarEntry = (booking: EntrySource): CalendarEntry => ({
  bookingId: booking.id,
  title: booking.session.topic.title,
  siteName: booking.session.site?.name ?? null,
  siteAddress: booking.session.site?.address ?? null,
  roomName: booking.session.room?.name ?? null,
  startsAt: booking.session.startsAt,
  endsAt: booking.session.endsAt,
  waitlisted: booking.status === "WAITLISTED",
});

const CalendarEntryRef = builder.objectRef<CalendarEntry>("CalendarEntry").implement({
  description: "One booking as a calendar event (site null: on-line).",
  fields: (t) => ({
    bookingId: t.exposeString("bookingId"),
    title: t.exposeString("title"),
    siteName: t.exposeString("siteName", { nullable: true }),
    siteAddress: t.exposeString("siteAddress", { nullable: true }),
    roomName: t.exposeString("roomName", { nullable: true }),
    startsAt: t.field({ type: "DateTime", resolve: (entry) => entry.startsAt }),
    endsAt: t.field({ type: "DateTime", resolve: (entry) => entry.endsAt }),
    waitlisted: t.exposeBoolean("waitlisted"),
  }),
});

const CalendarFeedRef = builder.objectRef<{ locale: string; entries: CalendarEntry[] }>("CalendarFeed").implement({
  description: "A personal calendar feed: the owner's active bookings of sessions that have not ended.",
  fields: (t) => ({
    locale: t.exposeString("locale", { description: "The owner's language (ru, en), for the feed's words." }),
    entries: t.field({ type: [CalendarEntryRef], resolve: (feed) => feed.entries }),
  }),
});

builder.prismaNode("Booking", {
  // node(id) of a deleted or never-existing Booking answers null, not an error.
  nullable: true,
  id: { field: "id" },
  description: "A person's seat (or place in the waitlist) at a session. Visible to its owner, the session's trainer and managers.",
  authScopes: async (booking, context) =>
    booking.userId === context.viewer?.id || isManager(context) || teaches(context, booking.sessionId),
  fields: (t) => ({
    status: t.expose("status", { type: BookingStatusEnum }),
    queueNumber: t.exposeInt("queueNumber", { description: "Arrival order at the session (1 = first request)." }),
    waitlistPosition: t.int({
      nullable: true,
      description: "1-based place in the session's waitlist; null unless WAITLISTED.",
      resolve: (booking, _args, context) => (booking.status === "WAITLISTED" ? waitlistPosition(context, booking.id) : null),
    }),
    attendance: t.expose("attendance", { type: AttendanceEnum, nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true }),
    session: t.relation("session"),
    user: t.relation("user"),
    calendarEntry: t.field({
      type: CalendarEntryRef,
      description: "What the booking's calendar event shows.",
      select: { session: { select: entrySessionSelect } },
      resolve: (booking) => calendarEntry(booking),
    }),
  }),
});

builder.prismaObjectField("TrainingSession", "bookings", (t) =>
  t.relation("bookings", {
    description:
      "Active bookings in arrival order, for marking attendance: the session's trainer and managers see them, anyone else an empty list (see viewerMarksAttendance).",
    authScopes: async (session, _args, context) => isManager(context) || teaches(context, session.id),
    // Typed for the relation's full shape; an empty list is a valid answer for "none you may see".
    unauthorizedResolver: (() => []) as never,
    query: { where: { status: { not: "CANCELLED" } }, orderBy: { queueNumber: "asc" } },
  }),
);

builder.prismaObjectFields("TrainingSession", (t) => ({
  viewerTeaches: t.boolean({
    description: "Whether the viewer is this session's trainer (who does not book a seat on it).",
    select: { trainerId: true },
    resolve: async (session, _args, context) => (await viewerTrainerId(context)) === session.trainerId,
  }),
  viewerMarksAttendance: t.boolean({
    description: "Whether the viewer may see the bookings and mark attendance: a manager, or this session's trainer.",
    resolve: async (session, _args, context) => isManager(context) || teaches(context, session.id),
  }),
}));

builder.queryField("myBookings", (t) =>
  t.prismaConnection(
    {
      type: "Booking",
      cursor: "id",
      defaultSize: 20,
      maxSize: 100,
      description: "The viewer's confirmed and waitlisted bookings (with attendance once marked).",
      args: { when: t.arg({ type: BookingWhenEnum, defaultValue: "UPCOMING" }) },
      resolve: (query, _root, args, context) => {
        const now = new Date();
        const upcoming = args.when !== "PAST";
        return context.prisma.booking.findMany({
          ...nonEmpty(query),
          where: { userId: context.viewer!.id, status: { not: "CANCELLED" }, session: { endsAt: upcoming ? { gt: now } : { lte: now } } },
          orderBy: [{ session: { startsAt: upcoming ? "asc" : "desc" } }, { id: "asc" }],
        });
      },
    },
    {},
    {},
  ),
);

builder.queryField("myTeaching", (t) =>
  t.prismaConnection(
    {
      type: "TrainingSession",
      cursor: "id",
      defaultSize: 20,
      maxSize: 100,
      description:
        "The sessions the viewer teaches (a trainer linked to their account; empty for anyone else): UPCOMING " +
        "(not started, scheduled) soonest first, or PAST (started, so attendance can be marked; cancelled ones left out) latest first.",
      args: { when: t.arg({ type: BookingWhenEnum, defaultValue: "UPCOMING" }) },
      resolve: async (query, _root, args, context) => {
        const trainerId = await viewerTrainerId(context);
        if (!trainerId) return [];
        const now = new Date();
        const upcoming = args.when !== "PAST";
        return context.prisma.trainingSession.findMany({
          ...nonEmpty(query),
          // A session under way is among the held ones: attendance can be marked from its start.
          where: { trainerId, status: "SCHEDULED", startsAt: upcoming ? { gt: now } : { lte: now } },
          orderBy: [{ startsAt: upcoming ? "asc" : "desc" }, { id: "asc" }],
        });
      },
    },
    {},
    {},
  ),
);

builder.queryField("booking", (t) =>
  t.prismaField({
    type: "Booking",
    nullable: true,
    description: "One booking: the viewer's own (managers: any).",
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => {
      const id = decodeNodeId("Booking", String(args.id));
      if (!id) return null;
      return context.prisma.booking.findFirst({
        ...nonEmpty(query),
        where: { id, ...(isManager(context) ? {} : { userId: context.viewer!.id }) },
      });
    },
  }),
);

builder.mutationField("bookSession", (t) =>
  t.prismaField({
    type: "Booking",
    description:
      "Books a seat, or a waitlist place when the session is full. Repeating it for an active booking changes nothing; " +
      "after a cancellation it books again at the back of the queue. One booking per person per topic: holding one on " +
      "another upcoming session of the topic refuses it (TopicAlreadyBookedError).",
    errors: { types: [NotFoundError, SessionNotBookableError, VotersOnlyError, TopicAlreadyBookedError] },
    args: { sessionId: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const sessionId = decodeNodeId("TrainingSession", String(args.sessionId));
      if (!sessionId) throw new NotFoundError("TrainingSession");
      const outcome = await bookSession(context.sql, { sessionId, userId: context.viewer!.id, now: new Date() });
      if (outcome.kind === "missing") throw new NotFoundError("TrainingSession");
      if (outcome.kind === "notBookable") throw new SessionNotBookableError(outcome.reason);
      if (outcome.kind === "votersOnly") throw new VotersOnlyError(outcome.until);
      if (outcome.kind === "topicAlreadyBooked") throw new TopicAlreadyBookedError(outcome.other);
      // Committed: tell the session's watchers.
      if (outcome.changed) context.pubsub.publish("session:seatsChanged", sessionId, outcome.seats);
      return context.prisma.booking.findUniqueOrThrow({ ...nonEmpty(query), where: { id: outcome.booking.id } });
    },
  }),
);

builder.mutationField("cancelBooking", (t) =>
  t.prismaField({
    type: "Booking",
    description:
      "Cancels the viewer's own booking, up to the cut-off before the start. A freed seat goes to the first in the waitlist, who is notified.",
    errors: { types: [NotFoundError, CancellationClosedError] },
    args: { bookingId: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const bookingId = decodeNodeId("Booking", String(args.bookingId));
      if (!bookingId) throw new NotFoundError("Booking");
      const outcome = await cancelBooking(context.sql, {
        bookingId,
        userId: context.viewer!.id,
        now: new Date(),
        cutoffHours: context.policy.cancelCutoffHours,
      });
      // Someone else's booking reads as missing: its existence is not the viewer's business.
      if (outcome.kind === "missing") throw new NotFoundError("Booking");
      if (outcome.kind === "tooLate") throw new CancellationClosedError(outcome.cutoff);
      if (outcome.changed) context.pubsub.publish("session:seatsChanged", outcome.seats.sessionId, outcome.seats);
      if (outcome.promoted) {
        context.pubsub.publish("notification:added", outcome.promoted.userId, { notificationId: outcome.promoted.notificationId });
      }
      return context.prisma.booking.findUniqueOrThrow({ ...nonEmpty(query), where: { id: bookingId } });
    },
  }),
);

builder.mutationField("moveBooking", (t) =>
  t.prismaField({
    type: "Booking",
    description:
      "Moves the viewer's booking (a seat or a waitlist place) to another upcoming session of the same topic, into a " +
      "free seat, in one step: the old place is released (a freed seat goes to that session's waitlist, who is " +
      "notified) and a seat taken on the new one. A seat moves only up to its session's cancellation cut-off.",
    errors: { types: [NotFoundError, SessionNotBookableError, VotersOnlyError, SessionFullError, CancellationClosedError] },
    args: { bookingId: t.arg.id({ required: true }), toSessionId: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const bookingId = decodeNodeId("Booking", String(args.bookingId));
      const toSessionId = decodeNodeId("TrainingSession", String(args.toSessionId));
      if (!bookingId || !toSessionId) throw new NotFoundError(bookingId ? "TrainingSession" : "Booking");
      const outcome = await moveBooking(context.sql, {
        bookingId,
        toSessionId,
        userId: context.viewer!.id,
        now: new Date(),
        cutoffHours: context.policy.cancelCutoffHours,
      });
      // Someone else's booking, another topic's session or a missing one all read as not found.
      if (outcome.kind === "missing") throw new NotFoundError("Booking");
      if (outcome.kind === "notBookable") throw new SessionNotBookableError(outcome.reason);
      if (outcome.kind === "votersOnly") throw new VotersOnlyError(outcome.until);
      if (outcome.kind === "full") throw new SessionFullError();
      if (outcome.kind === "tooLate") throw new CancellationClosedError(outcome.cutoff);
      for (const seats of outcome.seats) context.pubsub.publish("session:seatsChanged", seats.sessionId, seats);
      if (outcome.promoted) {
        context.pubsub.publish("notification:added", outcome.promoted.userId, { notificationId: outcome.promoted.notificationId });
      }
      return context.prisma.booking.findUniqueOrThrow({ ...nonEmpty(query), where: { id: outcome.booking.id } });
    },
  }),
);

builder.mutationField("markAttendance", (t) =>
  t.prismaField({
    type: "Booking",
    description: "Marks a confirmed booking attended or no-show, once the session has started (its trainer or a manager).",
    errors: { types: [NotFoundError, ForbiddenError, AttendanceNotOpenError] },
    args: {
      bookingId: t.arg.id({ required: true }),
      attendance: t.arg({ type: AttendanceEnum, required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const bookingId = decodeNodeId("Booking", String(args.bookingId));
      if (!bookingId) throw new NotFoundError("Booking");
      const outcome = await markAttendance(context.prisma, { bookingId, attendance: args.attendance, viewer: context.viewer!, now: new Date() });
      if (outcome.kind === "missing") throw new NotFoundError("Booking");
      if (outcome.kind === "forbidden") throw new ForbiddenError("Only the session's trainer or a manager marks attendance");
      if (outcome.kind === "notStarted") throw new AttendanceNotOpenError("NOT_STARTED");
      if (outcome.kind === "notConfirmed") throw new AttendanceNotOpenError("NOT_CONFIRMED");
      return context.prisma.booking.findUniqueOrThrow({ ...nonEmpty(query), where: { id: bookingId } });
    },
  }),
);

builder.prismaObjectFields("User", (t) => ({
  calendarFeedUrl: t.string({
    nullable: true,
    description: "Path (from the site's origin) of the viewer's personal calendar feed; null until created. Only on `me`.",
    authScopes: (user, _args, context) => user.id === context.viewer?.id,
    select: { calendarToken: true },
    resolve: (user) => (user.calendarToken ? calendarFeedPath(user.calendarToken) : null),
  }),
}));

builder.mutationField("resetCalendarFeed", (t) =>
  t.prismaField({
    type: "User",
    description: "Creates the viewer's personal calendar feed, or replaces its address (the old one stops working).",
    resolve: (query, _root, _args, context) =>
      context.prisma.user.update({ ...nonEmpty(query), where: { id: context.viewer!.id }, data: { calendarToken: newCalendarToken() } }),
  }),
);

builder.queryField("calendarFeed", (t) =>
  t.field({
    type: CalendarFeedRef,
    nullable: true,
    skipTypeScopes: true,
    description: "The feed behind a secret token (no sign-in: calendar applications fetch it); null for an unknown or malformed token.",
    // Checked here, not by the validation plugin: it would tell an anonymous caller to sign in.
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      if (!CALENDAR_TOKEN.test(args.token)) return null;
      const user = await context.prisma.user.findUnique({
        where: { calendarToken: args.token },
        select: {
          locale: true,
          bookings: {
            where: { status: { not: "CANCELLED" }, session: { status: "SCHEDULED", endsAt: { gt: new Date() } } },
            select: { id: true, status: true, session: { select: entrySessionSelect } },
            orderBy: { session: { startsAt: "asc" } },
          },
        },
      });
      return user ? { locale: user.locale, entries: user.bookings.map(calendarEntry) } : null;
    },
  }),
);
