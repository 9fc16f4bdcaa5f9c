import { createPubSub } from "graphql-yoga";
import { afterEach, describe, expect, it, vi } from "vitest";
import { throttleLatest } from "../../graphql/throttle";

afterEach(() => {
  vi.useRealTimers();
});

describe("throttleLatest", () => {
  it("passes the first event at once, then only the latest of a burst once per interval", async () => {
    vi.useFakeTimers();
    const pubsub = createPubSub<{ tick: [number] }>();
    const events = throttleLatest(pubsub.subscribe("tick"), 500);
    const first = events.next();
    await vi.advanceTimersByTimeAsync(0);
    pubsub.publish("tick", 1);
    expect(await first).toEqual({ value: 1, done: false });

    const second = events.next();
    for (let i = 2; i <= 1000; i++) pubsub.publish("tick", i);
    await vi.advanceTimersByTimeAsync(499);
    let settled = false;
    void second.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await second).toEqual({ value: 1000, done: false });
    await events.return!();
  });

  it("emits nothing while no event arrives, and an event after a quiet spell at once", async () => {
    vi.useFakeTimers();
    const pubsub = createPubSub<{ tick: [number] }>();
    const events = throttleLatest(pubsub.subscribe("tick"), 200);
    const next = events.next();
    let settled = false;
    void next.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(settled).toBe(false);
    pubsub.publish("tick", 7);
    await vi.advanceTimersByTimeAsync(0);
    expect(await next).toEqual({ value: 7, done: false });
    await events.return!();
  });

  it("closing it ends a pending next() and closes the source", async () => {
    let sourceClosed = false;
    let delivered = false;
    const source: AsyncIterableIterator<number> = {
      [Symbol.asyncIterator]() { return this; },
      next: () => (delivered ? new Promise(() => {}) : ((delivered = true), Promise.resolve({ value: 1, done: false }))),
      return: async () => ((sourceClosed = true), { value: undefined, done: true }),
    };
    const events = throttleLatest(source, 100);
    expect(await events.next()).toEqual({ value: 1, done: false });
    const pending = events.next();
    await events.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(await events.next()).toEqual({ value: undefined, done: true });
    expect(sourceClosed).toBe(true);
  });

  it("delivers the last event of a source that ends, then ends", async () => {
    const events = throttleLatest((async function* () { yield "a"; yield "b"; yield "c"; })(), 50);
    const seen: string[] = [];
    for await (const value of events) seen.push(value);
    expect(seen[0]).toBe("a");
    expect(seen.at(-1)).toBe("c");
    expect(seen.length).toBeLessThanOrEqual(2);
  });
});
