/** GraphQL documents of the booking screens (sessions, my bookings, attendance, calendar). */

import type { TopicFormat } from "./topics";

export type BookingStatus = "CONFIRMED" | "WAITLISTED" | "CANCELLED";
export type Attendance = "ATTENDED" | "NO_SHOW";

/** Another upcoming session of the same topic, for pointing a full session's visitors to free seats. */
export type SiblingSession = {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  seatsLeft: number;
  viewerBooking: { id: string; status: BookingStatus } | null;
};

export type SessionSummary = {
  id: string;
  topic: { id: string; title: string; upcomingSessions?: SiblingSession[] };
  trainerName: string;
  site: { name: string } | null;
  roomName: string | null;
  online: boolean;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  capacity: number;
  seatsTaken: number;
  seatsLeft: number;
  waitlisted: number;
  status: "SCHEDULED" | "CANCELLED";
  votersOnlyUntil: string;
  matchesMyVote: boolean;
  matchesMyTime: boolean;
  viewerBooking: { id: string; status: BookingStatus; waitlistPosition: number | null } | null;
  viewerTeaches: boolean;
};

const SESSION_FIELDS = /* GraphQL */ `
  id
  topic { id title upcomingSessions { id date startTime endTime startsAt seatsLeft viewerBooking { id status } } }
  trainerName
  site { name }
  roomName
  online
  date
  startTime
  endTime
  startsAt
  capacity
  seatsTaken
  seatsLeft
  waitlisted
  status
  votersOnlyUntil
  matchesMyVote
  matchesMyTime
  viewerBooking { id status waitlistPosition }
  viewerTeaches
`;

export type SessionFilter = { siteId?: string; online?: boolean; only?: "VOTED" | "SUITS_ME" };

export const BOOKABLE_SESSIONS = /* GraphQL */ `
  query BookableSessions($first: Int, $after: String, $filter: BookableSessionsFilter) {
    sites { id name }
    bookableSessions(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${SESSION_FIELDS} } }
    }
  }
`;
export type BookableSessionsData = {
  sites: Array<{ id: string; name: string }>;
  bookableSessions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: SessionSummary }>;
  };
};

export type SessionAttendee = { id: string; status: BookingStatus; attendance: Attendance | null; user: { name: string } };

export const TRAINING_SESSION = /* GraphQL */ `
  query TrainingSession($id: ID!, $staff: Boolean!) {
    trainingSession(id: $id) {
      ${SESSION_FIELDS}
      topic { description format durationMinutes }
      site { address }
      endsAt cancelledAt cancelReason cancelledBy { name }
      viewerMarksAttendance @include(if: $staff)
      attendance @include(if: $staff) { attended noShow unmarked }
      bookings @include(if: $staff) { id status attendance user { name } }
    }
  }
`;
export type TrainingSessionData = {
  trainingSession:
    | (Omit<SessionSummary, "topic" | "site"> & {
        topic: SessionSummary["topic"] & { description: string; format: TopicFormat; durationMinutes: number };
        site: { name: string; address: string } | null;
        endsAt: string;
        cancelledAt: string | null;
        cancelReason: string | null;
        cancelledBy: { name: string } | null;
        viewerMarksAttendance?: boolean;
        attendance?: { attended: number; noShow: number; unmarked: number };
        bookings?: SessionAttendee[];
      })
    | null;
};

export const BOOK_SESSION = /* GraphQL */ `
  mutation BookSession($sessionId: ID!) {
    bookSession(sessionId: $sessionId) {
      __typename
      ... on MutationBookSessionSuccess { data { id status waitlistPosition } }
      ... on SessionNotBookableError { reason }
      ... on VotersOnlyError { until }
      ... on TopicAlreadyBookedError { waitlisted session { id startsAt } }
      ... on Error { message }
    }
  }
`;
export type BookSessionData = {
  bookSession:
    | { __typename: "MutationBookSessionSuccess"; data: { id: string; status: BookingStatus; waitlistPosition: number | null } }
    | { __typename: "SessionNotBookableError"; reason: "CANCELLED" | "STARTED" | "TRAINER"; message: string }
    | { __typename: "VotersOnlyError"; until: string; message: string }
    | { __typename: "TopicAlreadyBookedError"; waitlisted: boolean; session: { id: string; startsAt: string }; message: string }
    | { __typename: "NotFoundError"; message: string };
};

export const MOVE_BOOKING = /* GraphQL */ `
  mutation MoveBooking($bookingId: ID!, $toSessionId: ID!) {
    moveBooking(bookingId: $bookingId, toSessionId: $toSessionId) {
      __typename
      ... on SessionNotBookableError { reason }
      ... on VotersOnlyError { until }
      ... on CancellationClosedError { cutoff }
      ... on Error { message }
    }
  }
`;
export type MoveBookingData = {
  moveBooking:
    | { __typename: "MutationMoveBookingSuccess" }
    | { __typename: "SessionNotBookableError"; reason: "CANCELLED" | "STARTED" | "TRAINER"; message: string }
    | { __typename: "VotersOnlyError"; until: string; message: string }
    | { __typename: "CancellationClosedError"; cutoff: string; message: string }
    | { __typename: "SessionFullError" | "NotFoundError"; message: string };
};

export const CANCEL_BOOKING = /* GraphQL */ `
  mutation CancelBooking($bookingId: ID!) {
    cancelBooking(bookingId: $bookingId) {
      __typename
      ... on MutationCancelBookingSuccess { data { id status } }
      ... on CancellationClosedError { cutoff }
      ... on Error { message }
    }
  }
`;
export type CancelBookingData = {
  cancelBooking:
    | { __typename: "MutationCancelBookingSuccess"; data: { id: string; status: BookingStatus } }
    | { __typename: "CancellationClosedError"; cutoff: string; message: string }
    | { __typename: "NotFoundError"; message: string };
};

/** The API's limits on a cancellation reason (graphql/training-sessions.ts). */
export const CANCEL_REASON_MIN = 3;
export const CANCEL_REASON_MAX = 500;

export const CANCEL_TRAINING_SESSION = /* GraphQL */ `
  mutation CancelTrainingSession($id: ID!, $reason: String!) {
    cancelTrainingSession(id: $id, reason: $reason) {
      __typename
      ... on MutationCancelTrainingSessionSuccess { data { id status seatsTaken waitlisted } }
      ... on SessionNotCancellableError { reason }
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { message }
    }
  }
`;
export type CancelTrainingSessionData = {
  cancelTrainingSession:
    | { __typename: "MutationCancelTrainingSessionSuccess"; data: { id: string; status: "SCHEDULED" | "CANCELLED"; seatsTaken: number; waitlisted: number } }
    | { __typename: "SessionNotCancellableError"; reason: "ALREADY_CANCELLED" | "STARTED"; message: string }
    | { __typename: "ValidationError"; fieldErrors: Array<{ path: string[]; message: string }>; message: string }
    | { __typename: "NotFoundError"; message: string };
};

export const MARK_ATTENDANCE = /* GraphQL */ `
  mutation MarkAttendance($bookingId: ID!, $attendance: Attendance!) {
    markAttendance(bookingId: $bookingId, attendance: $attendance) {
      __typename
      ... on AttendanceNotOpenError { reason }
      ... on Error { message }
    }
  }
`;
export type MarkAttendanceData = { markAttendance: { __typename: string; reason?: string; message?: string } };

export type MyBooking = {
  id: string;
  status: BookingStatus;
  waitlistPosition: number | null;
  attendance: Attendance | null;
  session: Pick<SessionSummary, "id" | "topic" | "site" | "roomName" | "online" | "date" | "startTime" | "endTime" | "startsAt" | "status">;
};

export const MY_BOOKINGS = /* GraphQL */ `
  query MyBookings {
    upcoming: myBookings(when: UPCOMING, first: 100) { edges { node { ...MyBooking } } }
    past: myBookings(when: PAST, first: 50) { edges { node { ...MyBooking } } }
    me { id calendarFeedUrl }
  }
  fragment MyBooking on Booking {
    id status waitlistPosition attendance
    session { id topic { id title } site { name } roomName online date startTime endTime startsAt status }
  }
`;
export type MyBookingsData = {
  upcoming: { edges: Array<{ node: MyBooking }> };
  past: { edges: Array<{ node: MyBooking }> };
  me: { id: string; calendarFeedUrl: string | null };
};

export const RESET_CALENDAR_FEED = /* GraphQL */ `
  mutation ResetCalendarFeed { resetCalendarFeed { id calendarFeedUrl } }
`;
export type ResetCalendarFeedData = { resetCalendarFeed: { id: string; calendarFeedUrl: string | null } };

export const SESSION_SEATS_CHANGED = /* GraphQL */ `
  subscription SessionSeatsChanged($sessionId: ID!) {
    sessionSeatsChanged(sessionId: $sessionId) { session seatsTaken seatsLeft waitlisted capacity }
  }
`;
export type SessionSeatsChangedData = {
  sessionSeatsChanged: { session: string; seatsTaken: number; seatsLeft: number; waitlisted: number; capacity: number };
};

export const SCHEDULE_EXPORT = /* GraphQL */ `
  query ScheduleExport($from: String!, $to: String!) {
    scheduleExport(from: $from, to: $to) {
      date startTime endTime topic { title } trainerName site { name } roomName online capacity seatsTaken waitlisted status
    }
  }
`;
export type ScheduleExportData = {
  scheduleExport: Array<
    Pick<SessionSummary, "date" | "startTime" | "endTime" | "topic" | "trainerName" | "site" | "roomName" | "online" | "capacity" | "seatsTaken" | "waitlisted" | "status">
  >;
};

/** Relay ids in URLs: base64url spelling, one clean path segment (as topic paths do). */
const urlId = (id: string) => id.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
export const sessionPath = (id: string) => `/sessions/${urlId(id)}`;
/** The id of a session's card in the list, so a booking comes back to it. */
export const sessionAnchor = (id: string) => `session-${urlId(id)}`;
export const bookingIcsPath = (id: string) => `/bookings/${urlId(id)}.ics`;
export function idFromParam(param: string | undefined): string {
  const base64 = (param ?? "").replace(/-/g, "+").replace(/_/g, "/");
  return base64 + "=".repeat((4 - (base64.length % 4)) % 4);
}

/** One session the viewer teaches, with its attendance so far. */
export type TeachingSession = Pick<
  SessionSummary,
  "id" | "site" | "roomName" | "online" | "date" | "startTime" | "endTime" | "startsAt" | "capacity" | "seatsTaken" | "waitlisted"
> & {
  topic: { id: string; title: string };
  attendance: { attended: number; noShow: number; unmarked: number };
};

const TEACHING_FIELDS = /* GraphQL */ `
  id topic { id title } site { name } roomName online date startTime endTime startsAt capacity seatsTaken waitlisted
  attendance { attended noShow unmarked }
`;

export const MY_TEACHING = /* GraphQL */ `
  query MyTeaching {
    upcoming: myTeaching(when: UPCOMING, first: 100) { edges { node { ${TEACHING_FIELDS} } } }
    past: myTeaching(when: PAST, first: 100) { edges { node { ${TEACHING_FIELDS} } } }
  }
`;
export type MyTeachingData = {
  upcoming: { edges: Array<{ node: TeachingSession }> };
  past: { edges: Array<{ node: TeachingSession }> };
};
