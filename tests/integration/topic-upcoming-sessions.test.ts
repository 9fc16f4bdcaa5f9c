import { afterAll, beforeAll, expect, it } from "vitest";
import { TOPIC_UPCOMING_SESSIONS_MAX } from "../../graphql/training-sessions";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { useTestDatabase } from "./helpers/database";
import { createUsers, TEST_PASSWORD } from "./helpers/users";
import { createPlace, createSession, createTopic, globalId } from "./bookings-helpers";

const db = useTestDatabase();
let server: ApiServer;
let staff: ApiClient;

beforeAll(async () => {
  server = await startApiServer(db);
  const [user] = await createUsers(db.prisma, 1, { prefix: "upcoming" });
  staff = await new ApiClient(server).signIn(user!.email, TEST_PASSWORD);
});

afterAll(async () => {
  await server.close();
});

const UPCOMING = `query($id: ID!) { topic(id: $id) { upcomingSessions { id startsAt status } } }`;
const days = (n: number) => new Date(Date.now() + n * 86_400_000);

it("lists a topic's approved sessions still to start, soonest first; past, cancelled and other topics' ones left out", async () => {
  const [topic, other] = [await createTopic(db.prisma, "Тема с занятиями"), await createTopic(db.prisma, "Другая тема")];
  const place = await createPlace(db.prisma);
  const later = await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(14) });
  const sooner = await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(3) });
  await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(-2) });
  const cancelled = await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(5) });
  await db.prisma.trainingSession.update({ where: { id: cancelled.id }, data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: "Тренер заболел" } });
  await createSession(db.prisma, { topicId: other.id, place, startsAt: days(4) });

  const result = await staff.request(UPCOMING, { id: globalId("Topic", topic.id) });
  expect(result.errors).toBeUndefined();
  expect(result.data.topic.upcomingSessions.map((session: { id: string }) => session.id)).toEqual(
    [sooner, later].map((session) => globalId("TrainingSession", session.id)),
  );
  expect(result.data.topic.upcomingSessions.every((session: { status: string }) => session.status === "SCHEDULED")).toBe(true);
});

it(`shows at most ${TOPIC_UPCOMING_SESSIONS_MAX}, the soonest`, async () => {
  const topic = await createTopic(db.prisma, "Популярная тема");
  const place = await createPlace(db.prisma);
  const created = [];
  for (let n = 0; n < TOPIC_UPCOMING_SESSIONS_MAX + 2; n++) created.push(await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(30 - n) }));
  const result = await staff.request(UPCOMING, { id: globalId("Topic", topic.id) });
  const soonest = [...created].reverse().slice(0, TOPIC_UPCOMING_SESSIONS_MAX);
  expect(result.data.topic.upcomingSessions.map((session: { id: string }) => session.id)).toEqual(soonest.map((session) => globalId("TrainingSession", session.id)));
});
