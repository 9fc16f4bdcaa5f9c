import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import type { Logger } from "../server/logger";
import { eventSerializer } from "./event-serializer";
import { closeRedis, openRedis } from "./redis-connection";

export type RedisEventTargetOptions = {
  url: string;
  /** Prepended to every channel, so deployments (or test runs) sharing one Redis do not hear each other. */
  prefix?: string;
  /** Event types that stay in this process (each instance computes its own, e.g. the dashboard pulse). */
  localTypes?: ReadonlySet<string>;
  /** Called once per published event type with the extra types it is also published as. */
  alsoPublishAs?: (type: string) => string[];
  logger?: Logger;
};

export const DEFAULT_CHANNEL_PREFIX = "spros:";

/**
 * An EventTarget whose events reach every instance of the deployment through Redis pub/sub
 * (@graphql-yoga/redis-event-target), on two connections: one publishes, one subscribes (a
 * subscribed Redis connection can do nothing else). Each instance, the publisher included, hears
 * an event once, when Redis delivers it.
 *
 * Failures never reach the caller: a publish that Redis cannot take is logged and the event is
 * lost (clients re-sync when they reconnect); SUBSCRIBE commands wait for the reconnect, and
 * ioredis re-subscribes every channel after one.
 */
export function createClusterEventTarget(options: RedisEventTargetOptions): { eventTarget: EventTarget; close(): Promise<void> } {
  const prefix = options.prefix ?? DEFAULT_CHANNEL_PREFIX;
  const localTypes = options.localTypes ?? new Set<string>();
  const publishClient = openRedis(options.url, "publish", options.logger);
  // No ready check: ioredis 5.8+ can send its INFO probe after a queued SUBSCRIBE, which Redis
  // refuses in subscriber mode and ioredis throws uncaught (redis/ioredis#2037, fixed in 6).
  const subscribeClient = openRedis(options.url, "subscribe", options.logger, { maxRetriesPerRequest: null, enableReadyCheck: false });
  const cluster = createRedisEventTarget({ publishClient, subscribeClient, serializer: eventSerializer });
  const local = new EventTarget();
  let lostPublishes = 0;

  const publish = (type: string, detail: unknown) => {
    const message = detail === undefined ? "" : eventSerializer.stringify(detail);
    publishClient.publish(prefix + type, message).catch((error: Error) => {
      // One line per outage is enough; the connection's own error is logged by openRedis.
      if (lostPublishes++ === 0) options.logger?.error(`Redis publish failed, cross-instance events are being lost: ${error.message}`);
    });
  };
  publishClient.on("ready", () => {
    if (lostPublishes > 0) options.logger?.info(`Redis publish works again (${lostPublishes} events were lost)`);
    lostPublishes = 0;
  });

  const eventTarget: EventTarget = {
    addEventListener(type, listener, listenerOptions) {
      if (localTypes.has(type)) local.addEventListener(type, listener, listenerOptions);
      else cluster.addEventListener(prefix + type, listener as never);
    },
    removeEventListener(type, listener, listenerOptions) {
      if (localTypes.has(type)) local.removeEventListener(type, listener, listenerOptions);
      else cluster.removeEventListener(prefix + type, listener as never);
    },
    dispatchEvent(event) {
      if (localTypes.has(event.type)) return local.dispatchEvent(event);
      const detail = (event as CustomEvent).detail as unknown;
      publish(event.type, detail);
      for (const type of options.alsoPublishAs?.(event.type) ?? []) publish(type, detail);
      return true;
    },
  };

  return {
    eventTarget,
    async close() {
      await Promise.all([closeRedis(publishClient), closeRedis(subscribeClient)]);
    },
  };
}
