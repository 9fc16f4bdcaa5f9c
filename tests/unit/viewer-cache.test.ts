import { describe, expect, it } from "vitest";
import { createSessionCookie } from "../../app/lib/session.server";
import { SESSION_TOUCH_INTERVAL_MS, hashSessionToken } from "../../graphql/user-sessions";
import { createViewerLoader } from "../../graphql/viewer";
import type { PrismaClient } from "../../prisma/client";

type UserRow = { id: string; name: string; role: "STAFF"; locale: string };
type SessionRow = { id: string; tokenHash: string; user: UserRow; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };

/**
 * Just enough of Prisma for loadViewer: a session table that counts its reads and touches. The
 * lookup stands in for findLiveSession's one statement (parameters: token hash, now); the real
 * statement is exercised in tests/integration/sessions-auth.test.ts.
 */
function fakeSessions() {
  const table = new Map<string, SessionRow>();
  const counts = { reads: 0, touches: 0 };
  /** While set, a lookup has read its row but waits before answering (a slow database). */
  let held: Promise<void> | null = null;
  const prisma = {
    $queryRaw: async (_sql: TemplateStringsArray, tokenHash: string, now: Date) => {
      counts.reads++;
      const row = table.get(tokenHash);
      const answer = row && !row.revokedAt && row.expiresAt > now ? [{ id: row.id, lastSeenAt: row.lastSeenAt, user: { ...row.user } }] : [];
      await held;
      return answer;
    },
    userSession: {
      updateMany: async ({ where, data }: { where: { id: string; lastSeenAt: { lt: Date } }; data: { lastSeenAt: Date } }) => {
        const row = [...table.values()].find((session) => session.id === where.id && session.lastSeenAt < where.lastSeenAt.lt);
        if (row) {
          counts.touches++;
          row.lastSeenAt = data.lastSeenAt;
        }
        return { count: row ? 1 : 0 };
      },
    },
  } as unknown as PrismaClient;

  let next = 0;
  /** A live session for the user and the Cookie header a browser would send with it. */
  async function signIn(user: UserRow, { extra = "spros_locale=ru", now = 0 } = {}) {
    const token = `token-${user.id}-${next++}`;
    const row: SessionRow = {
      id: `s${next}`,
      tokenHash: hashSessionToken(token),
      user,
      lastSeenAt: new Date(now),
      expiresAt: new Date(8.64e15),
      revokedAt: null,
    };
    table.set(row.tokenHash, row);
    const setCookie = await createSessionCookie(token);
    return { row, cookie: `${extra}; ${setCookie.split(";")[0]}` };
  }
  /** Holds every lookup after its read until the returned function is called. */
  function holdLookups(): () => void {
    let release!: () => void;
    held = new Promise<void>((resolve) => (release = resolve));
    return () => {
      held = null;
      release();
    };
  }
  return { prisma, table, counts, signIn, holdLookups };
}

const anna: UserRow = { id: "u-anna", name: "Анна", role: "STAFF", locale: "ru" };
const boris: UserRow = { id: "u-boris", name: "Борис", role: "STAFF", locale: "ru" };

describe("viewer cache", () => {
  it("reads the session once within the TTL, and again after it", async () => {
    const sessions = fakeSessions();
    let now = 1_000;
    const viewers = createViewerLoader(sessions.prisma, { ttlMs: 5_000, now: () => now });
    const { cookie } = await sessions.signIn(anna, { now });
    expect(await viewers.load(cookie)).toEqual({ id: "u-anna", name: "Анна", role: "STAFF", locale: "ru" });
    expect(await viewers.load(cookie)).toMatchObject({ id: "u-anna" });
    expect(sessions.counts.reads).toBe(1);
    now += 5_001;
    await viewers.load(cookie);
    expect(sessions.counts.reads).toBe(2);
  });

  it("sees a revocation once the entry expires, and at once after forget()", async () => {
    const sessions = fakeSessions();
    let now = 0;
    const viewers = createViewerLoader(sessions.prisma, { ttlMs: 5_000, now: () => now });
    const first = await sessions.signIn(anna);
    await viewers.load(first.cookie);
    first.row.revokedAt = new Date(now);
    expect(await viewers.load(first.cookie)).not.toBeNull(); // cached: revoked behind its back
    now += 6_000;
    expect(await viewers.load(first.cookie)).toBeNull();

    const second = await sessions.signIn(anna, { now });
    expect(await viewers.load(second.cookie)).toMatchObject({ locale: "ru" });
    second.row.user = { ...anna, locale: "en" };
    const forgotten: string[] = [];
    viewers.onForget?.((userId) => forgotten.push(userId));
    viewers.forget("u-anna");
    expect(await viewers.load(second.cookie)).toMatchObject({ locale: "en" });
    second.row.revokedAt = new Date(now);
    viewers.forget("u-anna");
    expect(await viewers.load(second.cookie)).toBeNull();
    expect(forgotten).toEqual(["u-anna", "u-anna"]);
  });

  it("refuses expired sessions", async () => {
    const sessions = fakeSessions();
    let now = 0;
    const viewers = createViewerLoader(sessions.prisma, { ttlMs: 0, now: () => now });
    const { row, cookie } = await sessions.signIn(anna);
    row.expiresAt = new Date(10_000);
    expect(await viewers.load(cookie)).not.toBeNull();
    now = 10_000;
    expect(await viewers.load(cookie)).toBeNull();
  });

  it("records activity at most once per touch interval", async () => {
    const sessions = fakeSessions();
    let now = 0;
    const viewers = createViewerLoader(sessions.prisma, { ttlMs: 0, now: () => now });
    const { row, cookie } = await sessions.signIn(anna);
    await viewers.load(cookie);
    now = SESSION_TOUCH_INTERVAL_MS;
    await viewers.load(cookie);
    expect(sessions.counts.touches).toBe(0);
    now = SESSION_TOUCH_INTERVAL_MS + 1;
    await viewers.load(cookie);
    await viewers.load(cookie);
    expect(sessions.counts.touches).toBe(1);
    expect(row.lastSeenAt.getTime()).toBe(SESSION_TOUCH_INTERVAL_MS + 1);
  });

  it("does not cache refusals, so a forged or unknown cookie costs a lookup every time", async () => {
    const sessions = fakeSessions();
    const viewers = createViewerLoader(sessions.prisma, { ttlMs: 60_000 });
    const { row, cookie } = await sessions.signIn(boris);
    sessions.table.delete(row.tokenHash);
    expect(await viewers.load(cookie)).toBeNull();
    expect(await viewers.load(cookie)).toBeNull();
    expect(sessions.counts.reads).toBe(2);
    expect(await viewers.load("spros_session=forged.value")).toBeNull();
    expect(await viewers.load("other=1")).toBeNull();
    expect(await viewers.load(undefined)).toBeNull();
    expect(sessions.counts.reads).toBe(2);
  });

  it("keeps at most maxEntries sessions, dropping the oldest", async () => {
    const sessions = fakeSessions();
    const viewers = createViewerLoader(sessions.prisma, { ttlMs: 60_000, maxEntries: 1 });
    const annaSession = await sessions.signIn(anna);
    await viewers.load(annaSession.cookie);
    await viewers.load((await sessions.signIn(boris)).cookie);
    await viewers.load(annaSession.cookie);
    expect(sessions.counts.reads).toBe(3);
  });

  it("never serves one user's session to another's cookie", async () => {
    const sessions = fakeSessions();
    const viewers = createViewerLoader(sessions.prisma, { ttlMs: 60_000 });
    await viewers.load((await sessions.signIn(anna, { extra: "spros_locale=en" })).cookie);
    expect(await viewers.load((await sessions.signIn(boris, { extra: "spros_locale=en" })).cookie)).toMatchObject({ id: "u-boris" });
  });

  it("does not cache a lookup that read the session before a revocation it overlapped", async () => {
    const sessions = fakeSessions();
    const viewers = createViewerLoader(sessions.prisma, { ttlMs: 60_000 });
    const { cookie, row } = await sessions.signIn(anna);
    const release = sessions.holdLookups();
    const inFlight = viewers.load(cookie);
    await expect.poll(() => sessions.counts.reads).toBe(1); // it has read the still-live session
    row.revokedAt = new Date();
    viewers.forget(anna.id);
    release();
    expect(await inFlight).toMatchObject({ id: "u-anna" }); // that request began before the revocation
    expect(await viewers.load(cookie)).toBeNull();
    expect(sessions.counts.reads).toBe(2);
  });
});
