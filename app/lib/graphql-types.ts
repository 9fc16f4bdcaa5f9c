/** The shape of `context.graphql`, provided by server.ts through Remix's getLoadContext. */
export type GraphQLErrorLike = { message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> };

export type GraphQLResult<TData> = {
  data?: TData | null;
  errors?: GraphQLErrorLike[];
  /** Set-Cookie values the operation produced (sign-in, sign-out); forward them on the response. */
  setCookies: string[];
};

export type GraphQLExecutor = <TData = unknown>(
  document: string,
  variables?: Record<string, unknown>,
) => Promise<GraphQLResult<TData>>;
