import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createSprosPubSub, type SprosPubSub } from "../../graphql/pubsub";
import { startFailoverProxy } from "./helpers/failover-proxy";
import { TEST_REDIS_URL, uniqueRedisPrefix, waitForRedisSubscribers } from "./helpers/redis";

/** Two pubsubs on one Redis stand for two instances of one deployment. */
const open: SprosPubSub[] = [];
function instance(prefix: string, url = TEST_REDIS_URL) {
  const pubsub = createSprosPubSub({ redis: { url, prefix } });
  open.push(pubsub);
  return pubsub;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((pubsub) => pubsub.close()));
});

function first<T>(iterable: AsyncIterable<T>) {
  const iterator = iterable[Symbol.asyncIterator]();
  return { next: () => iterator.next().then((result) => result.value as T), stop: () => iterator.return?.() };
}

/** Collects what arrives until `stop`. */
function collect<T>(iterable: AsyncIterable<T>) {
  const iterator = iterable[Symbol.asyncIterator]();
  const values: T[] = [];
  const done = (async () => {
    for (;;) {
      const result = await iterator.next();
      if (result.done) return;
      values.push(result.value);
    }
  })();
  return { values, stop: async () => (await iterator.return?.(), await done) };
}

describe("the pubsub over Redis", () => {
  it("delivers an event published on one instance to the other, with its Date still a Date", async () => {
    const prefix = uniqueRedisPrefix("pubsub");
    const [one, two] = [instance(prefix), instance(prefix)];
    const votes = first(two.subscribe("topic:voteChanged"));
    const arrived = votes.next();
    await waitForRedisSubscribers(`${prefix}topic:voteChanged`, 1);
    const at = new Date("2026-03-01T09:30:00.123Z");
    one.publish("topic:voteChanged", { topicId: "t1", voteCount: 7, at });
    const event = await arrived;
    expect(event).toEqual({ topicId: "t1", voteCount: 7, at });
    expect(event.at).toBeInstanceOf(Date);
    await votes.stop();
  });

  it("routes by id across instances: a subscriber hears only its own topic", async () => {
    const prefix = uniqueRedisPrefix("pubsub");
    const [one, two] = [instance(prefix), instance(prefix)];
    const comments = first(two.subscribe("topic:commentAdded", "t2"));
    const arrived = comments.next();
    await waitForRedisSubscribers(`${prefix}topic:commentAdded:t2`, 1);
    one.publish("topic:commentAdded", "t1", { commentId: "not this one" });
    one.publish("topic:commentAdded", "t2", { commentId: "c2" });
    expect(await arrived).toEqual({ commentId: "c2" });
    await comments.stop();
  });

  it("repeats a seat change as session:anySeatsChanged exactly once on every instance, the publisher's included", async () => {
    const prefix = uniqueRedisPrefix("pubsub");
    const [one, two] = [instance(prefix), instance(prefix)];
    const onOne = collect(one.subscribe("session:anySeatsChanged"));
    const onTwo = collect(two.subscribe("session:anySeatsChanged"));
    const routed = first(two.subscribe("session:seatsChanged", "s1"));
    const routedArrived = routed.next();
    await waitForRedisSubscribers(`${prefix}session:anySeatsChanged`, 2);
    await waitForRedisSubscribers(`${prefix}session:seatsChanged:s1`, 1);

    const change = { sessionId: "s1", seatsTaken: 3, waitlisted: 0, capacity: 20 };
    one.publish("session:seatsChanged", "s1", change);
    // A marker published after it: Redis keeps one publisher's order, so once the marker is in,
    // every copy of the seat change that was ever coming has arrived.
    const marker = { sessionId: "marker", seatsTaken: 0, waitlisted: 0, capacity: 1 };
    const markers = [first(one.subscribe("session:seatsChanged", "marker")), first(two.subscribe("session:seatsChanged", "marker"))];
    const markersArrived = Promise.all(markers.map((m) => m.next()));
    await waitForRedisSubscribers(`${prefix}session:seatsChanged:marker`, 2);
    one.publish("session:seatsChanged", "marker", marker);
    await markersArrived;
    await routedArrived;
    // The marker's routed copy can overtake its anySeatsChanged copy (two channels); within
    // anySeatsChanged the order holds, so once the marker is there every earlier copy is too.
    await expect.poll(() => [onOne, onTwo].every((on) => on.values.some((value) => value.sessionId === "marker"))).toBe(true);
    await Promise.all([onOne.stop(), onTwo.stop(), routed.stop(), ...markers.map((m) => m.stop())]);

    expect(onOne.values).toEqual([change, marker]);
    expect(onTwo.values).toEqual([change, marker]);
  });

  it("keeps the dashboard pulse in the instance that computed it", async () => {
    const prefix = uniqueRedisPrefix("pubsub");
    const [one, two] = [instance(prefix), instance(prefix)];
    const onOne = first(one.subscribe("dashboard:pulse"));
    const onTwo = collect(two.subscribe("dashboard:pulse"));
    const pulse = { asOf: new Date(), sequence: 1, latestChangeAt: null } as never;
    const arrived = onOne.next();
    one.publish("dashboard:pulse", pulse);
    expect(await arrived).toBe(pulse); // delivered synchronously in-process, the very object

    // Nothing about the pulse went through Redis; a cross-instance event published after it shows
    // the other instance's Redis traffic has been drained.
    const suggested = first(two.subscribe("topic:suggested"));
    const suggestedArrived = suggested.next();
    await waitForRedisSubscribers(`${prefix}topic:suggested`, 1);
    one.publish("topic:suggested", { topicId: "t1" });
    await suggestedArrived;
    await Promise.all([onOne.stop(), onTwo.stop(), suggested.stop()]);
    expect(onTwo.values).toEqual([]);
  });

  it("does not hear another deployment's events on the same Redis", async () => {
    const [ours, theirs] = [uniqueRedisPrefix("pubsub"), uniqueRedisPrefix("pubsub")];
    const listener = instance(ours);
    const events = collect(listener.subscribe("topic:suggested"));
    const marker = first(listener.subscribe("topic:statusChanged"));
    const markerArrived = marker.next();
    await waitForRedisSubscribers(`${ours}topic:suggested`, 1);
    await waitForRedisSubscribers(`${ours}topic:statusChanged`, 1);
    instance(theirs).publish("topic:suggested", { topicId: "theirs" });
    const publisher = instance(ours);
    publisher.publish("topic:statusChanged", { topicId: "t1", fromStatus: "OPEN", toStatus: "PLANNED" } as never);
    await markerArrived;
    await Promise.all([events.stop(), marker.stop()]);
    expect(events.values).toEqual([]);
  });

  it("survives an unreachable Redis: publishing neither throws nor crashes, and close returns", async () => {
    const errors: string[] = [];
    const pubsub = createSprosPubSub({
      redis: { url: "redis://127.0.0.1:1", prefix: uniqueRedisPrefix("down"), logger: { info: () => {}, error: (message) => errors.push(message) } },
    });
    const events = pubsub.subscribe("topic:suggested")[Symbol.asyncIterator]();
    void events.next();
    expect(() => pubsub.publish("topic:suggested", { topicId: "t1" })).not.toThrow();
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    await events.return?.();
    await pubsub.close();
  });

  it("carries events again after its Redis connections dropped: ioredis reconnects and re-subscribes", async () => {
    const redisPort = Number(new URL(TEST_REDIS_URL).port || 6379);
    const network = await startFailoverProxy([redisPort]);
    try {
      const prefix = uniqueRedisPrefix("pubsub");
      const channel = `${prefix}topic:suggested`;
      const viaNetwork = `redis://127.0.0.1:${network.port}`;
      const [one, two] = [instance(prefix, viaNetwork), instance(prefix, viaNetwork)];
      const events = collect(two.subscribe("topic:suggested"));
      await waitForRedisSubscribers(channel, 1);
      one.publish("topic:suggested", { topicId: "before" });
      await expect.poll(() => events.values).toEqual([{ topicId: "before" }]);

      network.holdNewConnections();
      network.dropConnections();
      await expect.poll(() => redisSubscriberCount(channel)).toBe(0);
      // Neither throws nor crashes while Redis is out of reach (whether it arrives later is not promised).
      expect(() => one.publish("topic:suggested", { topicId: "during" })).not.toThrow();

      network.release();
      await waitForRedisSubscribers(channel, 1);
      one.publish("topic:suggested", { topicId: "after" });
      await expect.poll(() => events.values).toContainEqual({ topicId: "after" });
      await events.stop();
    } finally {
      await Promise.all(open.splice(0).map((pubsub) => pubsub.close()));
      await network.close();
    }
  });
});

async function redisSubscriberCount(channel: string): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const [, count] = (await redis.pubsub("NUMSUB", channel)) as [string, number];
    return Number(count);
  } finally {
    redis.disconnect();
  }
}
