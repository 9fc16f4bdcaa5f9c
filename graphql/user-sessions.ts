import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { readSessionToken, SESSION_LIFETIME_SECONDS } from "../app/lib/session.server";
import type { PrismaClient } from "../prisma/client";
import type { Viewer } from "./context";
import type { RequestClient } from "./request-client";

/** lastSeenAt is written at most this often per session (one conditional UPDATE on a cache miss). */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60_000;

/** Where a session was opened from, as shown in the profile's list of devices. */
/** The device a session was started from (its user agent and address). */
export type SessionClient = RequestClient;

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh session token (256 random bits) and the hash a UserSession row stores for it. */
export function newSessionToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSessionToken(token) };
}

/** A new session's token and the UserSession row that stands for it (only the token's hash is stored). */
export function newSessionRow(userId: string, client: SessionClient, now = new Date()) {
  const { token, tokenHash } = newSessionToken();
  return {
    token,
    data: {
      tokenHash,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000),
      userAgent: client.userAgent?.slice(0, 400) || null,
      ip: client.ip?.slice(0, 64) || null,
    },
  };
}

/** Creates a session and returns its token. */
export async function startUserSession(prisma: PrismaClient, userId: string, client: SessionClient, now = new Date()) {
  const { token, data } = newSessionRow(userId, client, now);
  const session = await prisma.userSession.create({ data, select: { id: true } });
  return { token, sessionId: session.id };
}

/** The session a token names with its user, if it is neither revoked nor expired. */
/** The live (not revoked, not expired) session a token names, with its user, in one statement. */
export async function findLiveSession(prisma: PrismaClient, token: string, now = new Date()) {
  const [session] = await prisma.$queryRaw<Array<{ id: string; lastSeenAt: Date; user: Pick<Viewer, "id" | "name" | "role" | "locale"> }>>`
    SELECT s."id", s."lastSeenAt",
           json_build_object('id', u."id", 'name', u."name", 'role', u."role", 'locale', u."locale") AS "user"
      FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."tokenHash" = ${hashSessionToken(token)} AND s."revokedAt" IS NULL AND s."expiresAt" > ${now}`;
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    // Conditional, so concurrent requests of one session write once.
    await prisma.userSession.updateMany({
      where: { id: session.id, lastSeenAt: { lt: new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS) } },
      data: { lastSeenAt: now },
    });
  }
  return session;
}

/** Revokes the session a token names (any user's: sign-in rotation does not care whose it was). */
export async function revokeSessionByToken(prisma: PrismaClient, token: string) {
  const revoked = await prisma.userSession.updateManyAndReturn({
    where: { tokenHash: hashSessionToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
    select: { userId: true },
  });
  return revoked[0]?.userId ?? null;
}

/** Revokes every live session of a user, optionally but one; returns how many ended. */
export async function revokeUserSessions(prisma: PrismaClient, userId: string, options: { exceptId?: string } = {}) {
  const { count } = await prisma.userSession.updateMany({
    where: {
      userId,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      ...(options.exceptId ? { id: { not: options.exceptId } } : {}),
    },
    data: { revokedAt: new Date() },
  });
  return count;
}

/** Drops sessions that ended a week ago or more (revoked ones end by expiry too). */
export async function pruneEndedSessions(prisma: PrismaClient) {
  await prisma.userSession.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 7 * 24 * 3600_000) } } });
}

type RequestCarrier = { request?: Request; req?: IncomingMessage };

/** The cookie header of the request behind a GraphQL context (HTTP, in-process or WebSocket). */
export function requestCookieHeader(context: object): string | null {
  const { request, req } = context as RequestCarrier;
  return request?.headers.get("cookie") ?? req?.headers.cookie ?? null;
}

const tokenHashes = new WeakMap<object, Promise<string | null>>();

/** The hash of the session token the request came with (once per request), or null. */
export function currentTokenHash(context: object): Promise<string | null> {
  let hash = tokenHashes.get(context);
  if (!hash) {
    hash = readSessionToken(requestCookieHeader(context)).then((token) => (token ? hashSessionToken(token) : null));
    tokenHashes.set(context, hash);
  }
  return hash;
}
