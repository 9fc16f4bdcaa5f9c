import type { RequestClient } from "./request-client";
import type { SprosYoga } from "./yoga";

export type GraphQLResult<TData> = {
  data?: TData;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  /** Set-Cookie values the page response should forward (sign-in, sign-out). */
  setCookies: string[];
};

export type InProcessGraphQL = <TData = Record<string, unknown>>(
  document: string,
  variables?: Record<string, unknown>,
) => Promise<GraphQLResult<TData>>;

/** The browser request a page is answering: its cookie, address and request id go along. */
export type ForwardedRequest = { cookie?: string; client?: RequestClient; requestId?: string };

/**
 * Lets Remix loaders and actions use the API exactly as any client does (same schema, auth,
 * validation and rate limits), without a network hop: the request goes straight into the server's
 * single Yoga. The client travels as server context, which no HTTP caller can forge.
 */
export function createInProcessGraphQL(yoga: SprosYoga, forwarded: ForwardedRequest = {}): InProcessGraphQL {
  return async (document, variables) => {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (forwarded.cookie) headers.cookie = forwarded.cookie;
    if (forwarded.requestId) headers["x-request-id"] = forwarded.requestId;
    const init = { method: "POST", headers, body: JSON.stringify({ query: document, variables }) };
    const response = await yoga.fetch("http://spros.internal/graphql", init, forwarded.client ? { client: forwarded.client } : {});
    const body = (await response.json()) as Omit<GraphQLResult<never>, "setCookies">;
    return { ...body, setCookies: response.headers.getSetCookie() } as GraphQLResult<never>;
  };
}
