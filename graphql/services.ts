import type { DatabaseClients } from "../prisma/client";
import type { Logger } from "../server/logger";
import { DEFAULT_BOOKING_POLICY, type BookingPolicy, type ServerServices } from "./context";
import { createSprosPubSub, type SprosPubSub } from "./pubsub";
import { closeRedis, openRedis } from "./redis-connection";
import { DEFAULT_CHANNEL_PREFIX } from "./redis-event-target";
import { createViewerLoader, type ViewerCacheOptions, type ViewerLoader } from "./viewer";

export type ServerServiceOptions = {
  viewerCache?: ViewerCacheOptions;
  policy?: Partial<BookingPolicy>;
  /** The Redis shared by every instance of one deployment (REDIS_URL); without it everything stays in-process. */
  redisUrl?: string;
  /** Key and channel prefix on that Redis (default "spros:"): deployments or test runs sharing one Redis stay apart. */
  redisPrefix?: string;
  logger?: Logger;
};

/** What one server process shares across requests and connections. */
export function createServerServices(
  { prisma, sql }: Pick<DatabaseClients, "prisma" | "sql">,
  options: ServerServiceOptions = {},
): ServerServices {
  const redisKeyPrefix = options.redisPrefix ?? DEFAULT_CHANNEL_PREFIX;
  const redis = options.redisUrl ? openRedis(options.redisUrl, "general", options.logger) : null;
  const pubsub = createSprosPubSub({
    redis: options.redisUrl ? { url: options.redisUrl, prefix: redisKeyPrefix, logger: options.logger } : undefined,
  });
  const viewers = forgetEverywhere(createViewerLoader(prisma, options.viewerCache), pubsub);
  return {
    prisma,
    sql,
    pubsub,
    viewers,
    policy: { ...DEFAULT_BOOKING_POLICY, ...options.policy },
    redis,
    redisKeyPrefix,
    async close() {
      await viewers.stop();
      await pubsub.close();
      if (redis) await closeRedis(redis);
    },
  };
}

/**
 * Each process caches sessions for a short time (docs/decisions/007), so `forget` — sign-out
 * everywhere, a role or locale change — must reach every instance: it applies here at once and
 * is published as "viewer:forget", which every instance (this one again, harmlessly) applies to
 * its own cache.
 */
function forgetEverywhere(local: ViewerLoader, pubsub: SprosPubSub): ViewerLoader & { stop(): Promise<void> } {
  const forgets = pubsub.subscribe("viewer:forget")[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const result = await forgets.next();
      if (result.done) return;
      local.forget(result.value.userId);
    }
  })();
  return {
    ...local,
    forget(userId) {
      local.forget(userId);
      pubsub.publish("viewer:forget", { userId });
    },
    async stop() {
      await forgets.return?.();
    },
  };
}
