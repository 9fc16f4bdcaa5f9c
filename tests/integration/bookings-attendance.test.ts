import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../domain/centre-time";
import { startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createUsers } from "./helpers/users";
import { clientFor, createPlace, createSession, createTopic, globalId } from "./bookings-helpers";

let db: TestDatabase;
let server: ApiServer;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const MARK = /* GraphQL */ `
  mutation Mark($id: ID!, $attendance: Attendance!) {
    markAttendance(bookingId: $id, attendance: $attendance) {
      __typename
      ... on MutationMarkAttendanceSuccess { data { attendance } }
      ... on AttendanceNotOpenError { reason }
      ... on Error { message }
    }
  }
`;

describe("markAttendance", () => {
  it("is for the session's trainer or a manager, after the start, on confirmed bookings; figures follow", async () => {
    const [staff, staff2, staff3] = await createUsers(db.prisma, 3, { prefix: "attendee" });
    const [ownTrainer, otherTrainer] = await createUsers(db.prisma, 2, { prefix: "coach", role: "TRAINER" });
    const [manager] = await createUsers(db.prisma, 1, { prefix: "boss", role: "MANAGER" });
    const place = await createPlace(db.prisma, { trainerUserId: ownTrainer.id });
    await createPlace(db.prisma, { trainerUserId: otherTrainer.id });
    const topic = await createTopic(db.prisma, "Тема с явкой");
    const unmarkedTopic = await createTopic(db.prisma, "Тема без отметок");
    const held = await createSession(db.prisma, { topicId: topic.id, place, startsAt: addDays(new Date(), -1) });
    const coming = await createSession(db.prisma, { topicId: topic.id, place, startsAt: addDays(new Date(), 2) });
    const booking = (sessionId: string, userId: string, queueNumber: number, status: "CONFIRMED" | "WAITLISTED" = "CONFIRMED") =>
      db.prisma.booking.create({ data: { sessionId, userId, status, queueNumber } });
    const came = await booking(held.id, staff.id, 1);
    const missed = await booking(held.id, staff2.id, 2);
    await booking(held.id, staff3.id, 3);
    const waiting = await booking(held.id, manager.id, 4, "WAITLISTED");
    const early = await booking(coming.id, staff.id, 1);

    const as = async (userId: string, bookingId: string, attendance = "ATTENDED") =>
      (await (await clientFor(server, userId)).request(MARK, { id: globalId("Booking", bookingId), attendance })).data.markAttendance;

    expect((await as(staff.id, came.id)).__typename).toBe("ForbiddenError"); // even one's own booking
    expect((await as(otherTrainer.id, came.id)).__typename).toBe("ForbiddenError");
    expect(await db.prisma.booking.count({ where: { attendance: { not: null } } })).toBe(0);

    expect(await as(ownTrainer.id, came.id)).toEqual({ __typename: "MutationMarkAttendanceSuccess", data: { attendance: "ATTENDED" } });
    expect(await as(manager.id, missed.id, "NO_SHOW")).toEqual({ __typename: "MutationMarkAttendanceSuccess", data: { attendance: "NO_SHOW" } });
    expect(await as(ownTrainer.id, early.id)).toMatchObject({ __typename: "AttendanceNotOpenError", reason: "NOT_STARTED" });
    expect(await as(manager.id, waiting.id)).toMatchObject({ __typename: "AttendanceNotOpenError", reason: "NOT_CONFIRMED" });
    expect((await as(manager.id, "nope")).__typename).toBe("NotFoundError");

    const client = await clientFor(server, manager.id);
    const figures = await client.request(
      `query($s: ID!, $t: ID!, $u: ID!) {
        trainingSession(id: $s) { attendance { attended noShow unmarked } }
        a: node(id: $t) { ... on Topic { noShowRate } }
        b: node(id: $u) { ... on Topic { noShowRate } }
      }`,
      { s: globalId("TrainingSession", held.id), t: globalId("Topic", topic.id), u: globalId("Topic", unmarkedTopic.id) },
    );
    expect(figures.errors).toBeUndefined();
    expect(figures.data).toEqual({
      trainingSession: { attendance: { attended: 1, noShow: 1, unmarked: 1 } },
      a: { noShowRate: 0.5 },
      b: { noShowRate: null },
    });

    // The list to mark from: the session's own trainer and managers see it; another trainer (who can
    // open the session's page) gets an empty list and is told they do not mark this one.
    const LIST = `query($s: ID!) { trainingSession(id: $s) { viewerMarksAttendance bookings { user { id } } } }`;
    const list = async (userId: string) =>
      (await clientFor(server, userId)).request(LIST, { s: globalId("TrainingSession", held.id) });
    for (const userId of [ownTrainer.id, manager.id]) {
      const own = await list(userId);
      expect(own.data.trainingSession.viewerMarksAttendance).toBe(true);
      expect(own.data.trainingSession.bookings).toHaveLength(4);
    }
    const other = await list(otherTrainer.id);
    expect(other.errors).toBeUndefined();
    expect(other.data.trainingSession).toEqual({ viewerMarksAttendance: false, bookings: [] });
    const peek = await (await clientFor(server, otherTrainer.id)).request(`query($b: ID!) { node(id: $b) { id } }`, { b: globalId("Booking", came.id) });
    expect(peek.data?.node ?? null).toBeNull();
  });
});
