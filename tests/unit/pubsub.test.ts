import { describe, expect, it } from "vitest";
import { eventSerializer } from "../../graphql/event-serializer";
import { createSprosPubSub } from "../../graphql/pubsub";

describe("the server's pubsub", () => {
  it("takes thousands of subscribers to one event without a listener-leak warning", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    try {
      const pubsub = createSprosPubSub();
      const subscribers = Array.from({ length: 2000 }, () => pubsub.subscribe("topic:suggested")[Symbol.asyncIterator]());
      const received = subscribers.map((subscriber) => subscriber.next());
      pubsub.publish("topic:suggested", { topicId: "t1" });
      const events = await Promise.all(received);
      expect(events.every((event) => event.value?.topicId === "t1")).toBe(true);
      await Promise.all(subscribers.map((subscriber) => subscriber.return?.()));
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain("MaxListenersExceededWarning");
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("repeats every routed seat change on the unrouted channel the dashboard follows", async () => {
    const pubsub = createSprosPubSub();
    const all = pubsub.subscribe("session:anySeatsChanged")[Symbol.asyncIterator]();
    const next = all.next();
    const change = { sessionId: "s1", seatsTaken: 3, waitlisted: 0, capacity: 20 };
    pubsub.publish("session:seatsChanged", "s1", change);
    expect((await next).value).toEqual(change);
    await all.return?.();
  });
});

describe("the serialiser events cross instances with", () => {
  it("brings Dates back as Dates, at any depth", () => {
    const at = new Date("2026-03-01T09:30:00.123Z");
    const parsed = eventSerializer.parse(eventSerializer.stringify({ topicId: "t1", voteCount: 2, at, nested: [{ at }] })) as any;
    expect(parsed).toEqual({ topicId: "t1", voteCount: 2, at, nested: [{ at }] });
    expect(parsed.at).toBeInstanceOf(Date);
    expect(parsed.nested[0].at).toBeInstanceOf(Date);
  });

  it("leaves strings, nulls and objects that merely look like a date tag alone", () => {
    const payload = { when: "2026-03-01T09:30:00.123Z", none: null, lookalike: { $date: "x", other: 1 }, count: 0 };
    expect(eventSerializer.parse(eventSerializer.stringify(payload))).toEqual(payload);
  });

  it("keeps an event without a payload empty", () => {
    expect(eventSerializer.parse(eventSerializer.stringify(null))).toBeNull();
  });
});
