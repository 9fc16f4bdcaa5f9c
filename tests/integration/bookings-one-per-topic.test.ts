import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer, type ApiClient, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createUsers } from "./helpers/users";
import { CANCEL, clientFor, createPlace, createSession, createTopic, globalId, type SessionPlace } from "./bookings-helpers";

let db: TestDatabase;
let server: ApiServer;
let place: SessionPlace;

const BOOK_ONE = /* GraphQL */ `
  mutation Book($id: ID!) {
    bookSession(sessionId: $id) {
      __typename
      ... on MutationBookSessionSuccess { data { id status } }
      ... on TopicAlreadyBookedError { message waitlisted session { id } }
    }
  }
`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  place = await createPlace(db.prisma);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const days = (n: number) => new Date(Date.now() + n * 86_400_000);
const book = async (client: ApiClient, session: { id: string }) =>
  (await client.request(BOOK_ONE, { id: globalId("TrainingSession", session.id) })).data.bookSession;
const activeBookings = (userId: string, topicId: string) =>
  db.prisma.booking.count({ where: { userId, status: { in: ["CONFIRMED", "WAITLISTED"] }, session: { topicId } } });

describe("one booking per person per topic", () => {
  it("refuses a second session of a booked topic, names the one held, and writes nothing", async () => {
    const [user] = await createUsers(db.prisma, 1, { prefix: "one-topic" });
    const client = await clientFor(server, user!.id);
    const topic = await createTopic(db.prisma, "Одна запись на тему");
    const [first, second] = [await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(9) }), await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(3) })];
    const held = await book(client, first);
    expect(held.__typename).toBe("MutationBookSessionSuccess");

    const before = await db.prisma.trainingSession.findUniqueOrThrow({ where: { id: second.id } });
    const refused = await book(client, second);
    expect(refused).toMatchObject({ __typename: "TopicAlreadyBookedError", waitlisted: false, session: { id: globalId("TrainingSession", first.id) } });
    expect(refused.message).toMatch(/cancel it first/);
    expect(await db.prisma.booking.count({ where: { sessionId: second.id } })).toBe(0);
    expect(await db.prisma.trainingSession.findUniqueOrThrow({ where: { id: second.id } })).toEqual(before);

    // Once the first is cancelled, the other session can be taken; another topic was never blocked.
    const cancelled = await client.request(CANCEL, { id: held.data.id });
    expect(cancelled.data.cancelBooking.__typename).toBe("MutationCancelBookingSuccess");
    expect((await book(client, second)).__typename).toBe("MutationBookSessionSuccess");
    const otherTopic = await createTopic(db.prisma, "Другая тема");
    expect((await book(client, await createSession(db.prisma, { topicId: otherTopic.id, place, startsAt: days(4) }))).__typename).toBe("MutationBookSessionSuccess");
  });

  it("counts a waitlist place as a booking, and a session already held (in the past) as none", async () => {
    const [user, other] = await createUsers(db.prisma, 2, { prefix: "one-topic-wait" });
    const client = await clientFor(server, user!.id);
    const topic = await createTopic(db.prisma, "Тема с листом ожидания");
    const full = await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(5), capacity: 1 });
    expect((await book(await clientFor(server, other!.id), full)).data.status).toBe("CONFIRMED");
    expect((await book(client, full)).data.status).toBe("WAITLISTED");
    const refused = await book(client, await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(6) }));
    expect(refused).toMatchObject({ __typename: "TopicAlreadyBookedError", waitlisted: true });

    const repeatTopic = await createTopic(db.prisma, "Тема, пройденная раньше");
    const past = await createSession(db.prisma, { topicId: repeatTopic.id, place, startsAt: days(-3) });
    await db.prisma.booking.create({ data: { sessionId: past.id, userId: user!.id, status: "CONFIRMED", queueNumber: 1 } });
    expect((await book(client, await createSession(db.prisma, { topicId: repeatTopic.id, place, startsAt: days(8) }))).__typename).toBe("MutationBookSessionSuccess");
  });

  it("lets exactly one of a person's parallel bookings of two sessions of a topic through, for every person", async () => {
    const users = await createUsers(db.prisma, 40, { prefix: "one-topic-race" });
    const topic = await createTopic(db.prisma, "Гонка за местом");
    const [a, b] = [await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(10), capacity: 100 }), await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(11), capacity: 100 })];
    const clients = await Promise.all(users.map((user) => clientFor(server, user.id)));
    const outcomes = await Promise.all(clients.map((client) => Promise.all([book(client, a), book(client, b)])));
    for (const pair of outcomes) expect(pair.map((outcome) => outcome.__typename).sort()).toEqual(["MutationBookSessionSuccess", "TopicAlreadyBookedError"]);
    for (const user of users) expect(await activeBookings(user.id, topic.id)).toBe(1);
    const rows = await db.prisma.trainingSession.findMany({ where: { id: { in: [a.id, b.id] } } });
    const seats = await db.prisma.booking.groupBy({ by: ["sessionId"], where: { sessionId: { in: [a.id, b.id] }, status: "CONFIRMED" }, _count: true });
    for (const row of rows) expect(row.seatsTaken).toBe(seats.find((entry) => entry.sessionId === row.id)?._count ?? 0);
    expect(rows.reduce((sum, row) => sum + row.seatsTaken, 0)).toBe(users.length);
  });
});
