import { expect } from "vitest";
import { addDays } from "../../../domain/centre-time";
import { ApiClient } from "../helpers/api-server";
import { createPlace, createSession } from "../bookings-helpers";
import { TEST_PASSWORD } from "../helpers/users";
import { EVERYONE, SIGNED_IN, signedInExcept, table, type OperationRow } from "./rows";

/** Mutations every signed-in user may call on their own behalf, and the object-level rules around them. */
export const SIGNED_IN_MUTATIONS: OperationRow[] = [
  {
    operation: "Mutation.signIn",
    document: `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on MutationSignInSuccess { data { id } } } }`,
    expect: EVERYONE,
    writesNothing: true,
    // Signed-in roles sign in again as themselves (their cookie stays valid); anonymous callers as `other`.
    prepare: async ({ role, world }) => ({
      variables: { input: { email: (role === "anonymous" ? world.users.other : world.users[role]).email, password: TEST_PASSWORD } },
    }),
    client: async ({ role, world }) => (role === "anonymous" ? new ApiClient(world.server) : world.clients[role]),
  },
  {
    operation: "Mutation.signOut",
    document: `mutation { signOut }`,
    expect: EVERYONE,
    writesNothing: true,
    // A session of its own, so the role's shared session survives.
    client: async ({ world, role }) => (await world.ownSession(role)).client,
  },
  {
    operation: "Mutation.setLocale",
    document: `mutation($locale: Locale!) { setLocale(locale: $locale) { id locale } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => {
      const { locale } = await world.prisma.user.findUniqueOrThrow({ where: { id: viewerId } });
      return {
        variables: { locale: locale === "en" ? "ru" : "en" },
        state: () => world.prisma.user.findUniqueOrThrow({ where: { id: viewerId }, select: { locale: true } }),
      };
    },
  },
  {
    operation: "Mutation.resetCalendarFeed",
    document: `mutation { resetCalendarFeed { id calendarFeedUrl } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => ({
      state: () => world.prisma.user.findUniqueOrThrow({ where: { id: viewerId }, select: { calendarToken: true } }),
    }),
  },
  {
    operation: "Mutation.setMyAvailability",
    document: `mutation($input: SetMyAvailabilityInput!) { setMyAvailability(input: $input) { __typename } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => {
      const { onlineOk } = await world.prisma.user.findUniqueOrThrow({ where: { id: viewerId } });
      return {
        variables: {
          input: { windows: [{ weekday: 1, startMinute: 540, endMinute: 600, strength: "PREFERRED" }], siteIds: [world.gid("Site", world.ownPlace.siteId)], onlineOk: !onlineOk },
        },
        state: () => world.prisma.user.findUniqueOrThrow({ where: { id: viewerId }, select: { onlineOk: true, availability: true, preferredSites: true } }),
      };
    },
  },
  {
    operation: "Mutation.suggestTopic",
    document: `mutation($input: SuggestTopicInput!) { suggestTopic(input: $input) { __typename } }`,
    expect: SIGNED_IN,
    prepare: async ({ world }) => {
      const title = `Предложение ${world.unique()}`;
      return {
        variables: { input: { title, description: "Описание предложенной темы", block: "SERVICE_DELIVERY", format: "TRAINING" } },
        state: () => world.prisma.topic.count({ where: { title } }),
      };
    },
  },
  {
    operation: "Mutation.vote",
    document: `mutation($id: ID!) { vote(topicId: $id) { __typename } }`,
    expect: SIGNED_IN,
    prepare: async ({ world }) => {
      const topic = await world.topic();
      return { variables: { id: world.gid("Topic", topic.id) }, state: () => world.prisma.vote.findMany({ where: { topicId: topic.id } }) };
    },
  },
  {
    operation: "Mutation.unvote",
    case: "withdraws only the viewer's own vote",
    document: `mutation($id: ID!) { unvote(topicId: $id) { __typename } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => {
      const topic = await world.topic();
      const others = world.users.other.id === viewerId ? [viewerId] : [viewerId, world.users.other.id];
      await world.prisma.vote.createMany({ data: others.map((userId) => ({ userId, topicId: topic.id })) });
      return {
        variables: { id: world.gid("Topic", topic.id) },
        state: () => world.prisma.vote.findMany({ where: { topicId: topic.id }, orderBy: { userId: "asc" } }),
        allowed: async () => expect(await world.prisma.vote.count({ where: { topicId: topic.id, userId: world.users.other.id } })).toBe(1),
      };
    },
  },
  {
    operation: "Mutation.setVoteWindows",
    case: "the viewer's own vote",
    document: `mutation($id: ID!, $windows: [AvailabilityWindowInput!]) { setVoteWindows(topicId: $id, windows: $windows) { __typename } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => {
      const topic = await world.topic();
      const vote = await world.prisma.vote.create({ data: { userId: viewerId, topicId: topic.id } });
      return {
        variables: { id: world.gid("Topic", topic.id), windows: [{ weekday: 2, startMinute: 540, endMinute: 660, strength: "PREFERRED" }] },
        state: () => world.prisma.voteWindow.findMany({ where: { voteId: vote.id } }),
      };
    },
  },
  {
    operation: "Mutation.setVoteWindows",
    case: "a topic only another staff member voted for: their windows stay theirs",
    document: `mutation($id: ID!, $windows: [AvailabilityWindowInput!]) { setVoteWindows(topicId: $id, windows: $windows) { __typename } }`,
    expect: signedInExcept({ STAFF: { typed: "NotVotedError" }, TRAINER: { typed: "NotVotedError" }, MANAGER: { typed: "NotVotedError" }, ADMIN: { typed: "NotVotedError" } }),
    prepare: async ({ world }) => {
      const topic = await world.topic();
      const vote = await world.prisma.vote.create({
        data: { userId: world.users.other.id, topicId: topic.id, windows: { create: [{ weekday: 3, startMinute: 600, endMinute: 720, strength: "PREFERRED" }] } },
      });
      return {
        variables: { id: world.gid("Topic", topic.id), windows: [] },
        state: () => world.prisma.voteWindow.findMany({ where: { voteId: vote.id } }),
      };
    },
  },
  {
    operation: "Mutation.addComment",
    document: `mutation($id: ID!) { addComment(topicId: $id, body: "Когда будет занятие?") { __typename } }`,
    expect: SIGNED_IN,
    prepare: async ({ world }) => {
      const topic = await world.topic();
      return { variables: { id: world.gid("Topic", topic.id) }, state: () => world.prisma.comment.findMany({ where: { topicId: topic.id } }) };
    },
  },
  {
    operation: "Mutation.deleteComment",
    case: "the viewer's own comment",
    document: `mutation($id: ID!) { deleteComment(commentId: $id) { __typename } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => {
      const topic = await world.topic();
      const comment = await world.prisma.comment.create({ data: { topicId: topic.id, authorId: viewerId, body: "Мой комментарий" } });
      return { variables: { id: world.gid("Comment", comment.id) }, state: () => world.prisma.comment.findUnique({ where: { id: comment.id } }) };
    },
  },
  {
    operation: "Mutation.deleteComment",
    case: "another staff member's comment (author or manager only)",
    document: `mutation($id: ID!) { deleteComment(commentId: $id) { __typename } }`,
    expect: table("UNAUTHENTICATED", { typed: "ForbiddenError" }, { typed: "ForbiddenError" }, "allowed", "allowed"),
    prepare: async ({ world }) => {
      const topic = await world.topic();
      const comment = await world.prisma.comment.create({ data: { topicId: topic.id, authorId: world.users.other.id, body: "Чужой комментарий" } });
      return {
        variables: { id: world.gid("Comment", comment.id) },
        state: async () => ({
          comment: await world.prisma.comment.findUnique({ where: { id: comment.id } }),
          log: await world.prisma.moderationAction.count({ where: { topicId: topic.id } }),
        }),
      };
    },
  },
  {
    operation: "Mutation.markNotificationsRead",
    case: "another staff member's notification id is ignored",
    document: `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => {
      const own = await world.notification(viewerId);
      const foreign = await world.notification(world.users.other.id);
      const ids = [...new Set([own.id, foreign.id])];
      return {
        variables: { ids: ids.map((id) => world.gid("Notification", id)) },
        state: () => world.prisma.notification.findMany({ where: { id: { in: ids } }, select: { id: true, readAt: true }, orderBy: { id: "asc" } }),
        allowed: async (value) => {
          expect(value).toEqual([{ id: world.gid("Notification", own.id) }]);
          expect((await world.prisma.notification.findUniqueOrThrow({ where: { id: foreign.id } })).readAt).toBeNull();
        },
      };
    },
  },
  {
    operation: "Mutation.markAllNotificationsRead",
    case: "only the viewer's own notifications",
    document: `mutation { markAllNotificationsRead { id unreadNotificationCount } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => {
      const own = await world.notification(viewerId);
      const foreign = await world.notification(world.users.other.id);
      const ids = [own.id, foreign.id];
      return {
        state: () => world.prisma.notification.findMany({ where: { id: { in: ids } }, select: { id: true, readAt: true }, orderBy: { id: "asc" } }),
        allowed: async () => expect((await world.prisma.notification.findUniqueOrThrow({ where: { id: foreign.id } })).readAt).toBeNull(),
      };
    },
  },
  {
    operation: "Mutation.bookSession",
    document: `mutation($id: ID!) { bookSession(sessionId: $id) { __typename } }`,
    expect: SIGNED_IN,
    prepare: async ({ world }) => {
      const session = await world.session();
      return { variables: { id: world.gid("TrainingSession", session.id) }, state: () => world.prisma.booking.findMany({ where: { sessionId: session.id } }) };
    },
  },
  {
    operation: "Mutation.cancelBooking",
    case: "the viewer's own booking",
    document: `mutation($id: ID!) { cancelBooking(bookingId: $id) { __typename } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => {
      const booking = await world.booking(viewerId);
      return { variables: { id: world.gid("Booking", booking.id) }, state: () => world.prisma.booking.findUnique({ where: { id: booking.id } }) };
    },
  },
  {
    operation: "Mutation.cancelBooking",
    case: "another staff member's booking reads as missing, even for managers",
    document: `mutation($id: ID!) { cancelBooking(bookingId: $id) { __typename } }`,
    expect: signedInExcept({ STAFF: { typed: "NotFoundError" }, TRAINER: { typed: "NotFoundError" }, MANAGER: { typed: "NotFoundError" }, ADMIN: { typed: "NotFoundError" } }),
    prepare: async ({ world }) => {
      const booking = await world.booking(world.users.other.id);
      return { variables: { id: world.gid("Booking", booking.id) }, state: () => world.prisma.booking.findUnique({ where: { id: booking.id } }) };
    },
  },
  {
    operation: "Mutation.moveBooking",
    case: "the viewer's own booking, to another session of its topic",
    document: `mutation($id: ID!, $to: ID!) { moveBooking(bookingId: $id, toSessionId: $to) { __typename } }`,
    expect: SIGNED_IN,
    prepare: async ({ world, viewerId }) => {
      const booking = await world.booking(viewerId);
      const { topicId } = await world.prisma.trainingSession.findUniqueOrThrow({ where: { id: booking.sessionId } });
      const other = await createSession(world.prisma, { topicId, place: await createPlace(world.prisma), startsAt: addDays(new Date(), 9) });
      return {
        variables: { id: world.gid("Booking", booking.id), to: world.gid("TrainingSession", other.id) },
        state: () => world.prisma.booking.findMany({ where: { userId: viewerId, sessionId: { in: [booking.sessionId, other.id] } }, orderBy: { id: "asc" } }),
      };
    },
  },
  {
    operation: "Mutation.moveBooking",
    case: "another staff member's booking reads as missing, even for managers",
    document: `mutation($id: ID!, $to: ID!) { moveBooking(bookingId: $id, toSessionId: $to) { __typename } }`,
    expect: signedInExcept({ STAFF: { typed: "NotFoundError" }, TRAINER: { typed: "NotFoundError" }, MANAGER: { typed: "NotFoundError" }, ADMIN: { typed: "NotFoundError" } }),
    prepare: async ({ world }) => {
      const booking = await world.booking(world.users.other.id);
      const { topicId } = await world.prisma.trainingSession.findUniqueOrThrow({ where: { id: booking.sessionId } });
      const other = await createSession(world.prisma, { topicId, place: await createPlace(world.prisma), startsAt: addDays(new Date(), 9) });
      return {
        variables: { id: world.gid("Booking", booking.id), to: world.gid("TrainingSession", other.id) },
        state: () => world.prisma.booking.findMany({ where: { sessionId: { in: [booking.sessionId, other.id] } }, orderBy: { id: "asc" } }),
      };
    },
  },
  {
    operation: "Mutation.markAttendance",
    case: "a booking at the signed-in trainer's own started session",
    document: `mutation($id: ID!) { markAttendance(bookingId: $id, attendance: ATTENDED) { __typename } }`,
    expect: table("UNAUTHENTICATED", { typed: "ForbiddenError" }, "allowed", "allowed", "allowed"),
    prepare: async ({ world }) => {
      const booking = await world.booking(world.users.other.id, { trainer: "own", startsAt: world.hourAgo() });
      return { variables: { id: world.gid("Booking", booking.id) }, state: () => world.prisma.booking.findUnique({ where: { id: booking.id } }) };
    },
  },
  {
    operation: "Mutation.markAttendance",
    case: "the viewer's own booking at another trainer's started session: nobody marks themselves",
    document: `mutation($id: ID!) { markAttendance(bookingId: $id, attendance: ATTENDED) { __typename } }`,
    expect: table("UNAUTHENTICATED", { typed: "ForbiddenError" }, { typed: "ForbiddenError" }, "allowed", "allowed"),
    prepare: async ({ world, viewerId }) => {
      const booking = await world.booking(viewerId, { trainer: "other", startsAt: world.hourAgo() });
      return { variables: { id: world.gid("Booking", booking.id) }, state: () => world.prisma.booking.findUnique({ where: { id: booking.id } }) };
    },
  },
  {
    operation: "Mutation.markAttendance",
    case: "a booking at another trainer's started session",
    document: `mutation($id: ID!) { markAttendance(bookingId: $id, attendance: NO_SHOW) { __typename } }`,
    expect: table("UNAUTHENTICATED", { typed: "ForbiddenError" }, { typed: "ForbiddenError" }, "allowed", "allowed"),
    prepare: async ({ world }) => {
      const booking = await world.booking(world.users.other.id, { trainer: "other", startsAt: world.hourAgo() });
      return { variables: { id: world.gid("Booking", booking.id) }, state: () => world.prisma.booking.findUnique({ where: { id: booking.id } }) };
    },
  },
];
