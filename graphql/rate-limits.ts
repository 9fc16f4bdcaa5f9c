import { GraphQLError, Kind, getOperationAST, type DocumentNode, type SelectionSetNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RequestClient } from "./request-client";

/** Actions a script could repeat against people or the database; each maps from root mutation fields. */
export type RateLimitedAction = "signIn" | "suggestTopic" | "vote" | "comment";

export const RATE_LIMITED_FIELDS: Readonly<Record<string, RateLimitedAction>> = {
  signIn: "signIn",
  suggestTopic: "suggestTopic",
  vote: "vote",
  unvote: "vote",
  addComment: "comment",
  deleteComment: "comment",
};

export type RateWindow = { points: number; durationSeconds: number };
export type RateLimitSettings = Record<RateLimitedAction, { perUser?: RateWindow; perIp?: RateWindow }>;

/**
 * Generous for a person, fatal for a script. Per-IP windows are wide because an office reaches
 * the server through one NAT address; sign-in has no user yet, so it is per IP only (the
 * per-account lockout lives in graphql/users.ts).
 */
export const PRODUCTION_RATE_LIMITS: RateLimitSettings = {
  signIn: { perIp: { points: 20, durationSeconds: 60 } },
  suggestTopic: { perUser: { points: 10, durationSeconds: 3600 }, perIp: { points: 200, durationSeconds: 3600 } },
  vote: { perUser: { points: 120, durationSeconds: 60 }, perIp: { points: 3000, durationSeconds: 60 } },
  comment: { perUser: { points: 15, durationSeconds: 60 }, perIp: { points: 300, durationSeconds: 60 } },
};

export const RATE_LIMITED_CODE = "RATE_LIMITED";

export type RateLimitSubject = { userId?: string | null; ip?: string | null };

export type RateLimits = {
  /** Takes `points` from every window the subject falls in; null when allowed, else how long to wait. */
  consume(action: RateLimitedAction, subject: RateLimitSubject, points?: number): Promise<{ retryAfterSeconds: number } | null>;
};

/**
 * One limiter per action and scope: in Redis when the server has it (limits hold across
 * instances; an in-memory limiter stands in while Redis is unreachable), else in memory.
 */
export function createRateLimits(
  settings: RateLimitSettings,
  options: { redis?: Redis | null; keyPrefix?: string } = {},
): RateLimits {
  const prefix = options.keyPrefix ?? "spros:rl";
  const limiter = (name: string, window: RateWindow): RateLimiterAbstract => {
    const base = { points: window.points, duration: window.durationSeconds, keyPrefix: `${prefix}:${name}` };
    if (!options.redis) return new RateLimiterMemory(base);
    // While Redis is not ready the in-memory limiter answers at once (without this, commands wait in
    // ioredis's offline queue for its retries, ≈ 10 s, and every limited mutation stalls).
    return new RateLimiterRedis({ ...base, storeClient: options.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(base) });
  };
  const limiters = new Map<RateLimitedAction, { perUser?: RateLimiterAbstract; perIp?: RateLimiterAbstract }>();
  for (const [action, windows] of Object.entries(settings) as Array<[RateLimitedAction, RateLimitSettings[RateLimitedAction]]>) {
    limiters.set(action, {
      perUser: windows.perUser && limiter(`${action}:user`, windows.perUser),
      perIp: windows.perIp && limiter(`${action}:ip`, windows.perIp),
    });
  }
  return {
    async consume(action, subject, points = 1) {
      const scoped = limiters.get(action);
      const attempts: Array<Promise<unknown>> = [];
      if (scoped?.perUser && subject.userId) attempts.push(scoped.perUser.consume(subject.userId, points));
      if (scoped?.perIp && subject.ip) attempts.push(scoped.perIp.consume(subject.ip, points));
      const outcomes = await Promise.allSettled(attempts);
      let waitMs = 0;
      for (const outcome of outcomes) {
        if (outcome.status === "fulfilled") continue;
        if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
        waitMs = Math.max(waitMs, outcome.reason.msBeforeNext);
      }
      return outcomes.some((outcome) => outcome.status === "rejected") ? { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } : null;
    },
  };
}

/** A rate-limits object that never refuses (tests, benchmarks, SPROS_RATE_LIMITS=off). */
export const NO_RATE_LIMITS: RateLimits = { consume: async () => null };

export function rateLimitedError(retryAfterSeconds: number, overHttp: boolean) {
  return new GraphQLError(`Too many requests: try again in ${retryAfterSeconds} s.`, {
    extensions: {
      code: RATE_LIMITED_CODE,
      retryAfterSeconds,
      ...(overHttp ? { http: { status: 429, headers: { "retry-after": String(retryAfterSeconds) } } } : {}),
    },
  });
}

/** How many times each rate-limited action occurs among a mutation's root fields (aliases count). */
export function rateLimitedActions(document: DocumentNode, operationName?: string | null) {
  const operation = getOperationAST(document, operationName);
  const counts = new Map<RateLimitedAction, number>();
  if (operation?.operation !== "mutation") return counts;
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [])),
  );
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const action = RATE_LIMITED_FIELDS[selection.name.value];
        if (action) counts.set(action, (counts.get(action) ?? 0) + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return counts;
}

type LimitedContext = { viewer?: { id: string } | null; request?: Request; client: RequestClient };

/**
 * Refuses a mutation before it runs when one of its rate-limited root fields is over its window,
 * over HTTP and graphql-ws alike (both execute through Yoga's envelop).
 */
export function rateLimitPlugin(limits: RateLimits): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const actions = rateLimitedActions(args.document, args.operationName);
      if (actions.size === 0) return;
      const context = args.contextValue as unknown as LimitedContext;
      const subject = { userId: context.viewer?.id, ip: context.client.ip };
      for (const [action, count] of actions) {
        const refusal = await limits.consume(action, subject, count);
        if (refusal) {
          setResultAndStopExecution({ errors: [rateLimitedError(refusal.retryAfterSeconds, Boolean(context.request))] });
          return;
        }
      }
    },
  };
}
