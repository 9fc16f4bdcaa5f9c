import { addDays, centreWallClock, dateKey } from "../../../domain/centre-time";
import { MANAGERS, type CaseContext, type OperationRow } from "./rows";

const topicAction = (operation: string, status: "NEW" | "OPEN" | "REJECTED", call: string, options: { case?: string; ownTopic?: boolean } = {}): OperationRow => ({
  operation: `Mutation.${operation}`,
  case: options.case,
  document: `mutation($id: ID!) { ${call} { __typename } }`,
  expect: MANAGERS,
  prepare: async ({ world, viewerId }) => {
    const topic = await world.topic({ status, authorId: options.ownTopic ? viewerId : undefined });
    return {
      variables: { id: world.gid("Topic", topic.id) },
      state: async () => ({
        topic: await world.prisma.topic.findUnique({ where: { id: topic.id } }),
        log: await world.prisma.moderationAction.count({ where: { topicId: topic.id } }),
      }),
    };
  },
});

const siteInput = (code: string) => ({ code, name: `Площадка ${code}`, address: "Москва", opensMinute: 480, closesMinute: 1200 });

/** A proposed session of a fresh run, moved to a date of its own so approving or editing it never collides with another case's. */
async function proposal({ world, serial }: CaseContext) {
  const { run, s3 } = await world.review.createRun();
  const date = dateKey(addDays(new Date(Date.UTC(2027, 2, 1)), serial % 14));
  const moved = await world.prisma.proposedSession.update({ where: { id: s3.id }, data: { date: new Date(`${date}T00:00:00Z`) } });
  const state = async () => ({
    sessions: await world.prisma.proposedSession.findMany({ where: { runId: run.id }, orderBy: { id: "asc" } }),
    approved: await world.prisma.trainingSession.count({ where: { proposedSession: { runId: run.id } } }),
  });
  return { run, session: moved, date, state };
}

/** Moderation, resources, planning and sessions: managers (and admins) only. */
export const MANAGER_MUTATIONS: OperationRow[] = [
  topicAction("setTopicStatus", "NEW", "setTopicStatus(topicId: $id, status: OPEN)"),
  topicAction("rejectTopic", "OPEN", `rejectTopic(topicId: $id, reason: "Дубликат курса")`),
  topicAction("reopenTopic", "REJECTED", "reopenTopic(topicId: $id)"),
  topicAction("editTopic", "OPEN", `editTopic(topicId: $id, input: { title: "Новое название темы" })`),
  topicAction("editTopic", "OPEN", `editTopic(topicId: $id, input: { title: "Своё новое название" })`, { case: "the viewer's own topic: authors do not edit", ownTopic: true }),
  topicAction("rejectTopic", "NEW", `rejectTopic(topicId: $id, reason: "Передумал")`, { case: "the viewer's own topic: authors do not withdraw", ownTopic: true }),
  {
    operation: "Mutation.mergeTopics",
    document: `mutation($source: ID!, $target: ID!) { mergeTopics(sourceId: $source, targetId: $target) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const [source, target] = [await world.topic(), await world.topic()];
      return {
        variables: { source: world.gid("Topic", source.id), target: world.gid("Topic", target.id) },
        state: () => world.prisma.topic.findMany({ where: { id: { in: [source.id, target.id] } }, orderBy: { id: "asc" } }),
      };
    },
  },
  {
    operation: "Mutation.createSite",
    document: `mutation($input: SiteInput!) { createSite(input: $input) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const code = `m-${world.unique()}`;
      return { variables: { input: siteInput(code) }, state: () => world.prisma.site.count({ where: { code } }) };
    },
  },
  {
    operation: "Mutation.updateSite",
    document: `mutation($id: ID!, $input: SiteInput!) { updateSite(siteId: $id, input: $input) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const site = await world.prisma.site.create({ data: siteInput(`u-${world.unique()}`) });
      return {
        variables: { id: world.gid("Site", site.id), input: { ...siteInput(site.code), name: "Новое имя площадки" } },
        state: () => world.prisma.site.findUnique({ where: { id: site.id } }),
      };
    },
  },
  {
    operation: "Mutation.createRoom",
    document: `mutation($id: ID!, $input: RoomInput!) { createRoom(siteId: $id, input: $input) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const name = `Зал ${world.unique()}`;
      return {
        variables: { id: world.gid("Site", world.ownPlace.siteId), input: { name, capacity: 12 } },
        state: () => world.prisma.room.count({ where: { name } }),
      };
    },
  },
  {
    operation: "Mutation.updateRoom",
    document: `mutation($id: ID!, $input: RoomInput!) { updateRoom(roomId: $id, input: $input) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const room = await world.prisma.room.create({ data: { siteId: world.ownPlace.siteId, name: `Зал ${world.unique()}`, capacity: 10 } });
      return {
        variables: { id: world.gid("Room", room.id), input: { name: room.name, capacity: 25 } },
        state: () => world.prisma.room.findUnique({ where: { id: room.id } }),
      };
    },
  },
  {
    operation: "Mutation.deleteRoom",
    document: `mutation($id: ID!) { deleteRoom(roomId: $id) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const room = await world.prisma.room.create({ data: { siteId: world.ownPlace.siteId, name: `Зал ${world.unique()}`, capacity: 10 } });
      return { variables: { id: world.gid("Room", room.id) }, state: () => world.prisma.room.findUnique({ where: { id: room.id } }) };
    },
  },
  {
    operation: "Mutation.addClosedDate",
    document: `mutation($input: ClosedDateInput!) { addClosedDate(input: $input) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const date = world.futureDate();
      return {
        variables: { input: { siteId: world.gid("Site", world.ownPlace.siteId), date, reason: "Санитарный день" } },
        state: () => world.prisma.closedDate.count({ where: { siteId: world.ownPlace.siteId, date: new Date(`${date}T00:00:00Z`) } }),
      };
    },
  },
  {
    operation: "Mutation.removeClosedDate",
    document: `mutation($id: ID!) { removeClosedDate(closedDateId: $id) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const closed = await world.prisma.closedDate.create({ data: { date: new Date(`${world.futureDate()}T00:00:00Z`), reason: "Праздник" } });
      return { variables: { id: world.gid("ClosedDate", closed.id) }, state: () => world.prisma.closedDate.findUnique({ where: { id: closed.id } }) };
    },
  },
  {
    operation: "Mutation.createTrainer",
    document: `mutation($input: TrainerInput!) { createTrainer(input: $input) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const name = `Тренер ${world.unique()}`;
      return {
        variables: { input: { name, maxHoursPerWeek: 20, topicIds: [], siteIds: [world.gid("Site", world.ownPlace.siteId)], availability: [] } },
        state: () => world.prisma.trainer.count({ where: { name } }),
      };
    },
  },
  {
    operation: "Mutation.updateTrainer",
    document: `mutation($id: ID!, $input: TrainerInput!) { updateTrainer(trainerId: $id, input: $input) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const trainer = await world.prisma.trainer.create({ data: { name: `Тренер ${world.unique()}`, maxHoursPerWeek: 10 } });
      return {
        variables: {
          id: world.gid("Trainer", trainer.id),
          input: { name: trainer.name, maxHoursPerWeek: 30, topicIds: [], siteIds: [world.gid("Site", world.ownPlace.siteId)], availability: [] },
        },
        state: () => world.prisma.trainer.findUnique({ where: { id: trainer.id }, include: { sites: true } }),
      };
    },
  },
  {
    operation: "Mutation.setTrainerDaysOff",
    document: `mutation($id: ID!, $days: [TrainerDayOffInput!]!) { setTrainerDaysOff(trainerId: $id, daysOff: $days) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const trainer = await world.prisma.trainer.create({ data: { name: `Тренер ${world.unique()}` } });
      return {
        variables: { id: world.gid("Trainer", trainer.id), days: [{ date: world.futureDate(), reason: "Отпуск" }] },
        state: () => world.prisma.trainerDayOff.findMany({ where: { trainerId: trainer.id } }),
      };
    },
  },
  {
    operation: "Mutation.startPlanningRun",
    document: `mutation($input: StartPlanningRunInput!) { startPlanningRun(input: $input) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => ({
      variables: { input: { horizonStart: dateKey(addDays(centreWallClock(new Date()).date, 7)), horizonDays: 7, timeLimitSeconds: 5 } },
      state: () => world.prisma.planningRun.count(),
    }),
  },
  {
    operation: "Mutation.cancelPlanningRun",
    document: `mutation($id: ID!) { cancelPlanningRun(id: $id) { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const run = await world.queuedRun();
      return { variables: { id: world.gid("PlanningRun", run.id) }, state: () => world.prisma.planningRun.findUnique({ where: { id: run.id } }) };
    },
  },
  {
    operation: "Mutation.updateProposedSession",
    document: `mutation($id: ID!, $input: UpdateProposedSessionInput!) { updateProposedSession(id: $id, version: 0, input: $input) { __typename ... on Error { message } } }`,
    expect: MANAGERS,
    prepare: async (context) => {
      const { session, state } = await proposal(context);
      return { variables: { id: context.world.gid("ProposedSession", session.id), input: { start: "12:00" } }, state };
    },
  },
  {
    operation: "Mutation.removeProposedSession",
    document: `mutation($id: ID!) { removeProposedSession(id: $id, version: 0) { __typename } }`,
    expect: MANAGERS,
    prepare: async (context) => {
      const { session, state } = await proposal(context);
      return { variables: { id: context.world.gid("ProposedSession", session.id) }, state };
    },
  },
  {
    operation: "Mutation.approveProposedSessions",
    document: `mutation($run: ID!, $ids: [ID!]) { approveProposedSessions(runId: $run, sessionIds: $ids) { __typename ... on Error { message } } }`,
    expect: MANAGERS,
    prepare: async (context) => {
      const { run, session, state } = await proposal(context);
      return { variables: { run: context.world.gid("PlanningRun", run.id), ids: [context.world.gid("ProposedSession", session.id)] }, state };
    },
  },
  {
    operation: "Mutation.cancelTrainingSession",
    case: "the signed-in trainer's own session: trainers do not cancel",
    document: `mutation($id: ID!) { cancelTrainingSession(id: $id, reason: "Не смогу провести") { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const session = await world.session({ trainer: "own" });
      return { variables: { id: world.gid("TrainingSession", session.id) }, state: () => world.prisma.trainingSession.findUnique({ where: { id: session.id } }) };
    },
  },
  {
    operation: "Mutation.cancelTrainingSession",
    document: `mutation($id: ID!) { cancelTrainingSession(id: $id, reason: "Тренер заболел") { __typename } }`,
    expect: MANAGERS,
    prepare: async ({ world }) => {
      const booking = await world.booking(world.users.other.id);
      return {
        variables: { id: world.gid("TrainingSession", booking.sessionId) },
        state: async () => ({
          session: await world.prisma.trainingSession.findUnique({ where: { id: booking.sessionId } }),
          booking: await world.prisma.booking.findUnique({ where: { id: booking.id } }),
        }),
      };
    },
  },
];
