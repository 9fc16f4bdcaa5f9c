import type { NotBookableReason } from "../domain/bookings";
import { builder } from "./builder";
import { ErrorInterface } from "./errors";

const NOT_BOOKABLE_MESSAGES: Record<NotBookableReason, string> = {
  CANCELLED: "This session has been cancelled",
  STARTED: "This session has already started",
  TRAINER: "You teach this session",
};

/** The session takes no booking from the viewer (cancelled, already started, or they teach it). */
export class SessionNotBookableError extends Error {
  constructor(readonly reason: NotBookableReason) {
    super(NOT_BOOKABLE_MESSAGES[reason]);
    this.name = "SessionNotBookableError";
  }
}

/** Until `until`, only those who voted for the session's topic may book it. */
export class VotersOnlyError extends Error {
  constructor(readonly until: Date) {
    super(`Until ${until.toISOString()} only voters of this topic may book`);
    this.name = "VotersOnlyError";
  }
}

/** The person already holds a seat or a waitlist place on another upcoming session of the topic. */
export class TopicAlreadyBookedError extends Error {
  constructor(readonly other: { sessionId: string; status: "CONFIRMED" | "WAITLISTED"; startsAt: Date }) {
    super("You already have a booking for another session of this topic; cancel it first to take this one");
    this.name = "TopicAlreadyBookedError";
  }
}

/** A move goes only into a free seat, and the session has none. */
export class SessionFullError extends Error {
  constructor() {
    super("This session has no free seat to move to");
    this.name = "SessionFullError";
  }
}

/** Bookings can be cancelled only up to a cut-off before the session starts. */
export class CancellationClosedError extends Error {
  constructor(readonly cutoff: Date) {
    super(`Cancellation closed at ${cutoff.toISOString()}`);
    this.name = "CancellationClosedError";
  }
}

export type AttendanceRefusal = "NOT_STARTED" | "NOT_CONFIRMED";

/** Attendance is marked only after the session started, and only on confirmed bookings. */
export class AttendanceNotOpenError extends Error {
  constructor(readonly reason: AttendanceRefusal) {
    super(reason === "NOT_STARTED" ? "The session has not started yet" : "Only confirmed bookings have attendance");
    this.name = "AttendanceNotOpenError";
  }
}

const NotBookableReasonEnum = builder.enumType("NotBookableReason", {
  values: {
    CANCELLED: { description: "The session was cancelled." },
    STARTED: { description: "The session has already started (or is over)." },
    TRAINER: { description: "The viewer is the session's trainer." },
  } as const,
});

builder.objectType(SessionNotBookableError, {
  name: "SessionNotBookableError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof SessionNotBookableError,
  fields: (t) => ({ reason: t.field({ type: NotBookableReasonEnum, resolve: (error) => error.reason }) }),
});

builder.objectType(TopicAlreadyBookedError, {
  name: "TopicAlreadyBookedError",
  description: "One booking per person per topic: the viewer already holds one on another upcoming session of it.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof TopicAlreadyBookedError,
  fields: (t) => ({
    session: t.prismaField({
      type: "TrainingSession",
      description: "The session the viewer is already booked (or waitlisted) on.",
      resolve: (query, error, _args, context) => context.prisma.trainingSession.findUniqueOrThrow({ ...query, where: { id: error.other.sessionId } }),
    }),
    waitlisted: t.boolean({ description: "Whether that booking is a waitlist place.", resolve: (error) => error.other.status === "WAITLISTED" }),
  }),
});

builder.objectType(SessionFullError, {
  name: "SessionFullError",
  description: "The session has no free seat (a booking is moved only into a seat, never into a waitlist).",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof SessionFullError,
  fields: () => ({}),
});

builder.objectType(VotersOnlyError, {
  name: "VotersOnlyError",
  description: "Voters of the topic are offered seats first; others may book from `until`.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof VotersOnlyError,
  fields: (t) => ({ until: t.field({ type: "DateTime", resolve: (error) => error.until }) }),
});

builder.objectType(CancellationClosedError, {
  name: "CancellationClosedError",
  description: "Too close to the start to cancel; `cutoff` is when cancelling closed.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof CancellationClosedError,
  fields: (t) => ({ cutoff: t.field({ type: "DateTime", resolve: (error) => error.cutoff }) }),
});

const AttendanceRefusalEnum = builder.enumType("AttendanceRefusal", {
  values: {
    NOT_STARTED: { description: "The session has not started yet." },
    NOT_CONFIRMED: { description: "The booking is not a confirmed seat (waitlisted or cancelled)." },
  } as const,
});

builder.objectType(AttendanceNotOpenError, {
  name: "AttendanceNotOpenError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof AttendanceNotOpenError,
  fields: (t) => ({ reason: t.field({ type: AttendanceRefusalEnum, resolve: (error) => error.reason }) }),
});
