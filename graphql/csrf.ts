import type { IncomingHttpHeaders } from "node:http";
import type { Plugin } from "graphql-yoga";

/**
 * Cross-site request refusal (docs/decisions/013). Browsers attach the session cookie to requests
 * other sites make (form posts, WebSocket handshakes), so a request that a browser marks as coming
 * from a foreign page is refused before it runs:
 *
 * 1. `Sec-Fetch-Site: same-origin | none` (set by the browser, unforgeable by a page) → allowed.
 * 2. An `Origin` whose host is this request's own host (X-Forwarded-Host with SPROS_TRUST_PROXY),
 *    or that is listed in SPROS_TRUSTED_ORIGINS → allowed; any other Origin, `null` included → refused.
 * 3. No Origin: refused if `Sec-Fetch-Site` says cross-site or same-site; otherwise allowed
 *    (curl, server-to-server calls, tests and the in-process calls of Remix loaders send neither).
 *
 * GraphQL over HTTP must also prove it is not a "simple" cross-site request that skipped CORS
 * preflight: it carries an `x-graphql-yoga-csrf` header (the web app's urql client sends one) or a
 * content type a form cannot send (e.g. application/json).
 */
export type OriginPolicy = { trustedOrigins: readonly string[]; trustProxy: boolean };

export const CSRF_REFUSED_CODE = "CSRF_REFUSED";
export const CSRF_HEADER = "x-graphql-yoga-csrf";
export type CsrfRefusal = "foreign-origin" | "missing-csrf-header";

type HeaderLookup = (name: string) => string | null | undefined;

/** Rules 1–3 above: null when allowed, else why not. */
export function foreignOriginRefusal(header: HeaderLookup, policy: OriginPolicy): CsrfRefusal | null {
  const fetchSite = header("sec-fetch-site")?.toLowerCase();
  if (fetchSite === "same-origin" || fetchSite === "none") return null;
  const origin = header("origin");
  if (origin === null || origin === undefined || origin === "") {
    return fetchSite === "cross-site" || fetchSite === "same-site" ? "foreign-origin" : null;
  }
  if (policy.trustedOrigins.includes(origin)) return null;
  const ownHost = (policy.trustProxy ? firstValue(header("x-forwarded-host")) : undefined) ?? header("host");
  return ownHost && hostOf(origin) === ownHost.toLowerCase() ? null : "foreign-origin";
}

/** The whole check for a GraphQL HTTP request: origin, then the CSRF header or a non-form content type. */
export function graphqlCsrfRefusal(header: HeaderLookup, policy: OriginPolicy): CsrfRefusal | null {
  const foreign = foreignOriginRefusal(header, policy);
  if (foreign) return foreign;
  if (header(CSRF_HEADER)) return null;
  const mediaType = header("content-type")?.split(";")[0]?.trim().toLowerCase();
  return mediaType && !FORM_MEDIA_TYPES.has(mediaType) ? null : "missing-csrf-header";
}

/** Content types an HTML form (or a no-preflight fetch) can send cross-site. */
const FORM_MEDIA_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]);

export const nodeHeaders = (headers: IncomingHttpHeaders): HeaderLookup => (name) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function csrfRefusalBody(reason: CsrfRefusal) {
  const message = reason === "foreign-origin"
    ? "Cross-site request refused: the Origin is not this site or a trusted origin."
    : `Request refused: send the ${CSRF_HEADER} header or a JSON content type.`;
  return { errors: [{ message, extensions: { code: CSRF_REFUSED_CODE, reason } }] };
}

/**
 * Yoga plugin refusing cross-site GraphQL requests with 403. GET pages of GraphiQL (HTML, never
 * in production) are exempt from the header rule so the IDE can load.
 */
export function csrfPlugin(policy: OriginPolicy, options: { graphiql: boolean }): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method === "OPTIONS") return;
      const header: HeaderLookup = (name) => request.headers.get(name);
      const graphiqlPage = options.graphiql && request.method === "GET" && header("accept")?.includes("text/html");
      const refusal = graphiqlPage ? foreignOriginRefusal(header, policy) : graphqlCsrfRefusal(header, policy);
      if (!refusal) return;
      endResponse(
        new fetchAPI.Response(JSON.stringify(csrfRefusalBody(refusal)), {
          status: 403,
          headers: { "content-type": "application/json; charset=utf-8" },
        }),
      );
    },
  };
}

function hostOf(origin: string) {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

function firstValue(list: string | null | undefined) {
  return list?.split(",")[0]?.trim() || undefined;
}
