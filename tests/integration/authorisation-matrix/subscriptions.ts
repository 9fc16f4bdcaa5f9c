import type { ApiClient } from "../helpers/api-server";
import { MANAGERS, SIGNED_IN, type CaseContext, type SubscriptionRow } from "./rows";

/** Someone other than the subscriber causes the event (a comment notifies its topic's author only if someone else wrote it). */
const actor = ({ role, world }: CaseContext): ApiClient => world.clients[role === "ADMIN" ? "MANAGER" : "ADMIN"];

/** Votes and withdraws alternately, so every call changes the count (a repeated vote is a no-op). */
function voteToggle(context: CaseContext, topicId: string) {
  let voted = false;
  return async () => {
    voted = !voted;
    await actor(context).request(`mutation($id: ID!) { ${voted ? "vote" : "unvote"}(topicId: $id) { __typename } }`, { id: context.world.gid("Topic", topicId) });
  };
}

/** Anonymous WebSocket connections are refused at the handshake (close code 4403): no subscription runs at all. */
export const SUBSCRIPTIONS: SubscriptionRow[] = [
  {
    operation: "Subscription.topicVoteChanged",
    document: `subscription($id: ID) { topicVoteChanged(topicId: $id) { voteCount } }`,
    expect: SIGNED_IN,
    prepare: async (context) => {
      const topic = await context.world.topic();
      return { variables: { id: context.world.gid("Topic", topic.id) }, trigger: voteToggle(context, topic.id) };
    },
  },
  {
    operation: "Subscription.topicDemandChanged",
    document: `subscription($id: ID!) { topicDemandChanged(topicId: $id) { votersWithoutAvailability } }`,
    expect: SIGNED_IN,
    prepare: async (context) => {
      const topic = await context.world.topic();
      return { variables: { id: context.world.gid("Topic", topic.id) }, trigger: voteToggle(context, topic.id) };
    },
  },
  {
    operation: "Subscription.topicSuggested",
    document: `subscription { topicSuggested { title } }`,
    expect: SIGNED_IN,
    prepare: async (context) => ({
      trigger: async () => {
        await actor(context).request(`mutation($input: SuggestTopicInput!) { suggestTopic(input: $input) { __typename } }`, {
          input: { title: `Новая тема ${context.world.unique()}`, description: "Описание новой темы", block: "SERVICE_DELIVERY", format: "WEBINAR" },
        });
      },
    }),
  },
  {
    operation: "Subscription.topicStatusChanged",
    document: `subscription { topicStatusChanged { toStatus } }`,
    expect: SIGNED_IN,
    prepare: async (context) => ({
      trigger: async () => {
        const topic = await context.world.topic({ status: "NEW" });
        await context.world.clients.MANAGER.request(`mutation($id: ID!) { setTopicStatus(topicId: $id, status: OPEN) { __typename } }`, {
          id: context.world.gid("Topic", topic.id),
        });
      },
    }),
  },
  {
    operation: "Subscription.commentAdded",
    document: `subscription($id: ID!) { commentAdded(topicId: $id) { body } }`,
    expect: SIGNED_IN,
    prepare: async (context) => {
      const id = context.world.gid("Topic", (await context.world.topic()).id);
      return {
        variables: { id },
        trigger: async () => void (await actor(context).request(`mutation($id: ID!) { addComment(topicId: $id, body: "Вопрос") { __typename } }`, { id })),
      };
    },
  },
  {
    operation: "Subscription.commentDeleted",
    document: `subscription($id: ID!) { commentDeleted(topicId: $id) }`,
    expect: SIGNED_IN,
    prepare: async (context) => {
      const topic = await context.world.topic();
      return {
        variables: { id: context.world.gid("Topic", topic.id) },
        trigger: async () => {
          const comment = await context.world.prisma.comment.create({ data: { topicId: topic.id, authorId: context.world.users.other.id, body: "Удалить" } });
          await context.world.clients.MANAGER.request(`mutation($id: ID!) { deleteComment(commentId: $id) { __typename } }`, {
            id: context.world.gid("Comment", comment.id),
          });
        },
      };
    },
  },
  {
    operation: "Subscription.notificationAdded",
    case: "the viewer's own notifications (routed by the viewer's id)",
    document: `subscription { notificationAdded { kind } }`,
    expect: SIGNED_IN,
    prepare: async (context) => {
      const topic = await context.world.topic({ authorId: context.viewerId });
      const id = context.world.gid("Topic", topic.id);
      return { trigger: async () => void (await actor(context).request(`mutation($id: ID!) { addComment(topicId: $id, body: "Отличная тема") { __typename } }`, { id })) };
    },
  },
  {
    operation: "Subscription.sessionSeatsChanged",
    document: `subscription($id: ID!) { sessionSeatsChanged(sessionId: $id) { seatsTaken } }`,
    expect: SIGNED_IN,
    prepare: async (context) => {
      const session = await context.world.session();
      const id = context.world.gid("TrainingSession", session.id);
      let booked = false;
      return {
        variables: { id },
        trigger: async () => {
          booked = !booked;
          if (booked) {
            await actor(context).request(`mutation($id: ID!) { bookSession(sessionId: $id) { __typename } }`, { id });
          } else {
            const booking = await context.world.prisma.booking.findFirstOrThrow({ where: { sessionId: session.id } });
            await actor(context).request(`mutation($id: ID!) { cancelBooking(bookingId: $id) { __typename } }`, { id: context.world.gid("Booking", booking.id) });
          }
        },
      };
    },
  },
  {
    operation: "Subscription.dashboardPulse",
    document: `subscription { dashboardPulse { latestChangeAt } }`,
    expect: MANAGERS,
    prepare: async (context) => {
      const topic = await context.world.topic();
      return { trigger: voteToggle(context, topic.id) };
    },
  },
  {
    operation: "Subscription.planningRunChanged",
    document: `subscription($id: ID!) { planningRunChanged(runId: $id) { status } }`,
    expect: MANAGERS,
    prepare: async (context) => {
      // A running run: every cancel request re-publishes it (a queued one is cancelled once).
      const run = await context.world.queuedRun();
      await context.world.prisma.planningRun.update({ where: { id: run.id }, data: { status: "RUNNING", startedAt: new Date() } });
      const id = context.world.gid("PlanningRun", run.id);
      return { variables: { id }, trigger: async () => void (await context.world.clients.MANAGER.request(`mutation($id: ID!) { cancelPlanningRun(id: $id) { __typename } }`, { id })) };
    },
  },
];
