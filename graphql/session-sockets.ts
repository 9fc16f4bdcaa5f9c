import type { ViewerLoader } from "./viewer";

/** What the tracker needs of a WebSocket: to close it with a graphql-ws close code. */
export type ClosableSocket = { close(code?: number, reason?: string): void };

/** graphql-ws's close code for a refused session (the handshake refuses with the same one). */
export const SESSION_ENDED_CLOSE_CODE = 4403;

/**
 * Open WebSocket connections per user, so that a revoked session's connection is closed at once
 * instead of streaming until the client leaves: whenever forget(userId) runs in this process
 * (sign-out, sign out everywhere, revoking a device, a password change — cluster-wide when
 * graphql/services.ts forwards forget over Redis), each of that user's connections re-checks its
 * handshake cookie and is closed if its session is gone. Connections of other sessions stay.
 * A sweep re-checks every connection every `sweepMs` as well: a forget lost with Redis down, a
 * connection accepted while its session was being revoked, or a session that simply expired still
 * ends within the sweep plus the viewer cache's lifetime.
 */
export function trackSessionSockets(viewers: ViewerLoader, options: { sweepMs?: number } = {}) {
  const byUser = new Map<string, Map<ClosableSocket, string | undefined>>();

  const recheck = async (userId: string) => {
    const sockets = byUser.get(userId);
    if (!sockets) return;
    await Promise.all(
      [...sockets].map(async ([socket, cookie]) => {
        const viewer = await viewers.load(cookie).catch(() => undefined);
        if (viewer === undefined) return; // lookup failed (database down): keep it, do not guess
        if (viewer?.id !== userId && sockets.delete(socket)) socket.close(SESSION_ENDED_CLOSE_CODE, "Session ended");
      }),
    );
    if (sockets.size === 0) byUser.delete(userId);
  };

  const unsubscribe = viewers.onForget?.((userId) => void recheck(userId)) ?? (() => {});
  const sweep = setInterval(() => {
    for (const userId of [...byUser.keys()]) void recheck(userId);
  }, options.sweepMs ?? 60_000);
  sweep.unref();

  return {
    /** A connection accepted for this user with this handshake cookie. */
    add(userId: string, socket: ClosableSocket, cookie: string | undefined) {
      let sockets = byUser.get(userId);
      if (!sockets) byUser.set(userId, (sockets = new Map()));
      sockets.set(socket, cookie);
    },
    /** A connection that closed. */
    remove(userId: string, socket: ClosableSocket) {
      const sockets = byUser.get(userId);
      sockets?.delete(socket);
      if (sockets?.size === 0) byUser.delete(userId);
    },
    /** Re-checks a user's connections now (also what forget triggers); resolves when done. */
    recheck,
    dispose() {
      clearInterval(sweep);
      unsubscribe();
    },
  };
}
