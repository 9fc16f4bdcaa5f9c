import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "../server/logger";

/**
 * One ioredis connection that logs its failures instead of crashing the process: ioredis
 * reconnects by itself (and re-subscribes a subscriber connection), so an outage costs
 * cross-instance events and shared counters while it lasts, not the instance.
 */
export function openRedis(url: string, name: string, logger?: Logger, options: RedisOptions = {}): Redis {
  // CLIENT LIST then tells which process and purpose each connection belongs to.
  const redis = new Redis(url, { connectionName: `spros-${name}-${process.pid}`, ...options });
  let failing = false;
  redis.on("error", (error: Error) => {
    // ioredis emits one error per reconnect attempt: log when an outage starts, not every retry.
    if (failing) return;
    failing = true;
    logger?.error(`Redis (${name}): ${error.message}`, error);
  });
  redis.on("ready", () => {
    if (failing) logger?.info(`Redis (${name}): connected again`);
    failing = false;
  });
  return redis;
}

/** QUIT politely when connected; otherwise stop reconnecting at once (shutdown must not hang on Redis). */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}
