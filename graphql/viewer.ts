import type { PrismaClient } from "../prisma/client";
import { readSessionIdentity, SESSION_COOKIE } from "../app/lib/session.server";
import type { Viewer } from "./context";

/** Resolves the signed cookie to a user; a cookie from before "sign out everywhere" is ignored. */
export async function loadViewer(prisma: PrismaClient, cookieHeader: string | null | undefined): Promise<Viewer | null> {
  const identity = await readSessionIdentity(cookieHeader);
  if (!identity) return null;
  const user = await prisma.user.findUnique({
    where: { id: identity.userId },
    select: { id: true, name: true, role: true, locale: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== identity.sessionVersion) return null;
  return { id: user.id, name: user.name, role: user.role, locale: user.locale };
}

export type ViewerLoader = {
  load(cookieHeader: string | null | undefined): Promise<Viewer | null>;
  /** Drops cached sessions of a user whose name, role, locale or session version changed. */
  forget(userId: string): void;
};

export type ViewerCacheOptions = { ttlMs?: number; maxEntries?: number; now?: () => number };

const sessionCookiePattern = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]*)`);

/**
 * Every request names its viewer, and a busy client sends many requests a second with the same
 * cookie: a signed session that resolved to a user is remembered for a short time, so the hot path
 * (a vote) checks neither the signature nor the user row again. Only successful lookups are kept
 * (forged or stale cookies cannot fill the cache), the cache is bounded, and changes made through
 * this process (forget) apply at once; a change made by another instance applies within the TTL.
 */
export function createViewerLoader(prisma: PrismaClient, options: ViewerCacheOptions = {}): ViewerLoader {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { viewer: Viewer; expiresAt: number }>();

  return {
    async load(cookieHeader) {
      const session = cookieHeader?.match(sessionCookiePattern)?.[1];
      if (!session) return null;
      const cached = entries.get(session);
      if (cached && cached.expiresAt > now()) return cached.viewer;
      entries.delete(session);
      const viewer = await loadViewer(prisma, cookieHeader);
      if (viewer && ttlMs > 0) {
        // Map keeps insertion order, so the first key is the oldest entry.
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(session, { viewer, expiresAt: now() + ttlMs });
      }
      return viewer;
    },
    forget(userId) {
      for (const [session, entry] of entries) if (entry.viewer.id === userId) entries.delete(session);
    },
  };
}
