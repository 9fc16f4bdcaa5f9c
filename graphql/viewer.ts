import type { PrismaClient } from "../prisma/client";
import { readSessionToken, SESSION_COOKIE } from "../app/lib/session.server";
import type { Viewer } from "./context";
import { findLiveSession } from "./user-sessions";

/** Resolves the signed cookie's session token to its user; revoked or expired sessions resolve to null. */
export async function loadViewer(
  prisma: PrismaClient,
  cookieHeader: string | null | undefined,
  now = new Date(),
): Promise<Viewer | null> {
  const token = await readSessionToken(cookieHeader);
  if (!token) return null;
  const session = await findLiveSession(prisma, token, now);
  if (!session) return null;
  const { id, name, role, locale } = session.user;
  return { id, name, role, locale };
}

export type ViewerLoader = {
  load(cookieHeader: string | null | undefined): Promise<Viewer | null>;
  /** Drops cached sessions of a user whose name, role, locale or sessions changed. */
  forget(userId: string): void;
  /**
   * Calls `listener` whenever forget(userId) runs in this process, e.g. so open WebSocket
   * connections of a user whose session was revoked can be re-checked. Returns an unsubscribe.
   */
  onForget?(listener: (userId: string) => void): () => void;
};

export type ViewerCacheOptions = { ttlMs?: number; maxEntries?: number; now?: () => number };

const sessionCookiePattern = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]*)`);

/**
 * Every request names its viewer, and a busy client sends many requests a second with the same
 * cookie: a session that resolved to a user is remembered for a short time, so the hot path (a
 * vote) checks neither the signature nor the session row again. Only successful lookups are kept
 * (forged, revoked or unknown cookies cannot fill the cache), the cache is bounded, and
 * revocations and profile changes call forget(userId), which applies at once (cluster-wide when
 * graphql/services.ts wraps it); anything changed behind the server's back applies within the TTL.
 */
export function createViewerLoader(prisma: PrismaClient, options: ViewerCacheOptions = {}): ViewerLoader {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { viewer: Viewer; expiresAt: number }>();
  const listeners = new Set<(userId: string) => void>();
  // A lookup that a forget() overtook may have read the session before its revocation: its
  // answer serves that one request but is not cached.
  let forgets = 0;

  return {
    async load(cookieHeader) {
      const session = cookieHeader?.match(sessionCookiePattern)?.[1];
      if (!session) return null;
      const cached = entries.get(session);
      if (cached && cached.expiresAt > now()) return cached.viewer;
      entries.delete(session);
      const forgetsBefore = forgets;
      const viewer = await loadViewer(prisma, cookieHeader, new Date(now()));
      if (viewer && ttlMs > 0 && forgets === forgetsBefore) {
        // Map keeps insertion order, so the first key is the oldest entry.
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(session, { viewer, expiresAt: now() + ttlMs });
      }
      return viewer;
    },
    forget(userId) {
      forgets += 1;
      for (const [session, entry] of entries) if (entry.viewer.id === userId) entries.delete(session);
      for (const listener of listeners) listener(userId);
    },
    onForget(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
