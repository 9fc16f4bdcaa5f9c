import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer, type ApiClient, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createUsers } from "./helpers/users";
import { BOOK, clientFor, createPlace, createSession, createTopic, globalId } from "./bookings-helpers";

let db: TestDatabase;
let server: ApiServer;
let clients: ApiClient[];

const PEOPLE = 500;
const SEATS = 20;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  const users = await createUsers(db.prisma, PEOPLE, { prefix: "booker" });
  clients = await Promise.all(users.map((user) => clientFor(server, user.id)));
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe("500 concurrent bookings of a 20-seat session", () => {
  it("confirms exactly 20 in arrival order, waitlists the rest in order, and keeps the counters equal to the rows", async () => {
    const place = await createPlace(db.prisma);
    const topic = await createTopic(db.prisma);
    const session = await createSession(db.prisma, { topicId: topic.id, place, capacity: SEATS });

    const results = await Promise.all(clients.map((client) => client.request(BOOK, { id: globalId("TrainingSession", session.id) })));
    const bookings = results.map((result) => {
      expect(result.errors).toBeUndefined();
      expect(result.data.bookSession.__typename).toBe("MutationBookSessionSuccess");
      return result.data.bookSession.data as { status: string; queueNumber: number; waitlistPosition: number | null };
    });

    const confirmed = bookings.filter((booking) => booking.status === "CONFIRMED");
    const waitlisted = bookings.filter((booking) => booking.status === "WAITLISTED");
    expect(confirmed).toHaveLength(SEATS);
    expect(waitlisted).toHaveLength(PEOPLE - SEATS);
    // Arrival order = queue number: the first 20 requests hold the seats.
    expect(confirmed.map((b) => b.queueNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: SEATS }, (_, i) => i + 1));
    expect(confirmed.every((b) => b.waitlistPosition === null)).toBe(true);
    // The waitlist is 1..480 in queue-number order.
    const queue = [...waitlisted].sort((a, b) => a.queueNumber - b.queueNumber);
    expect(queue.map((b) => b.waitlistPosition)).toEqual(Array.from({ length: PEOPLE - SEATS }, (_, i) => i + 1));
    expect(queue.map((b) => b.queueNumber)).toEqual(Array.from({ length: PEOPLE - SEATS }, (_, i) => SEATS + i + 1));

    const row = await db.prisma.trainingSession.findUniqueOrThrow({ where: { id: session.id } });
    const counts = await db.prisma.booking.groupBy({ by: ["status"], where: { sessionId: session.id }, _count: true });
    const count = (status: string) => counts.find((c) => c.status === status)?._count ?? 0;
    expect(row.seatsTaken).toBe(SEATS);
    expect(count("CONFIRMED")).toBe(SEATS);
    expect(row.waitlisted).toBe(PEOPLE - SEATS);
    expect(count("WAITLISTED")).toBe(PEOPLE - SEATS);
    expect(row.nextQueueNumber).toBe(PEOPLE + 1);
  });
});
