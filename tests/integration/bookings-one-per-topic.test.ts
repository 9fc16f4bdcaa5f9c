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

const MOVE = /* GraphQL */ `
  mutation Move($bookingId: ID!, $toSessionId: ID!) {
    moveBooking(bookingId: $bookingId, toSessionId: $toSessionId) {
      __typename
      ... on MutationMoveBookingSuccess { data { id status session { id } } }
      ... on Error { message }
    }
  }
`;

describe("moving a booking to another session of the topic", () => {
  it("takes a seat there and hands the old seat to that session's waitlist, in one step", async () => {
    const [mover, waiting] = await createUsers(db.prisma, 2, { prefix: "mover" });
    const [moverClient, waitingClient] = [await clientFor(server, mover!.id), await clientFor(server, waiting!.id)];
    const topic = await createTopic(db.prisma, "Перенос записи");
    const from = await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(6), capacity: 1 });
    const to = await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(13), capacity: 3 });
    const held = await book(moverClient, from);
    expect(held.data.status).toBe("CONFIRMED");
    expect((await book(waitingClient, from)).data.status).toBe("WAITLISTED");

    const moved = (await moverClient.request(MOVE, { bookingId: held.data.id, toSessionId: globalId("TrainingSession", to.id) })).data.moveBooking;
    expect(moved).toMatchObject({ __typename: "MutationMoveBookingSuccess", data: { status: "CONFIRMED", session: { id: globalId("TrainingSession", to.id) } } });
    const rows = await db.prisma.booking.findMany({ where: { sessionId: { in: [from.id, to.id] } } });
    expect(rows.map((row) => [row.sessionId === from.id ? "from" : "to", row.userId === mover!.id ? "mover" : "waiting", row.status]).sort()).toEqual([
      ["from", "mover", "CANCELLED"],
      ["from", "waiting", "CONFIRMED"],
      ["to", "mover", "CONFIRMED"],
    ]);
    const [fromRow, toRow] = [await db.prisma.trainingSession.findUniqueOrThrow({ where: { id: from.id } }), await db.prisma.trainingSession.findUniqueOrThrow({ where: { id: to.id } })];
    expect([fromRow.seatsTaken, fromRow.waitlisted, toRow.seatsTaken, toRow.waitlisted]).toEqual([1, 0, 1, 0]);
    expect(await db.prisma.notification.count({ where: { userId: waiting!.id, kind: "BOOKING_PROMOTED", sessionId: from.id } })).toBe(1);
    expect(await activeBookings(mover!.id, topic.id)).toBe(1);
  });

  it("moves a waitlist place into a free seat, but never a seat into a full session, another topic or someone else's booking", async () => {
    const [mover, other] = await createUsers(db.prisma, 2, { prefix: "mover-refused" });
    const [moverClient, otherClient] = [await clientFor(server, mover!.id), await clientFor(server, other!.id)];
    const topic = await createTopic(db.prisma, "Перенос: отказы");
    const full = await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(6), capacity: 1 });
    const free = await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(7), capacity: 2 });
    expect((await book(otherClient, full)).data.status).toBe("CONFIRMED");
    const waitPlace = await book(moverClient, full);
    expect(waitPlace.data.status).toBe("WAITLISTED");

    const snapshot = () => db.prisma.booking.findMany({ orderBy: { id: "asc" }, where: { sessionId: { in: [full.id, free.id] } } });
    const before = await snapshot();
    const move = (client: ApiClient, bookingId: string, session: { id: string }) =>
      client.request(MOVE, { bookingId, toSessionId: globalId("TrainingSession", session.id) }).then((result) => result.data.moveBooking.__typename);
    const otherSeat = (await db.prisma.booking.findFirstOrThrow({ where: { sessionId: full.id, userId: other!.id } })).id;
    expect(await move(moverClient, globalId("Booking", otherSeat), free)).toBe("NotFoundError"); // not theirs
    const elsewhere = await createSession(db.prisma, { topicId: (await createTopic(db.prisma, "Чужая тема")).id, place, startsAt: days(8) });
    expect(await move(moverClient, waitPlace.data.id, elsewhere)).toBe("NotFoundError"); // another topic
    expect(await snapshot()).toEqual(before);

    expect(await move(moverClient, waitPlace.data.id, free)).toBe("MutationMoveBookingSuccess");
    expect((await db.prisma.trainingSession.findUniqueOrThrow({ where: { id: full.id } })).waitlisted).toBe(0);
    // Once that session is full, a seat cannot move there.
    await db.prisma.trainingSession.update({ where: { id: free.id }, data: { capacity: 1 } });
    const beforeFull = await snapshot();
    expect(await move(otherClient, globalId("Booking", otherSeat), free)).toBe("SessionFullError");
    expect(await snapshot()).toEqual(beforeFull);
  });
});

describe("a session's trainer", () => {
  it("does not take a seat on the session they teach (the API says why and writes nothing), nor move a booking into it", async () => {
    const [trainerUser] = await createUsers(db.prisma, 1, { prefix: "teaching", role: "TRAINER" });
    const client = await clientFor(server, trainerUser!.id);
    const ownPlace = await createPlace(db.prisma, { trainerUserId: trainerUser!.id });
    const topic = await createTopic(db.prisma, "Тема тренера");
    const own = await createSession(db.prisma, { topicId: topic.id, place: ownPlace, startsAt: days(5) });
    const id = globalId("TrainingSession", own.id);
    const answer = await client.request(`mutation($id: ID!) { bookSession(sessionId: $id) { __typename ... on SessionNotBookableError { reason } } }`, { id });
    expect(answer.data.bookSession).toEqual({ __typename: "SessionNotBookableError", reason: "TRAINER" });
    expect((await client.request(`query($id: ID!) { trainingSession(id: $id) { viewerTeaches } }`, { id })).data.trainingSession.viewerTeaches).toBe(true);
    expect(await db.prisma.booking.count({ where: { sessionId: own.id } })).toBe(0);

    // Another trainer's session of the topic can be booked, but not moved from into their own.
    const taught = await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(6) });
    const seat = await book(client, taught);
    expect(seat.data.status).toBe("CONFIRMED");
    const moved = await client.request(MOVE, { bookingId: seat.data.id, toSessionId: globalId("TrainingSession", own.id) });
    expect(moved.data.moveBooking.__typename).toBe("SessionNotBookableError");
    expect(await db.prisma.booking.count({ where: { sessionId: own.id } })).toBe(0);
  });
});

describe("moving never ends with two bookings of a topic", () => {
  it("refuses to move a place on a session that has started, or onto a session already held, or while another one is held", async () => {
    const [user] = await createUsers(db.prisma, 1, { prefix: "mover-guard" });
    const client = await clientFor(server, user!.id);
    const topic = await createTopic(db.prisma, "Перенос: защита правила");
    const started = await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(-0.01), capacity: 1 });
    const [b, c] = [await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(4) }), await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(5) })];
    // Rows as older data may hold them: a waitlist place on a started session, and a seat on B.
    const waiting = await db.prisma.booking.create({ data: { sessionId: started.id, userId: user!.id, status: "WAITLISTED", queueNumber: 2 } });
    const seat = await db.prisma.booking.create({ data: { sessionId: b.id, userId: user!.id, status: "CONFIRMED", queueNumber: 1 } });
    await db.prisma.trainingSession.update({ where: { id: b.id }, data: { seatsTaken: 1, nextQueueNumber: 2 } });
    const snapshot = () => Promise.all([db.prisma.booking.findMany({ where: { userId: user!.id }, orderBy: { id: "asc" } }), db.prisma.trainingSession.findMany({ where: { id: { in: [started.id, b.id, c.id] } }, orderBy: { id: "asc" } })]);
    const before = await snapshot();
    const move = (bookingId: string, to: { id: string }) =>
      client.request(MOVE, { bookingId: globalId("Booking", bookingId), toSessionId: globalId("TrainingSession", to.id) }).then((r) => r.data.moveBooking.__typename);

    expect(await move(waiting.id, c)).toBe("SessionNotBookableError"); // its session has started
    expect(await move(waiting.id, b)).toBe("SessionNotBookableError");
    await db.prisma.trainingSession.update({ where: { id: started.id }, data: { startsAt: days(3), endsAt: days(3.1) } });
    const beforeMoves = await snapshot();
    expect(await move(waiting.id, b)).toBe("NotFoundError"); // B is already held: no second row, no seat counted twice
    expect(await move(waiting.id, c)).toBe("NotFoundError"); // B is held: C would make two
    expect(await snapshot()).toEqual(beforeMoves);
    expect(before[0].map((row) => row.id).sort()).toEqual([waiting.id, seat.id].sort());
  });

  it("a move and a booking of a third session sent together leave exactly one booking", async () => {
    const users = await createUsers(db.prisma, 20, { prefix: "mover-race" });
    const topic = await createTopic(db.prisma, "Перенос: гонка");
    const [a, b, c] = [await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(4), capacity: 50 }), await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(5), capacity: 50 }), await createSession(db.prisma, { topicId: topic.id, place, startsAt: days(6), capacity: 50 })];
    await Promise.all(
      users.map(async (user) => {
        const client = await clientFor(server, user.id);
        const seat = await book(client, a);
        await Promise.all([client.request(MOVE, { bookingId: seat.data.id, toSessionId: globalId("TrainingSession", c.id) }), book(client, b)]);
      }),
    );
    for (const user of users) expect(await activeBookings(user.id, topic.id)).toBe(1);
    const rows = await db.prisma.trainingSession.findMany({ where: { id: { in: [a.id, b.id, c.id] } } });
    const confirmed = await db.prisma.booking.groupBy({ by: ["sessionId"], where: { sessionId: { in: [a.id, b.id, c.id] }, status: "CONFIRMED" }, _count: true });
    for (const row of rows) expect(row.seatsTaken, row.id).toBe(confirmed.find((entry) => entry.sessionId === row.id)?._count ?? 0);
  });
});
