import { expect } from "vitest";
import { MANAGERS, SIGNED_IN, signedInExcept, table, type OperationRow } from "./rows";

/** Fields of another user's record that only the user themselves reads (FORBIDDEN for anyone else, admins included). */
const OWN_RECORD_FIELDS: Array<[field: string, selection: string]> = [
  ["availability", "availability { weekday }"],
  ["preferredSites", "preferredSites { id }"],
  ["onlineOk", "onlineOk"],
  ["votedTopics", "votedTopics { totalCount }"],
  ["notifications", "notifications { totalCount }"],
  ["unreadNotificationCount", "unreadNotificationCount"],
  ["calendarFeedUrl", "calendarFeedUrl"],
];

/** Trainer fields beyond the (public) name: planning data and private reasons, for managers. */
const TRAINER_FIELDS: Array<[field: string, selection: string]> = [
  ["maxHoursPerWeek", "maxHoursPerWeek"],
  ["user", "user { id }"],
  ["topics", "topics { id }"],
  ["sites", "sites { id }"],
  ["availability", "availability { weekday }"],
  ["daysOff", "daysOff { reason }"],
];

const NOBODY_ELSE = table("UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN");

/** Object-level rules on fields of objects every signed-in user can reach. */
export const FIELD_ROWS: OperationRow[] = [
  {
    operation: "Query.me",
    case: "the viewer's own private fields and e-mail",
    covers: [...OWN_RECORD_FIELDS.map(([field]) => `User.${field}`), "User.email"],
    document: `{ me { email ${OWN_RECORD_FIELDS.map(([, selection]) => selection).join(" ")} } }`,
    expect: SIGNED_IN,
    prepare: async ({ role, world }) => ({ allowed: (me) => expect(me.email).toBe(world.users[role as "STAFF"].email) }),
  },
  ...OWN_RECORD_FIELDS.map(([field, selection]): OperationRow => ({
    operation: "Query.node",
    case: `User.${field} of another staff member`,
    covers: [`User.${field}`],
    document: `query($id: ID!) { node(id: $id) { id ... on User { ${selection} } } }`,
    path: ["node", field],
    expect: NOBODY_ELSE,
    prepare: async ({ world }) => ({ variables: { id: world.gid("User", world.users.other.id) } }),
  })),
  {
    operation: "Query.node",
    case: "User.email of another staff member: admins only (null for others)",
    covers: ["User.email"],
    document: `query($id: ID!) { node(id: $id) { id ... on User { name email } } }`,
    path: ["node", "email"],
    expect: table("UNAUTHENTICATED", "null", "null", "null", "allowed"),
    prepare: async ({ world }) => ({ variables: { id: world.gid("User", world.users.other.id) } }),
  },
  ...TRAINER_FIELDS.map(([field, selection]): OperationRow => ({
    operation: "Query.node",
    case: `Trainer.${field} (the name is public)`,
    covers: [`Trainer.${field}`],
    document: `query($id: ID!) { node(id: $id) { id ... on Trainer { name ${selection} } } }`,
    path: ["node", field],
    expect: MANAGERS,
    prepare: async ({ world }) => {
      await world.prisma.trainerDayOff.create({ data: { trainerId: world.otherPlace.trainerId, date: new Date(`${world.futureDate()}T00:00:00Z`), reason: "Личное" } });
      return { variables: { id: world.gid("Trainer", world.otherPlace.trainerId) } };
    },
  })),
  {
    operation: "Query.site",
    case: "Site.rooms",
    covers: ["Site.rooms"],
    document: `query($id: ID!) { site(id: $id) { id rooms { id } } }`,
    path: ["site", "rooms"],
    expect: MANAGERS,
    prepare: async ({ world }) => ({ variables: { id: world.gid("Site", world.ownPlace.siteId) } }),
  },
  {
    operation: "Query.trainingSession",
    case: "TrainingSession.bookings of the signed-in trainer's own session",
    covers: ["TrainingSession.bookings"],
    document: `query($id: ID!) { trainingSession(id: $id) { viewerMarksAttendance bookings { id user { name } } } }`,
    path: ["trainingSession", "bookings"],
    expect: signedInExcept({ STAFF: "empty" }),
    prepare: async ({ world }) => {
      const booking = await world.booking(world.users.other.id, { trainer: "own" });
      return {
        variables: { id: world.gid("TrainingSession", booking.sessionId) },
        allowed: (bookings) => expect(bookings).toEqual([{ id: world.gid("Booking", booking.id), user: { name: world.users.other.name } }]),
      };
    },
  },
  {
    operation: "Query.trainingSession",
    case: "TrainingSession.bookings of another trainer's session",
    covers: ["TrainingSession.bookings"],
    document: `query($id: ID!) { trainingSession(id: $id) { viewerMarksAttendance bookings { id } } }`,
    path: ["trainingSession", "bookings"],
    expect: signedInExcept({ STAFF: "empty", TRAINER: "empty" }),
    prepare: async ({ world }) => {
      const booking = await world.booking(world.users.other.id, { trainer: "other" });
      return { variables: { id: world.gid("TrainingSession", booking.sessionId) }, allowed: (bookings) => expect(bookings).toHaveLength(1) };
    },
  },
  {
    operation: "Query.trainingSession",
    case: "TrainingSession.viewerMarksAttendance follows the same rule",
    document: `query($id: ID!) { trainingSession(id: $id) { viewerMarksAttendance } }`,
    path: ["trainingSession", "viewerMarksAttendance"],
    expect: signedInExcept({ STAFF: "false" }),
    prepare: async ({ world }) => ({
      variables: { id: world.gid("TrainingSession", (await world.session({ trainer: "own" })).id) },
      allowed: (marks) => expect(marks).toBe(true),
    }),
  },
  {
    operation: "Query.node",
    case: "Comment.viewerCanDelete on another staff member's comment follows deleteComment's rule",
    document: `query($id: ID!) { node(id: $id) { id ... on Comment { body viewerCanDelete } } }`,
    path: ["node", "viewerCanDelete"],
    expect: signedInExcept({ STAFF: "false", TRAINER: "false" }),
    prepare: async ({ world }) => {
      const comment = await world.prisma.comment.create({ data: { topicId: (await world.topic()).id, authorId: world.users.other.id, body: "Чужой" } });
      return { variables: { id: world.gid("Comment", comment.id) }, allowed: (canDelete) => expect(canDelete).toBe(true) };
    },
  },
  {
    operation: "Query.topic",
    case: "Topic.viewerVoteWindows never shows another voter's narrowing",
    document: `query($id: ID!) { topic(id: $id) { viewerHasVoted viewerVoteWindows { weekday } } }`,
    path: ["topic", "viewerVoteWindows"],
    expect: table("UNAUTHENTICATED", "null", "null", "null", "null"),
    prepare: async ({ world }) => {
      const topic = await world.topic();
      await world.prisma.vote.create({
        data: { userId: world.users.other.id, topicId: topic.id, windows: { create: [{ weekday: 3, startMinute: 600, endMinute: 720, strength: "PREFERRED" }] } },
      });
      return { variables: { id: world.gid("Topic", topic.id) } };
    },
  },
];
