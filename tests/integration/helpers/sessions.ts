import { createSessionCookie } from "../../../app/lib/session.server";
import { startUserSession } from "../../../graphql/user-sessions";
import type { PrismaClient } from "../../../prisma/client";

/**
 * A session cookie (`name=value`, as a Cookie header carries it) for a user, without argon2:
 * creates a real server-side session, exactly as signIn does.
 */
export async function sessionCookieFor(prisma: PrismaClient, userId: string): Promise<string> {
  const { token } = await startUserSession(prisma, userId, { userAgent: "spros-tests", ip: null });
  return (await createSessionCookie(token)).split(";")[0]!;
}
