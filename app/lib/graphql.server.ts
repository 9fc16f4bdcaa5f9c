import { redirect, type AppLoadContext } from "@remix-run/node";
import { ME, MODERATOR_ROLES, type MeData, type Viewer } from "~/lib/documents";
import type { GraphQLResult } from "~/lib/graphql-types";

/**
 * Runs an operation through the server's in-process Yoga and returns `data`, throwing a 500
 * Response when GraphQL reports errors (expected failures are typed results, not errors).
 */
export async function gql<TData>(
  context: AppLoadContext,
  document: string,
  variables?: Record<string, unknown>,
): Promise<TData> {
  const result = await context.graphql<TData>(document, variables);
  return dataOrThrow(result);
}

/** A refusal the page can explain (too many requests, database down) rather than a crash. */
export function throwIfRefused(result: GraphQLResult<unknown>): void {
  for (const [code, status] of [["RATE_LIMITED", 429], ["SERVICE_UNAVAILABLE", 503]] as const) {
    const error = result.errors?.find((e) => e.extensions?.code === code);
    if (!error) continue;
    const retryAfterSeconds = Number(error.extensions?.retryAfterSeconds ?? 60);
    throw new Response(JSON.stringify({ code, retryAfterSeconds }), {
      status,
      headers: { "content-type": "application/json", "retry-after": String(retryAfterSeconds) },
    });
  }
}

export function dataOrThrow<TData>(result: GraphQLResult<TData>): TData {
  throwIfRefused(result);
  if (result.errors?.length || !result.data) {
    const messages = result.errors?.map((e) => e.message).join("; ") ?? "no data";
    console.error(`[spros] GraphQL operation failed: ${messages}`);
    throw new Response("GraphQL operation failed", { status: 500 });
  }
  return result.data;
}

// The root loader and the page's loader both ask for the viewer; ask GraphQL once per request.
const viewers = new WeakMap<Request, Promise<Viewer | null>>();

/** The signed-in user, or null when there is no valid session. */
export function getViewer(request: Request, context: AppLoadContext): Promise<Viewer | null> {
  let viewer = viewers.get(request);
  if (!viewer) {
    // Without a cookie there is no session: skip the round trip.
    viewer = request.headers.get("Cookie")
      ? context.graphql<MeData>(ME).then((r) => (r.errors?.length ? null : (r.data?.me ?? null)))
      : Promise.resolve(null);
    viewers.set(request, viewer);
  }
  return viewer;
}

/** The signed-in user; otherwise a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<Viewer> {
  const viewer = await getViewer(request, context);
  if (!viewer) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  return viewer;
}

/** A manager or admin; anyone else is sent to the topic list (the API would refuse them anyway). */
export async function requireManager(request: Request, context: AppLoadContext): Promise<Viewer> {
  const viewer = await requireUser(request, context);
  if (!MODERATOR_ROLES.has(viewer.role)) throw redirect("/topics");
  return viewer;
}

/** Turns the Set-Cookie values an operation produced into response headers. */
export function cookieHeaders(setCookies: readonly string[], extra: readonly string[] = []): Headers {
  const headers = new Headers();
  for (const value of [...setCookies, ...extra]) headers.append("Set-Cookie", value);
  return headers;
}

/** A same-site path to return to after a form, never an absolute or protocol-relative URL. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/topics"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
