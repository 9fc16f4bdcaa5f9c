import type { IncomingMessage } from "node:http";
import { createYoga, type Plugin } from "graphql-yoga";
import type { GraphQLContext, ServerServices } from "./context";
import { schema } from "./schema";

type InitialContext = { request?: Request; req?: IncomingMessage };

const pendingCookies = new WeakMap<Request, string[]>();

// Resolvers cannot touch the HTTP response, so they queue cookies on the context and this plugin
// copies them onto the response of the same request.
const setCookiePlugin: Plugin = {
  onResponse({ request, response }) {
    for (const cookie of pendingCookies.get(request) ?? []) response.headers.append("set-cookie", cookie);
  },
};

export function createSprosYoga(services: ServerServices) {
  return createYoga<InitialContext, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: process.env.NODE_ENV !== "production",
    landingPage: false,
    // Outside production unexpected errors keep their message (still under a generic code).
    maskedErrors: process.env.NODE_ENV === "production" ? true : { isDev: true },
    logging: process.env.NODE_ENV === "test" ? false : "warn",
    plugins: [setCookiePlugin],
    context: async (initial) => {
      const cookieHeader = initial.request?.headers.get("cookie") ?? initial.req?.headers.cookie;
      const responseCookies: string[] = [];
      if (initial.request) pendingCookies.set(initial.request, responseCookies);
      return {
        prisma: services.prisma,
        sql: services.sql,
        pubsub: services.pubsub,
        viewers: services.viewers,
        policy: services.policy,
        viewer: await services.viewers.load(cookieHeader),
        responseCookies,
      };
    },
  });
}

export type SprosYoga = ReturnType<typeof createSprosYoga>;
