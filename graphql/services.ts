import type { DatabaseClients } from "../prisma/client";
import type { Logger } from "../server/logger";
import { DEFAULT_BOOKING_POLICY, type BookingPolicy, type ServerServices } from "./context";
import { createSprosPubSub } from "./pubsub";
import { closeRedis, openRedis } from "./redis-connection";
import { createViewerLoader, type ViewerCacheOptions } from "./viewer";

export type ServerServiceOptions = {
  viewerCache?: ViewerCacheOptions;
  policy?: Partial<BookingPolicy>;
  /** The Redis shared by every instance of one deployment (REDIS_URL); without it everything stays in-process. */
  redisUrl?: string;
  logger?: Logger;
};

/** What one server process shares across requests and connections. */
export function createServerServices(
  { prisma, sql }: Pick<DatabaseClients, "prisma" | "sql">,
  options: ServerServiceOptions = {},
): ServerServices {
  const redis = options.redisUrl ? openRedis(options.redisUrl, "general", options.logger) : null;
  return {
    prisma,
    sql,
    pubsub: createSprosPubSub(),
    viewers: createViewerLoader(prisma, options.viewerCache),
    policy: { ...DEFAULT_BOOKING_POLICY, ...options.policy },
    redis,
    async close() {
      if (redis) await closeRedis(redis);
    },
  };
}
