import { createCookieSessionStorage } from "@remix-run/node";

/**
 * The signed session cookie shared by Remix pages, GraphQL over HTTP and the graphql-ws handshake.
 * It carries only a random session token; the session itself (owner, expiry, revocation) lives in
 * the database (UserSession, graphql/user-sessions.ts), which stores just the token's SHA-256.
 *
 * Read at import (route code bundles this file only indirectly, through the server): SESSION_SECRET
 * (required in production) and COOKIE_SECURE. A Secure cookie takes the `__Host-` prefix, so the
 * browser refuses it unless it is Secure, host-only and Path=/: a sibling subdomain cannot plant
 * or overwrite it (session fixation through a shared parent domain).
 */
const secure = process.env.COOKIE_SECURE === "true" || process.env.COOKIE_SECURE === "1";

export const SESSION_COOKIE = secure ? "__Host-spros_session" : "spros_session";

/** How long a session lasts after sign-in, whatever its activity (absolute expiry). */
export const SESSION_LIFETIME_SECONDS = 60 * 60 * 24 * 30;

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
    secure,
    secrets,
    maxAge: SESSION_LIFETIME_SECONDS,
  },
});

/** The session token of a request's cookie header, if its signature holds. */
export async function readSessionToken(cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const session = await sessionStorage.getSession(cookieHeader);
  const token = session.get("token");
  return typeof token === "string" && token.length > 0 ? token : null;
}

/** A Set-Cookie value that hands the browser this session token. */
export async function createSessionCookie(token: string): Promise<string> {
  const session = await sessionStorage.getSession();
  session.set("token", token);
  return sessionStorage.commitSession(session);
}

/** A Set-Cookie value that removes the session cookie. */
export async function destroySessionCookie(): Promise<string> {
  return sessionStorage.destroySession(await sessionStorage.getSession());
}
