import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_ENDED_CLOSE_CODE, trackSessionSockets } from "../../graphql/session-sockets";
import { revokeSessionByToken, revokeUserSessions } from "../../graphql/user-sessions";
import { createViewerLoader } from "../../graphql/viewer";
import { readSessionToken } from "../../app/lib/session.server";
import { useTestDatabase } from "./helpers/database";
import { sessionCookieFor } from "./helpers/sessions";
import { createUsers } from "./helpers/users";

const db = useTestDatabase();
let anna: { id: string };
let boris: { id: string };

/** Stands in for a ws socket: remembers how it was closed, and how often. */
function fakeSocket() {
  let closedNow: () => void;
  const socket = {
    closed: null as null | { code?: number; reason?: string },
    closeCalls: 0,
    whenClosed: new Promise<void>((resolve) => (closedNow = resolve)),
    close(code?: number, reason?: string) {
      socket.closeCalls++;
      socket.closed = { code, reason };
      closedNow();
    },
  };
  return socket;
}

beforeAll(async () => {
  [anna, boris] = await createUsers(db.prisma, 2, { prefix: "sockets" });
});

describe("WebSocket connections of revoked sessions", () => {
  it("closes exactly the connections whose session ended when forget(userId) runs", async () => {
    const viewers = createViewerLoader(db.prisma);
    const sockets = trackSessionSockets(viewers);
    const [annaLaptop, annaPhone, borisLaptop] = await Promise.all([
      sessionCookieFor(db.prisma, anna.id),
      sessionCookieFor(db.prisma, anna.id),
      sessionCookieFor(db.prisma, boris.id),
    ]);
    const connections = { annaLaptop: fakeSocket(), annaPhone: fakeSocket(), borisLaptop: fakeSocket() };
    for (const cookie of [annaLaptop, annaPhone, borisLaptop]) expect(await viewers.load(cookie)).not.toBeNull();
    sockets.add(anna.id, connections.annaLaptop, annaLaptop);
    sockets.add(anna.id, connections.annaPhone, annaPhone);
    sockets.add(boris.id, connections.borisLaptop, borisLaptop);

    await revokeSessionByToken(db.prisma, (await readSessionToken(annaPhone))!);
    viewers.forget(anna.id); // starts the re-check on its own
    await connections.annaPhone.whenClosed;
    await sockets.recheck(anna.id); // a second look changes nothing and lets the laptop's check finish
    expect(connections.annaPhone.closed).toEqual({ code: SESSION_ENDED_CLOSE_CODE, reason: "Session ended" });
    expect(connections.annaPhone.closeCalls).toBe(1);
    expect(connections.annaLaptop.closed).toBeNull();
    expect(connections.borisLaptop.closed).toBeNull();

    await revokeUserSessions(db.prisma, anna.id);
    viewers.forget(anna.id);
    await connections.annaLaptop.whenClosed;
    expect(connections.annaLaptop.closed?.code).toBe(SESSION_ENDED_CLOSE_CODE);
    expect(connections.borisLaptop.closed).toBeNull();
    sockets.dispose();
  });

  it("forgets closed connections", async () => {
    const viewers = createViewerLoader(db.prisma);
    const sockets = trackSessionSockets(viewers);
    const cookie = await sessionCookieFor(db.prisma, boris.id);
    const socket = fakeSocket();
    sockets.add(boris.id, socket, cookie);
    sockets.remove(boris.id, socket);
    await revokeUserSessions(db.prisma, boris.id);
    viewers.forget(boris.id);
    await sockets.recheck(boris.id);
    expect(socket.closed).toBeNull();
    sockets.dispose();
  });

  it("closes a revoked session's connection on the sweep even when no forget arrives (lost with Redis down, or expiry)", async () => {
    const viewers = createViewerLoader(db.prisma, { ttlMs: 0 });
    const sockets = trackSessionSockets(viewers, { sweepMs: 50 });
    const cookie = await sessionCookieFor(db.prisma, anna.id);
    const socket = fakeSocket();
    sockets.add(anna.id, socket, cookie);
    await revokeSessionByToken(db.prisma, (await readSessionToken(cookie))!); // no forget(): nobody tells this instance
    await socket.whenClosed;
    expect(socket.closed?.code).toBe(SESSION_ENDED_CLOSE_CODE);
    sockets.dispose();
  });
});
