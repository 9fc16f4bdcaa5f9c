import type { IncomingMessage } from "node:http";
import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLError } from "graphql";
import { createYoga, isAsyncIterable, type Plugin } from "graphql-yoga";
import type { RootLogger } from "../server/logger";
import type { Metrics } from "../server/metrics";
import type { GraphQLContext, ServerServices } from "./context";
import { armorPlugins, bodyLimitPlugin, disableIntrospectionPlugin, type OperationLimits } from "./armor";
import { csrfPlugin, type OriginPolicy } from "./csrf";
import { databaseUnavailablePlugin, maskDatabaseUnavailable } from "./database-unavailable";
import { createRateLimits, NO_RATE_LIMITS, PRODUCTION_RATE_LIMITS, rateLimitPlugin, type RateLimits, type RateLimitSettings } from "./rate-limits";
import { readRequestClient, type RequestClient } from "./request-client";
import { maskInputErrors } from "./mask-input-errors";
import { schema } from "./schema";

/** `client` is set by in-process callers (Remix pages) that forward the browser's address. */
type InitialContext = { request?: Request; req?: IncomingMessage; client?: RequestClient };

const pendingCookies = new WeakMap<Request, string[]>();

// Resolvers cannot touch the HTTP response, so they queue cookies on the context and this plugin
// copies them onto the response of the same request.
const setCookiePlugin: Plugin = {
  onResponse({ request, response }) {
    for (const cookie of pendingCookies.get(request) ?? []) response.headers.append("set-cookie", cookie);
  },
};

/** Optional: GraphQL operation metrics and error logs with the request id (docs/decisions/012). */
export type YogaObservability = { metrics?: Metrics; logger?: RootLogger };

type OperationContext = { request?: Request; req?: IncomingMessage };

/**
 * Counts and times every operation by type and (cleaned) name, counts failed ones, and logs their
 * errors with the request id. Variables are never logged (they may hold passwords).
 */
function operationMetricsPlugin({ metrics, logger }: YogaObservability): Plugin {
  const describe = (document: DocumentNode, operationName: string | null | undefined) => {
    const operation = getOperationAST(document, operationName);
    return { type: operation?.operation ?? ("unknown" as const), name: operationName ?? operation?.name?.value };
  };
  const finish = (
    operation: ReturnType<typeof describe>,
    started: number,
    context: OperationContext,
    result: ExecutionResult | AsyncIterable<unknown>,
  ) => {
    const errors = isAsyncIterable(result) ? undefined : result.errors;
    metrics?.observeOperation(operation.type, operation.name, (performance.now() - started) / 1000, Boolean(errors?.length));
    if (errors?.length && logger) logOperationErrors(logger, operation, context, errors);
  };
  return {
    onValidate({ params }) {
      return ({ valid }) => {
        if (!valid) metrics?.observeInvalidOperation(describe(params.documentAST, undefined).type, undefined);
      };
    },
    onExecute({ args }) {
      const operation = describe(args.document, args.operationName);
      const started = performance.now();
      return { onExecuteDone: ({ result }) => finish(operation, started, args.contextValue as OperationContext, result) };
    },
    onSubscribe({ args }) {
      const operation = describe(args.document, args.operationName);
      const started = performance.now();
      return { onSubscribeResult: ({ result }) => finish(operation, started, args.contextValue as OperationContext, result) };
    },
  };
}

function logOperationErrors(logger: RootLogger, operation: { type: string; name?: string }, context: OperationContext, errors: readonly GraphQLError[]) {
  const reqId = context.request?.headers.get("x-request-id") ?? context.req?.headers["x-request-id"];
  for (const error of errors) {
    const code = error.extensions?.code;
    const unexpected = !code || code === "INTERNAL_SERVER_ERROR";
    const fields = { reqId, operation: operation.name ?? "anonymous", type: operation.type, path: error.path?.join("."), code };
    if (unexpected) logger.error({ ...fields, err: error.originalError ?? error }, `graphql error: ${error.message}`);
    else logger.warn(fields, `graphql error: ${error.message}`);
  }
}

/** How hardened this Yoga is (docs/decisions/013); every field defaults from NODE_ENV or to the safe side. */
export type SprosYogaOptions = YogaObservability & {
  /** Masked unexpected errors, no GraphiQL, no field suggestions. Default: NODE_ENV === "production". */
  production?: boolean;
  /** Schema introspection. Default: on outside production, off in it (SPROS_INTROSPECTION turns it on). */
  introspection?: boolean;
  /** Own origin plus SPROS_TRUSTED_ORIGINS; SPROS_TRUST_PROXY. Default: no extra origins, no proxy. */
  originPolicy?: OriginPolicy;
  /** Limits per user and IP: a shared RateLimits, settings, or "off". Default: PRODUCTION_RATE_LIMITS. */
  rateLimits?: RateLimits | RateLimitSettings | "off";
  /** Operation shape limits (armor.ts OPERATION_LIMITS by default). */
  operationLimits?: Partial<OperationLimits>;
};

const DEFAULT_ORIGIN_POLICY: OriginPolicy = { trustedOrigins: [], trustProxy: false };

export function createSprosYoga(services: ServerServices, options: SprosYogaOptions = {}) {
  const production = options.production ?? process.env.NODE_ENV === "production";
  const introspection = options.introspection ?? !production;
  const originPolicy = options.originPolicy ?? DEFAULT_ORIGIN_POLICY;
  const graphiql = !production;
  return createYoga<InitialContext, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql,
    landingPage: false,
    // Only listed origins may read responses cross-origin (and they are refused anyway unless trusted).
    cors: originPolicy.trustedOrigins.length > 0 ? { origin: [...originPolicy.trustedOrigins], credentials: true } : false,
    // Outside production unexpected errors keep their message (still under a generic code).
    maskedErrors: { isDev: !production, maskError: maskDatabaseUnavailable(maskInputErrors()) },
    logging: process.env.NODE_ENV === "test" ? false : "warn",
    // bodyLimitPlugin already refuses any network body over the limit or without a Content-Length,
    // and Node's parser never delivers more than that length, so Yoga's own limit (a TransformStream
    // piped through on every request, ≈ 4 % of a vote's server time) would only count bytes again.
    maxRequestBodySize: false,
    plugins: [
      bodyLimitPlugin(),
      csrfPlugin(originPolicy, { graphiql }),
      ...armorPlugins({ limits: options.operationLimits, production }),
      ...(introspection ? [] : [disableIntrospectionPlugin]),
      rateLimitPlugin(resolveRateLimits(services, options.rateLimits)),
      setCookiePlugin,
      databaseUnavailablePlugin(),
      operationMetricsPlugin(options),
    ],
    context: async (initial) => {
      const cookieHeader = initial.request?.headers.get("cookie") ?? initial.req?.headers.cookie;
      const responseCookies: string[] = [];
      if (initial.request) pendingCookies.set(initial.request, responseCookies);
      return {
        client: initial.client ?? readRequestClient(initial.req, originPolicy.trustProxy),
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

function resolveRateLimits(services: ServerServices, option: SprosYogaOptions["rateLimits"]): RateLimits {
  if (option === "off") return NO_RATE_LIMITS;
  if (option && "consume" in option) return option;
  return createRateLimits(option ?? PRODUCTION_RATE_LIMITS, { redis: services.redis, keyPrefix: `${services.redisKeyPrefix}rl` });
}
