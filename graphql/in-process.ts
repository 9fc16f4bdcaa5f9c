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

/**
 * Lets Remix loaders and actions use the API exactly as any client does (same schema, auth and
 * validation), without a network hop: the request goes straight into the server's single Yoga.
 */
export function createInProcessGraphQL(yoga: SprosYoga, cookieHeader: string | undefined): InProcessGraphQL {
  return async (document, variables) => {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (cookieHeader) headers.cookie = cookieHeader;
    const response = await yoga.fetch("http://spros.internal/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query: document, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResult<never>, "setCookies">;
    return { ...body, setCookies: response.headers.getSetCookie() } as GraphQLResult<never>;
  };
}
