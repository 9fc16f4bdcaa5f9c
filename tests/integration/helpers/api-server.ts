import http from "node:http";
import type { AddressInfo } from "node:net";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { createPlanningRunner, type PlanningRunnerOptions } from "../../../domain/planning/runner";
import { createServerServices } from "../../../graphql/services";
import { attachGraphQLWebSocket } from "../../../graphql/ws";
import { createSprosYoga, type SprosYogaOptions } from "../../../graphql/yoga";
import type { DatabaseClients } from "../../../prisma/client";

/** Where a server (in-process, a child process or a proxy in front of one) answers. */
export type ApiEndpoint = { url: string; graphqlUrl: string; close: () => Promise<void> };

export type ApiServer = ApiEndpoint & {
  /** The database the server runs on (tests mint sessions and check rows through it). */
  prisma: DatabaseClients["prisma"];
  /** Subscribers of each shared subscription stream running now (graphql/shared-subscriptions.ts). */
  sharedSubscriptionStreams: () => number[];
};

/** The real Yoga + graphql-ws stack of server.ts (without Remix) on an ephemeral port. */
export async function startApiServer(
  database: Pick<DatabaseClients, "prisma" | "sql">,
  options: Parameters<typeof createServerServices>[1] & {
    /** Start a planning runner with the server (off unless asked for). */
    planningRunner?: Omit<PlanningRunnerOptions, "prisma" | "pubsub">;
    /**
     * Hardening of graphql/yoga.ts. Rate limits default to "off" here (the suite signs in and votes
     * far faster than people do); tests of the limits pass PRODUCTION_RATE_LIMITS.
     */
    yoga?: Omit<SprosYogaOptions, "metrics" | "logger">;
  } = {},
): Promise<ApiServer> {
  const services = createServerServices(database, options);
  const planningRunner = options.planningRunner ? createPlanningRunner({ prisma: database.prisma, pubsub: services.pubsub, ...options.planningRunner }) : null;
  await planningRunner?.start();
  const yoga = createSprosYoga(services, { rateLimits: "off", ...options.yoga });
  const server = http.createServer((req, res) => void yoga(req, res));
  const websocket = attachGraphQLWebSocket(server, yoga, services.viewers, undefined, { originPolicy: options.yoga?.originPolicy });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    prisma: database.prisma,
    sharedSubscriptionStreams: () => websocket.sharedStreams(),
    url,
    graphqlUrl: `${url}/graphql`,
    close: async () => {
      await planningRunner?.stop();
      await websocket.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await services.close();
    },
  };
}

export type GqlResponse<T = any> = { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };

/** A GraphQL-over-HTTP client that keeps the session cookie like a browser does. */
export class ApiClient {
  cookie: string | undefined;

  constructor(private readonly server: ApiEndpoint) {}

  async request<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> {
    const response = await fetch(this.server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) this.cookie = setCookie.split(";")[0];
    return (await response.json()) as GqlResponse<T>;
  }

  async signIn(email: string, password: string) {
    const result = await this.request(SIGN_IN, { input: { email, password } });
    if (result.data?.signIn.__typename !== "MutationSignInSuccess") {
      throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
    }
    return this;
  }

  subscriptions(): Client {
    const cookie = this.cookie;
    return createClient({
      url: this.server.graphqlUrl.replace(/^http/, "ws"),
      lazy: false,
      retryAttempts: 0,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: cookie ? { cookie } : {} });
        }
      },
    });
  }
}

export const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on MutationSignInSuccess { data { id name role } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`;
