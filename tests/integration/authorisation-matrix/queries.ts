import { expect } from "vitest";
import { newCalendarToken } from "../../../domain/booking-calendar";
import { EVERYONE, MANAGERS, SIGNED_IN, signedInExcept, table, type OperationRow } from "./rows";

const HIDDEN = { STAFF: "null", TRAINER: "null" } as const;

/** Root queries: who may read what, and what someone else's objects look like. */
export const QUERIES: OperationRow[] = [
  { operation: "Query.me", document: `{ me { id } }`, expect: SIGNED_IN },
  { operation: "Query.topics", document: `{ topics(first: 5) { totalCount } }`, expect: SIGNED_IN },
  {
    operation: "Query.topic",
    document: `query($id: ID!) { topic(id: $id) { id moderationLog { kind } comments { totalCount } demandHeatmap { preferred } } }`,
    expect: SIGNED_IN,
    prepare: async ({ world }) => ({ variables: { id: world.gid("Topic", (await world.topic()).id) } }),
  },
  { operation: "Query.similarTopics", document: `{ similarTopics(title: "Тема матрицы") { __typename } }`, expect: SIGNED_IN },
  { operation: "Query.sites", document: `{ sites { id } }`, expect: SIGNED_IN },
  {
    operation: "Query.site",
    document: `query($id: ID!) { site(id: $id) { id closedDates { date } } }`,
    expect: SIGNED_IN,
    prepare: async ({ world }) => ({ variables: { id: world.gid("Site", world.ownPlace.siteId) } }),
  },
  { operation: "Query.closedDates", document: `{ closedDates { id } }`, expect: SIGNED_IN },
  { operation: "Query.bookableSessions", document: `{ bookableSessions(first: 5) { totalCount } }`, expect: SIGNED_IN },
  {
    operation: "Query.trainingSession",
    document: `query($id: ID!) { trainingSession(id: $id) { id trainerName attendance { attended } } }`,
    expect: SIGNED_IN,
    prepare: async ({ world }) => ({ variables: { id: world.gid("TrainingSession", (await world.session()).id) } }),
  },
  {
    operation: "Query.myTeaching",
    case: "lists the sessions the signed-in trainer teaches, and nothing for anyone else",
    document: `{ myTeaching(first: 100) { edges { node { id } } } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => {
      const own = await world.session({ trainer: "own" });
      const foreign = await world.session({ trainer: "other" });
      return {
        allowed: (value) => {
          const ids = value.edges.map((edge: any) => edge.node.id);
          if (viewerId === world.users.TRAINER.id) expect(ids).toContain(world.gid("TrainingSession", own.id));
          else expect(ids).toEqual([]);
          expect(ids).not.toContain(world.gid("TrainingSession", foreign.id));
        },
      };
    },
  },
  {
    operation: "Query.myBookings",
    case: "lists only the viewer's own bookings",
    document: `{ myBookings(first: 100) { edges { node { id user { id } } } } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => {
      const own = await world.booking(viewerId);
      const foreign = await world.booking(world.users.other.id);
      return {
        allowed: (value) => {
          const ids = value.edges.map((edge: any) => edge.node.id);
          expect(ids).toContain(world.gid("Booking", own.id));
          expect(ids).not.toContain(world.gid("Booking", foreign.id));
        },
      };
    },
  },
  {
    operation: "Query.booking",
    case: "the viewer's own booking",
    covers: ["Booking"],
    document: `query($id: ID!) { booking(id: $id) { id status } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => ({ variables: { id: world.gid("Booking", (await world.booking(viewerId)).id) } }),
  },
  {
    operation: "Query.booking",
    case: "another staff member's booking: null unless a manager",
    covers: ["Booking"],
    document: `query($id: ID!) { booking(id: $id) { id status user { id } } }`,
    expect: signedInExcept(HIDDEN),
    prepare: async ({ world }) => ({ variables: { id: world.gid("Booking", (await world.booking(world.users.other.id)).id) } }),
  },
  {
    operation: "Query.booking",
    case: "a booking at the trainer's own session: this query answers owners and managers only",
    covers: ["Booking"],
    document: `query($id: ID!) { booking(id: $id) { id } }`,
    expect: signedInExcept(HIDDEN),
    prepare: async ({ world }) => ({ variables: { id: world.gid("Booking", (await world.booking(world.users.other.id, { trainer: "own" })).id) } }),
  },
  {
    operation: "Query.calendarFeed",
    case: "a valid secret token (calendar applications do not sign in)",
    document: `query($token: String!) { calendarFeed(token: $token) { entries { bookingId } } }`,
    expect: EVERYONE,
    prepare: async ({ world }) => {
      const token = newCalendarToken();
      await world.prisma.user.update({ where: { id: world.users.other.id }, data: { calendarToken: token } });
      return { variables: { token } };
    },
  },
  {
    operation: "Query.calendarFeed",
    case: "an unknown token",
    document: `query($token: String!) { calendarFeed(token: $token) { entries { bookingId } } }`,
    expect: table("null", "null", "null", "null", "null"),
    prepare: async () => ({ variables: { token: newCalendarToken() } }),
  },
  {
    operation: "Query.calendarFeed",
    case: "a malformed token (empty, too long, foreign characters): null, not a sign-in demand",
    document: `query($token: String!) { calendarFeed(token: $token) { entries { bookingId } } }`,
    expect: table("null", "null", "null", "null", "null"),
    prepare: async () => ({ variables: { token: "' OR 1=1 --" } }),
  },
  {
    operation: "Query.node",
    case: "a topic",
    document: `query($id: ID!) { node(id: $id) { id } }`,
    expect: SIGNED_IN,
    prepare: async ({ world }) => ({ variables: { id: world.gid("Topic", (await world.topic()).id) } }),
  },
  {
    operation: "Query.node",
    case: "another staff member's booking",
    covers: ["Booking"],
    document: `query($id: ID!) { node(id: $id) { id ... on Booking { status } } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => ({ variables: { id: world.gid("Booking", (await world.booking(world.users.other.id)).id) } }),
  },
  {
    operation: "Query.node",
    case: "a booking at the signed-in trainer's own session",
    covers: ["Booking"],
    document: `query($id: ID!) { node(id: $id) { id ... on Booking { user { name } } } }`,
    expect: signedInExcept({ STAFF: "FORBIDDEN" }),
    prepare: async ({ world }) => ({ variables: { id: world.gid("Booking", (await world.booking(world.users.other.id, { trainer: "own" })).id) } }),
  },
  {
    operation: "Query.node",
    case: "another staff member's notification",
    covers: ["Notification"],
    document: `query($id: ID!) { node(id: $id) { id ... on Notification { kind } } }`,
    expect: table("UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"),
    prepare: async ({ world }) => ({ variables: { id: world.gid("Notification", (await world.notification(world.users.other.id)).id) } }),
  },
  {
    operation: "Query.node",
    case: "the viewer's own notification",
    covers: ["Notification"],
    document: `query($id: ID!) { node(id: $id) { id ... on Notification { kind } } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => ({ variables: { id: world.gid("Notification", (await world.notification(viewerId)).id) } }),
  },
  {
    operation: "Query.node",
    case: "a planning run",
    covers: ["PlanningRun"],
    document: `query($id: ID!) { node(id: $id) { id ... on PlanningRun { status } } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => ({ variables: { id: world.gid("PlanningRun", (await world.queuedRun()).id) } }),
  },
  {
    operation: "Query.node",
    case: "a proposed (unapproved) session",
    covers: ["ProposedSession"],
    document: `query($id: ID!) { node(id: $id) { id ... on ProposedSession { date } } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => ({ variables: { id: world.gid("ProposedSession", (await world.review.createRun()).s1.id) } }),
  },
  {
    operation: "Query.nodes",
    case: "a topic and another staff member's booking",
    covers: ["Booking"],
    document: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
    path: ["nodes", "1"],
    expect: MANAGERS,
    prepare: async ({ world }) => ({
      variables: { ids: [world.gid("Topic", (await world.topic()).id), world.gid("Booking", (await world.booking(world.users.other.id)).id)] },
    }),
  },
  {
    operation: "Query.node",
    case: "a room (managers' planning data; sessions show staff only its name)",
    covers: ["Room"],
    document: `query($id: ID!) { node(id: $id) { id ... on Room { capacity upcomingSessionCount } } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => ({ variables: { id: world.gid("Room", world.ownPlace.roomId) } }),
  },
  { operation: "Query.dashboard", document: `{ dashboard { asOf } }`, expect: MANAGERS },
  { operation: "Query.planningRuns", document: `{ planningRuns(first: 5) { totalCount } }`, expect: MANAGERS },
  { operation: "Query.qualificationTopics", document: `{ qualificationTopics { id } }`, expect: MANAGERS },
  { operation: "Query.scheduleExport", document: `{ scheduleExport(from: "2027-01-01", to: "2027-01-31") { id } }`, expect: MANAGERS },
  { operation: "Query.trainers", document: `{ trainers { id } }`, expect: MANAGERS },
  {
    operation: "Query.trainer",
    document: `query($id: ID!) { trainer(id: $id) { id } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => ({ variables: { id: world.gid("Trainer", world.otherPlace.trainerId) } }),
  },
];

