import type pg from "pg";

/**
 * Session cookies (`name=value`) for many users at once, without argon2 sign-ins: real server-side
 * sessions (UserSession rows, as signIn creates them) inserted in bulk, each with its own token.
 * SESSION_SECRET must be set before the call (the cookie is signed here and verified by the server).
 */
export async function mintSessionCookies(pool: pg.Pool, userIds: string[]): Promise<string[]> {
  const { createSessionCookie, SESSION_LIFETIME_SECONDS } = await import("../../../app/lib/session.server");
  const { newSessionToken } = await import("../../../graphql/user-sessions");
  const sessions = userIds.map(() => newSessionToken());
  await pool.query(
    `INSERT INTO "UserSession" ("id", "tokenHash", "userId", "createdAt", "lastSeenAt", "expiresAt", "userAgent")
     SELECT 'bench-' || md5(random()::text || t.hash), t.hash, t."userId", now(), now(), now() + make_interval(secs => $3), 'spros-bench'
     FROM unnest($1::text[], $2::text[]) AS t(hash, "userId")`,
    [sessions.map((session) => session.tokenHash), userIds, SESSION_LIFETIME_SECONDS],
  );
  return Promise.all(sessions.map(async ({ token }) => (await createSessionCookie(token)).split(";")[0]!));
}
