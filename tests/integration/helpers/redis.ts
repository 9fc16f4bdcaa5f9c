import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

/** The Redis the tests use (127.0.0.1:6379 unless TEST_REDIS_URL says otherwise). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A channel prefix of its own per call, so parallel test files never hear each other. */
export function uniqueRedisPrefix(label: string): string {
  return `spros-test:${label}:${randomUUID().slice(0, 8)}:`;
}

/**
 * Resolves once `channel` has at least `count` subscribers on Redis: a subscription is live across
 * instances only when its SUBSCRIBE reached Redis, which the GraphQL `connected` ack does not tell.
 */
export async function waitForRedisSubscribers(channel: string, count: number, timeoutMs = 5000): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [, subscribers] = (await redis.pubsub("NUMSUB", channel)) as [string, number];
      if (Number(subscribers) >= count) return;
      if (Date.now() > deadline) throw new Error(`${channel} has ${subscribers} subscriber(s), expected ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    redis.disconnect();
  }
}

/** Resolves once Redis holds no connection of process `pid` any more (it noticed the process died). */
export async function waitForRedisClientsGone(pid: number, timeoutMs = 5000): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const deadline = Date.now() + timeoutMs;
    const pattern = new RegExp(`name=spros-\\w+-${pid}\\b`);
    while (pattern.test(String(await redis.client("LIST")))) {
      if (Date.now() > deadline) throw new Error(`Redis still holds connections of process ${pid}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    redis.disconnect();
  }
}
