import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, centreWallClock, clockTime, dateKey } from "../../domain/centre-time";
import { buildPlanningInstance } from "../../domain/planning/instance-builder";
import { startApiServer, type ApiClient, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { subscribe } from "./helpers/subscriptions";
import { createUsers } from "./helpers/users";
import { BOOK, CANCEL, clientFor, createPlace, createSession, createTopic, globalId, type SessionPlace } from "./bookings-helpers";

let db: TestDatabase;
let server: ApiServer;
let staff: Awaited<ReturnType<typeof createUsers>>;
let staffClients: ApiClient[];
let manager: ApiClient;
let managerId: string;
let managerName: string;
let trainer: ApiClient;
let place: SessionPlace;
const sockets: Client[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db, { policy: { cancelCutoffHours: 24 } });
  staff = await createUsers(db.prisma, 5, { prefix: "cancel-staff" });
  staffClients = await Promise.all(staff.map((user) => clientFor(server, user.id)));
  const [managerUser] = await createUsers(db.prisma, 1, { prefix: "cancel-manager", role: "MANAGER" });
  const [trainerUser] = await createUsers(db.prisma, 1, { prefix: "cancel-trainer", role: "TRAINER" });
  managerId = managerUser.id;
  managerName = managerUser.name;
  manager = await clientFor(server, managerUser.id);
  trainer = await clientFor(server, trainerUser.id);
  place = await createPlace(db.prisma, { trainerUserId: trainerUser.id });
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await server?.close();
  await db?.drop();
});

const CANCEL_SESSION = /* GraphQL */ `
  mutation CancelSession($id: ID!, $reason: String!) {
    cancelTrainingSession(id: $id, reason: $reason) {
      __typename
      ... on MutationCancelTrainingSessionSuccess { data { id status seatsTaken waitlisted seatsLeft } }
      ... on SessionNotCancellableError { reason }
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { message }
    }
  }
`;

const sid = (id: string) => globalId("TrainingSession", id);
const book = async (client: ApiClient, sessionId: string) => (await client.request(BOOK, { id: sid(sessionId) })).data.bookSession;
const cancelSession = (client: ApiClient, sessionId: string, reason: string) => client.request(CANCEL_SESSION, { id: sid(sessionId), reason });
const snapshot = async (sessionId: string) => ({
  session: await db.prisma.trainingSession.findUniqueOrThrow({ where: { id: sessionId }, select: { status: true, seatsTaken: true, waitlisted: true } }),
  bookings: await db.prisma.booking.findMany({ where: { sessionId }, select: { userId: true, status: true, cancelledAt: true }, orderBy: { queueNumber: "asc" } }),
  notifications: await db.prisma.notification.count({ where: { sessionId } }),
});

describe("cancelTrainingSession", () => {
  it("cancels every booking, zeroes the counters and tells the booked and the waitlisted, live, with the reason", async () => {
    const topic = await createTopic(db.prisma, "Отменяемое занятие");
    const startsAt = addDays(new Date(), 9);
    const session = await createSession(db.prisma, { topicId: topic.id, place, capacity: 2, startsAt });
    const [a, b, c, d] = staffClients;
    const early = await book(a, session.id);
    await book(b, session.id);
    await book(c, session.id); // waitlisted
    const gone = await book(d, session.id); // waitlisted, then cancels herself: not told again
    expect((await d.request(CANCEL, { id: gone.data.id })).data.cancelBooking.__typename).toBe("MutationCancelBookingSuccess");
    expect(await db.prisma.trainingSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ seatsTaken: 2, waitlisted: 1 });

    const horizon = { horizonStart: dateKey(centreWallClock(new Date()).date), horizonDays: 14, topicIds: [topic.id] };
    const before = await buildPlanningInstance(db.prisma, horizon);
    expect(before.reserved?.some((r) => r.trainerId === place.trainerId)).toBe(true);

    const told = subscribe(sockets, c, "subscription { notificationAdded { kind reason session { id status } } }");
    const seats = subscribe(sockets, a, "subscription($id: ID!) { sessionSeatsChanged(sessionId: $id) { session seatsTaken waitlisted seatsLeft } }", {
      id: sid(session.id),
    });
    await Promise.all([told.ready, seats.ready]);

    const result = await cancelSession(manager, session.id, "  Тренер заболел  ");
    expect(result.data.cancelTrainingSession).toEqual({
      __typename: "MutationCancelTrainingSessionSuccess",
      data: { id: sid(session.id), status: "CANCELLED", seatsTaken: 0, waitlisted: 0, seatsLeft: 2 },
    });

    const after = await snapshot(session.id);
    expect(after.session).toEqual({ status: "CANCELLED", seatsTaken: 0, waitlisted: 0 });
    expect(after.bookings.map((row) => row.status)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(after.bookings.every((row) => row.cancelledAt !== null)).toBe(true);
    // The session keeps who cancelled it, when and why; the topic has nothing left to book, so it is PLANNED again.
    const stored = await db.prisma.trainingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored).toMatchObject({ cancelReason: "Тренер заболел", cancelledById: managerId });
    expect(stored.cancelledAt).toBeInstanceOf(Date);
    const shown = await c.request(`query($id: ID!) { trainingSession(id: $id) { cancelReason cancelledBy { name } } }`, { id: sid(session.id) });
    expect(shown.data.trainingSession).toEqual({ cancelReason: "Тренер заболел", cancelledBy: { name: managerName } });
    expect((await db.prisma.topic.findUniqueOrThrow({ where: { id: topic.id } })).status).toBe("PLANNED");
    const logged = await db.prisma.moderationAction.findMany({ where: { topicId: topic.id } });
    expect(logged.map((action) => [action.kind, action.details])).toEqual([["STATUS_CHANGE", { fromStatus: "SCHEDULED", toStatus: "PLANNED" }]]);

    const notes = await db.prisma.notification.findMany({ where: { sessionId: session.id }, orderBy: { userId: "asc" } });
    expect(notes.map((n) => n.userId).sort()).toEqual([staff[0].id, staff[1].id, staff[2].id].sort());
    const { date, minute } = centreWallClock(session.startsAt);
    for (const note of notes) {
      expect(note.kind).toBe("SESSION_CANCELLED");
      expect(note.topicId).toBe(topic.id);
      expect(note.payload).toEqual({
        reason: "Тренер заболел",
        date: dateKey(date),
        start: clockTime(minute),
        end: clockTime(minute + 120),
        startsAt: session.startsAt.toISOString(),
        actorId: managerId,
      });
    }
    const [event] = await told.next(1);
    expect(event.data.notificationAdded).toEqual({ kind: "SESSION_CANCELLED", reason: "Тренер заболел", session: { id: sid(session.id), status: "CANCELLED" } });
    const [seatEvent] = await seats.next(1);
    expect(seatEvent.data.sessionSeatsChanged).toEqual({ session: sid(session.id), seatsTaken: 0, waitlisted: 0, seatsLeft: 2 });

    // Gone from the bookable list and from the owners' bookings, not bookable, not reserved for re-planning.
    const listed = await a.request(`{ bookableSessions(first: 100) { totalCount edges { node { id } } } myBookings { edges { node { id } } } }`);
    expect(listed.data.bookableSessions.edges.map((e: any) => e.node.id)).not.toContain(sid(session.id));
    expect(listed.data.myBookings.edges.map((e: any) => e.node.id)).not.toContain(early.data.id);
    expect(await book(staffClients[4], session.id)).toMatchObject({ __typename: "SessionNotBookableError", reason: "CANCELLED" });
    const replanned = await buildPlanningInstance(db.prisma, horizon);
    expect(replanned.reserved?.some((r) => r.trainerId === place.trainerId) ?? false).toBe(false);
  });

  it("refuses a second cancellation and changes nothing", async () => {
    const topic = await createTopic(db.prisma, "Дважды отменяемое");
    const session = await createSession(db.prisma, { topicId: topic.id, place });
    await book(staffClients[0], session.id);
    expect((await cancelSession(manager, session.id, "Нет помещения")).data.cancelTrainingSession.__typename).toBe("MutationCancelTrainingSessionSuccess");
    const once = await snapshot(session.id);
    const again = await cancelSession(manager, session.id, "Ещё раз");
    expect(again.data.cancelTrainingSession).toMatchObject({ __typename: "SessionNotCancellableError", reason: "ALREADY_CANCELLED" });
    expect(await snapshot(session.id)).toEqual(once);
    expect(once.notifications).toBe(1);
  });

  it("refuses a session that has started", async () => {
    const topic = await createTopic(db.prisma, "Уже идёт");
    const session = await createSession(db.prisma, { topicId: topic.id, place, startsAt: new Date(Date.now() - 30 * 60_000) });
    const result = await cancelSession(manager, session.id, "Поздно отменять");
    expect(result.data.cancelTrainingSession).toMatchObject({ __typename: "SessionNotCancellableError", reason: "STARTED" });
    expect((await snapshot(session.id)).session.status).toBe("SCHEDULED");
  });

  it("is for managers only: staff and the session's own trainer are refused", async () => {
    const topic = await createTopic(db.prisma, "Не вам отменять");
    const session = await createSession(db.prisma, { topicId: topic.id, place });
    await book(staffClients[1], session.id);
    const before = await snapshot(session.id);
    for (const client of [staffClients[1], trainer]) {
      const result = await cancelSession(client, session.id, "Хочу отменить");
      expect(result.data?.cancelTrainingSession ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect(await snapshot(session.id)).toEqual(before);
  });

  it("validates the reason (trimmed, 3–500 characters) and the id", async () => {
    const topic = await createTopic(db.prisma, "Проверка причины");
    const session = await createSession(db.prisma, { topicId: topic.id, place });
    await book(staffClients[2], session.id);
    const before = await snapshot(session.id);
    for (const reason of ["  ab  ", "", "x".repeat(501)]) {
      const result = await cancelSession(manager, session.id, reason);
      expect(result.data.cancelTrainingSession.__typename).toBe("ValidationError");
      expect(result.data.cancelTrainingSession.fieldErrors[0].path).toEqual(["reason"]);
    }
    expect(await snapshot(session.id)).toEqual(before);
    const missing = await manager.request(CANCEL_SESSION, { id: sid("no-such-session"), reason: "Причина есть" });
    expect(missing.data.cancelTrainingSession.__typename).toBe("NotFoundError");
    const ok = await cancelSession(manager, session.id, "x".repeat(500));
    expect(ok.data.cancelTrainingSession.__typename).toBe("MutationCancelTrainingSessionSuccess");
  });
});
