import { createCookieSessionStorage } from "@remix-run/node";

/**
 * One signed cookie session shared by Remix pages, GraphQL over HTTP and the graphql-ws handshake.
 * The cookie carries only the user id and the user's session version; bumping the version in the
 * database signs the user out everywhere.
 */
export const SESSION_COOKIE = "spros_session";

const secrets = (process.env.SESSION_SECRET ?? "").split(",").filter(Boolean);
if (secrets.length === 0) {
  if (process.env.NODE_ENV === "production" && !process.env.SPROS_ALLOW_DEV_SECRET) {
    throw new Error("SESSION_SECRET must be set in production");
  }
  secrets.push("spros-development-secret-do-not-use-in-production");
}

export const sessionStorage = createCookieSessionStorage({
  cookie: {
    name: SESSION_COOKIE,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: process.env.COOKIE_SECURE === "true",
    secrets,
    maxAge: 60 * 60 * 24 * 30,
  },
});

export type SessionIdentity = { userId: string; sessionVersion: number };

export async function readSessionIdentity(cookieHeader: string | null | undefined): Promise<SessionIdentity | null> {
  if (!cookieHeader) return null;
  const session = await sessionStorage.getSession(cookieHeader);
  const userId = session.get("userId");
  const sessionVersion = session.get("sessionVersion");
  if (typeof userId !== "string" || typeof sessionVersion !== "number") return null;
  return { userId, sessionVersion };
}

export async function createSessionCookie(identity: SessionIdentity): Promise<string> {
  const session = await sessionStorage.getSession();
  session.set("userId", identity.userId);
  session.set("sessionVersion", identity.sessionVersion);
  return sessionStorage.commitSession(session);
}

export async function destroySessionCookie(cookieHeader: string | null | undefined): Promise<string> {
  const session = await sessionStorage.getSession(cookieHeader);
  return sessionStorage.destroySession(session);
}
