import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, centreWallClock, dateKey, isoWeekday } from "../../domain/centre-time";
import { startApiServer, type ApiClient, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createUsers } from "./helpers/users";
import { BOOK, CANCEL, clientFor, createPlace, createSession, createTopic, globalId, type SessionPlace } from "./bookings-helpers";
import { subscribe } from "./helpers/subscriptions";

let db: TestDatabase;
let server: ApiServer;
let users: Awaited<ReturnType<typeof createUsers>>;
let clients: ApiClient[];
let place: SessionPlace;
const sockets: Client[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db, { policy: { cancelCutoffHours: 24 } });
  users = await createUsers(db.prisma, 5, { prefix: "booking" });
  clients = await Promise.all(users.map((user) => clientFor(server, user.id)));
  place = await createPlace(db.prisma);
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await server?.close();
  await db?.drop();
});

const sid = (id: string) => globalId("TrainingSession", id);
const book = async (client: ApiClient, sessionId: string) => (await client.request(BOOK, { id: sid(sessionId) })).data.bookSession;
const cancel = async (client: ApiClient, bookingId: string) => (await client.request(CANCEL, { id: bookingId })).data.cancelBooking;
const counters = (id: string) =>
  db.prisma.trainingSession.findUniqueOrThrow({ where: { id }, select: { seatsTaken: true, waitlisted: true, nextQueueNumber: true } });

describe("bookSession / cancelBooking", () => {
  it("is idempotent for an active booking; after a cancel the same row rejoins at the back with a new queue number", async () => {
    const topic = await createTopic(db.prisma);
    const session = await createSession(db.prisma, { topicId: topic.id, place, capacity: 1 });
    const [a, b] = clients;
    const first = await book(a, session.id);
    expect(first.data).toMatchObject({ status: "CONFIRMED", queueNumber: 1, waitlistPosition: null });
    const again = await book(a, session.id);
    expect(again.data).toEqual(first.data);
    expect(await counters(session.id)).toEqual({ seatsTaken: 1, waitlisted: 0, nextQueueNumber: 2 });

    expect((await book(b, session.id)).data).toMatchObject({ status: "WAITLISTED", queueNumber: 2, waitlistPosition: 1 });
    expect((await cancel(a, first.data.id)).data).toEqual({ id: first.data.id, status: "CANCELLED" });
    const rebooked = await book(a, session.id);
    expect(rebooked.data).toMatchObject({ id: first.data.id, status: "WAITLISTED", queueNumber: 3, waitlistPosition: 1 });
    expect(await counters(session.id)).toEqual({ seatsTaken: 1, waitlisted: 1, nextQueueNumber: 4 });
    expect(await db.prisma.booking.count({ where: { sessionId: session.id } })).toBe(2);
  });

  it("cancelling a confirmed seat promotes the first waitlisted booking and tells them, live", async () => {
    const topic = await createTopic(db.prisma, "Тема с листом ожидания");
    const session = await createSession(db.prisma, { topicId: topic.id, place, capacity: 2 });
    const [a, b, c, d] = clients;
    const seat = await book(a, session.id);
    await book(b, session.id);
    const firstWaiting = await book(c, session.id);
    const secondWaiting = await book(d, session.id);
    expect([firstWaiting.data.waitlistPosition, secondWaiting.data.waitlistPosition]).toEqual([1, 2]);

    const live = subscribe(sockets, c, "subscription { notificationAdded { kind session { id } } }");
    await live.ready;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect((await cancel(a, seat.data.id)).__typename).toBe("MutationCancelBookingSuccess");
    const promoted = await db.prisma.booking.findUniqueOrThrow({ where: { sessionId_userId: { sessionId: session.id, userId: users[2].id } } });
    expect(promoted.status).toBe("CONFIRMED");
    const stillWaiting = await d.request(`query($id: ID!) { node(id: $id) { ... on Booking { status waitlistPosition } } }`, { id: secondWaiting.data.id });
    expect(stillWaiting.data.node).toEqual({ status: "WAITLISTED", waitlistPosition: 1 });
    expect(await counters(session.id)).toMatchObject({ seatsTaken: 2, waitlisted: 1 });

    const notes = await db.prisma.notification.findMany({ where: { sessionId: session.id } });
    expect(notes.map((n) => [n.userId, n.kind])).toEqual([[users[2].id, "BOOKING_PROMOTED"]]);
    const [event] = await live.next(1);
    expect(event.data.notificationAdded).toEqual({ kind: "BOOKING_PROMOTED", session: { id: sid(session.id) } });
  });

  it("refuses to cancel after the cut-off and changes nothing", async () => {
    const topic = await createTopic(db.prisma, "Скорое занятие");
    const session = await createSession(db.prisma, { topicId: topic.id, place, startsAt: new Date(Date.now() + 2 * 3_600_000) });
    const [a] = clients;
    const seat = await book(a, session.id);
    expect(seat.data.status).toBe("CONFIRMED");
    const refused = await cancel(a, seat.data.id);
    expect(refused.__typename).toBe("CancellationClosedError");
    expect(new Date(refused.cutoff).getTime()).toBe(session.startsAt.getTime() - 24 * 3_600_000);
    const row = await db.prisma.booking.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(row.status).toBe("CONFIRMED");
    expect(await counters(session.id)).toEqual({ seatsTaken: 1, waitlisted: 0, nextQueueNumber: 2 });
  });

  it("lets only voters of the topic book during the voters-only period", async () => {
    const topic = await createTopic(db.prisma, "Тема для голосовавших");
    const until = new Date(Date.now() + 24 * 3_600_000);
    const session = await createSession(db.prisma, { topicId: topic.id, place, votersOnlyUntil: until });
    const [a, b] = clients;
    await db.prisma.vote.create({ data: { userId: users[1].id, topicId: topic.id } });
    const refused = await book(a, session.id);
    expect(refused).toEqual({ __typename: "VotersOnlyError", until: until.toISOString(), message: expect.any(String) });
    expect((await book(b, session.id)).data.status).toBe("CONFIRMED");
    expect(await counters(session.id)).toEqual({ seatsTaken: 1, waitlisted: 0, nextQueueNumber: 2 });
  });

  it("refuses cancelled, started and unknown sessions", async () => {
    const topic = await createTopic(db.prisma, "Недоступные занятия");
    const cancelled = await createSession(db.prisma, { topicId: topic.id, place });
    await db.prisma.trainingSession.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
    const started = await createSession(db.prisma, { topicId: topic.id, place, startsAt: new Date(Date.now() - 3_600_000) });
    const [a] = clients;
    expect(await book(a, cancelled.id)).toMatchObject({ __typename: "SessionNotBookableError", reason: "CANCELLED" });
    expect(await book(a, started.id)).toMatchObject({ __typename: "SessionNotBookableError", reason: "STARTED" });
    expect((await book(a, "missing-session")).__typename).toBe("NotFoundError");
    expect(await db.prisma.booking.count({ where: { sessionId: { in: [cancelled.id, started.id] } } })).toBe(0);
  });

  it("never cancels or shows someone else's booking", async () => {
    const topic = await createTopic(db.prisma, "Чужая запись");
    const session = await createSession(db.prisma, { topicId: topic.id, place });
    const [a, b] = clients;
    const seat = await book(a, session.id);
    expect((await cancel(b, seat.data.id)).__typename).toBe("NotFoundError");
    expect((await db.prisma.booking.findFirstOrThrow({ where: { sessionId: session.id } })).status).toBe("CONFIRMED");
    const peek = await b.request(`query($id: ID!) { booking(id: $id) { id } node(id: $id) { id } }`, { id: seat.data.id });
    expect(peek.data?.booking ?? null).toBeNull();
    expect(peek.data?.node ?? null).toBeNull();
  });

  it("streams seat changes of a session to another client", async () => {
    const topic = await createTopic(db.prisma, "Живые места");
    const session = await createSession(db.prisma, { topicId: topic.id, place, capacity: 3 });
    const [a, , , , watcher] = clients;
    const live = subscribe(sockets, watcher, "subscription($id: ID!) { sessionSeatsChanged(sessionId: $id) { session seatsTaken seatsLeft waitlisted } }", {
      id: sid(session.id),
    });
    await live.ready;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seat = await book(a, session.id);
    await book(a, session.id); // a no-op publishes nothing
    await cancel(a, seat.data.id);
    const events = await live.next(2);
    expect(events.map((event) => event.data.sessionSeatsChanged)).toEqual([
      { session: sid(session.id), seatsTaken: 1, seatsLeft: 2, waitlisted: 0 },
      { session: sid(session.id), seatsTaken: 0, seatsLeft: 3, waitlisted: 0 },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(live.events).toHaveLength(2);
  });
});

describe("bookableSessions", () => {
  it("puts sessions matching the viewer's votes and availability first, then voted-only, then the rest, each by start", async () => {
    const viewer = users[3];
    const other = await createPlace(db.prisma);
    // The first Tuesday at least a week ahead on the centre's calendar.
    let tuesday = addDays(centreWallClock(new Date()).date, 7);
    while (isoWeekday(tuesday) !== 2) tuesday = addDays(tuesday, 1);
    const [t1, t2, t3] = [await createTopic(db.prisma, "Т1"), await createTopic(db.prisma, "Т2"), await createTopic(db.prisma, "Т3")];
    await db.prisma.userAvailability.create({ data: { userId: viewer.id, weekday: 2, startMinute: 540, endMinute: 780, strength: "PREFERRED" } });
    await db.prisma.userSitePreference.create({ data: { userId: viewer.id, siteId: place.siteId } });
    await db.prisma.vote.create({
      data: { userId: viewer.id, topicId: t1.id, windows: { create: [{ weekday: 2, startMinute: 540, endMinute: 660, strength: "PREFERRED" }] } },
    });
    await db.prisma.vote.create({ data: { userId: viewer.id, topicId: t2.id } });
    const at = (topicId: string, day: Date, startMinute: number, options: { online?: boolean; where?: SessionPlace } = {}) =>
      createSession(db.prisma, { topicId, place: options.where ?? place, date: day, startMinute, online: options.online });

    const rest = await at(t3.id, addDays(tuesday, -1), 600); // earliest, not voted
    const fits = await at(t2.id, tuesday, 600); // Tue 10–12 at a preferred site
    const fitsOnline = await at(t1.id, addDays(tuesday, 7), 540, { online: true }); // inside the vote's narrowing
    const outsideNarrowing = await at(t1.id, tuesday, 660); // in general availability, not in the narrowing
    const wrongSite = await at(t2.id, addDays(tuesday, 7), 600, { where: other });
    const wednesday = await at(t2.id, addDays(tuesday, 1), 600);
    const past = await createSession(db.prisma, { topicId: t2.id, place, startsAt: new Date(Date.now() - 86_400_000) });
    const cancelled = await at(t2.id, tuesday, 540);
    await db.prisma.trainingSession.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });

    const client = await clientFor(server, viewer.id);
    const result = await client.request(`{
      bookableSessions(first: 100) { totalCount edges { node { id matchesMyVote matchesMyTime online date startTime endTime seatsLeft viewerBooking { id } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const nodes = result.data.bookableSessions.edges.map((edge: any) => edge.node);
    const mine = new Map([rest, fits, fitsOnline, outsideNarrowing, wrongSite, wednesday, past, cancelled].map((s) => [sid(s.id), s]));
    const order = nodes.filter((node: any) => mine.has(node.id)).map((node: any) => node.id);
    expect(order).toEqual([fits, fitsOnline, outsideNarrowing, wednesday, wrongSite, rest].map((s) => sid(s.id)));
    const byId = new Map(nodes.map((node: any) => [node.id, node]));
    expect(byId.get(sid(fits.id))).toMatchObject({ matchesMyVote: true, matchesMyTime: true, online: false, startTime: "10:00", endTime: "12:00" });
    expect(byId.get(sid(fitsOnline.id))).toMatchObject({ matchesMyVote: true, matchesMyTime: true, online: true });
    expect(byId.get(sid(wrongSite.id))).toMatchObject({ matchesMyVote: true, matchesMyTime: false });
    expect(byId.get(sid(rest.id))).toMatchObject({ matchesMyVote: false, matchesMyTime: false, date: dateKey(rest.date) });
    // Pages follow the same order.
    const firstPage = await client.request(`{ bookableSessions(first: 2) { pageInfo { endCursor } edges { node { id } } } }`);
    const second = await client.request(`query($after: String) { bookableSessions(first: 2, after: $after) { edges { node { id } } } }`, {
      after: firstPage.data.bookableSessions.pageInfo.endCursor,
    });
    const paged = [...firstPage.data.bookableSessions.edges, ...second.data.bookableSessions.edges].map((edge: any) => edge.node.id);
    expect(paged).toEqual(nodes.slice(0, 4).map((node: any) => node.id));

    // Filters keep the order and count only what they let through.
    const filtered = async (filter: Record<string, unknown>) => {
      const answer = await client.request(`query($filter: BookableSessionsFilter) { bookableSessions(first: 100, filter: $filter) { totalCount edges { node { id } } } }`, { filter });
      expect(answer.errors).toBeUndefined();
      const ids = answer.data.bookableSessions.edges.map((edge: any) => edge.node.id);
      return { ids: ids.filter((id: string) => mine.has(id)), totalCount: answer.data.bookableSessions.totalCount as number, all: ids.length };
    };
    expect((await filtered({ only: "SUITS_ME" })).ids).toEqual([fits, fitsOnline].map((s) => sid(s.id)));
    expect((await filtered({ only: "VOTED" })).ids).toEqual([fits, fitsOnline, outsideNarrowing, wednesday, wrongSite].map((s) => sid(s.id)));
    expect((await filtered({ online: true })).ids).toEqual([fitsOnline].map((s) => sid(s.id)));
    expect((await filtered({ online: false })).ids).not.toContain(sid(fitsOnline.id));
    const atOther = await filtered({ siteId: globalId("Site", other.siteId) });
    expect(atOther).toEqual({ ids: [sid(wrongSite.id)], totalCount: 1, all: 1 });
    expect(await filtered({ siteId: "not-a-site" })).toEqual({ ids: [], totalCount: 0, all: 0 });
  });
});

describe("myBookings", () => {
  it("lists the viewer's active upcoming bookings, and past ones with attendance", async () => {
    const viewer = users[4];
    // One booking per topic: each upcoming session is of its own topic.
    const topic = async (n: number) => (await createTopic(db.prisma, `Мои записи ${n}`)).id;
    const soon = await createSession(db.prisma, { topicId: await topic(1), place, startsAt: addDays(new Date(), 3) });
    const later = await createSession(db.prisma, { topicId: await topic(2), place, startsAt: addDays(new Date(), 5) });
    const dropped = await createSession(db.prisma, { topicId: await topic(3), place, startsAt: addDays(new Date(), 4) });
    const past = await createSession(db.prisma, { topicId: await topic(1), place, startsAt: addDays(new Date(), -3) });
    const client = await clientFor(server, viewer.id);
    await book(client, later.id);
    await book(client, soon.id);
    const droppedSeat = await book(client, dropped.id);
    await cancel(client, droppedSeat.data.id);
    await db.prisma.booking.create({ data: { sessionId: past.id, userId: viewer.id, status: "CONFIRMED", queueNumber: 1, attendance: "ATTENDED" } });

    const query = `query($when: BookingWhen) { myBookings(when: $when) { edges { node { status attendance session { id } } } } }`;
    const upcoming = (await client.request(query, {})).data.myBookings.edges.map((edge: any) => edge.node);
    expect(upcoming.map((node: any) => node.session.id)).toEqual([sid(soon.id), sid(later.id)]);
    const earlier = (await client.request(query, { when: "PAST" })).data.myBookings.edges.map((edge: any) => edge.node);
    expect(earlier).toEqual([{ status: "CONFIRMED", attendance: "ATTENDED", session: { id: sid(past.id) } }]);
  });
});
