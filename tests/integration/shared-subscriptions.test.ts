import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  GraphQLBoolean,
  GraphQLError,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  isObjectType,
  parse,
  subscribe,
} from "graphql";
import { createPubSub } from "graphql-yoga";
import { createClient, type Client } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { DASHBOARD_PULSE } from "../../app/lib/documents/dashboard";
import { PULSE_SHARED_EXECUTION } from "../../graphql/dashboard-pulse";
import { schema as sprosSchema } from "../../graphql/schema";
import { isShareable, SHARED_EXECUTION, SharedSubscriptions, type SharedExecution } from "../../graphql/shared-subscriptions";
import { collectEvents } from "./helpers/subscriptions";

// A real graphql-ws server over a small schema whose resolvers count how often they run, with
// SharedSubscriptions wrapping `subscribe` exactly as graphql/ws.ts does.

type Viewer = { name: string; role: "manager" | "staff" };
type Tick = { n: number };

const pubsub = createPubSub<{ tick: [Tick] }>();
const executions = { ticks: 0, privateTicks: 0 };
let sourcesOpen = 0;

const TickType = new GraphQLObjectType<Tick, Viewer>({
  name: "Tick",
  fields: {
    n: { type: new GraphQLNonNull(GraphQLInt) },
    label: { type: new GraphQLNonNull(GraphQLString), resolve: (tick) => `tick ${tick.n}` },
    viewerName: { type: new GraphQLNonNull(GraphQLString), resolve: (_tick, _args, viewer) => viewer.name },
  },
});

/** The manager-only stream of ticks; counts open sources so a test can see them closed. */
function managersTicks(viewer: Viewer): AsyncIterable<Tick> {
  if (viewer.role !== "manager") throw new GraphQLError("Not allowed", { extensions: { code: "FORBIDDEN" } });
  const source = pubsub.subscribe("tick")[Symbol.asyncIterator]();
  sourcesOpen++;
  let closed = false;
  const close = () => {
    if (!closed) sourcesOpen--;
    closed = true;
  };
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => source.next(),
      return: async () => {
        close();
        await source.return?.();
        return { value: undefined, done: true };
      },
    }),
  };
}

const tickField = (counter: keyof typeof executions, extensions?: Record<string, SharedExecution>) => ({
  type: TickType,
  extensions,
  subscribe: (_root: unknown, _args: unknown, viewer: Viewer) => managersTicks(viewer),
  resolve: (tick: Tick) => {
    executions[counter]++;
    return tick;
  },
});

const testSchema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLBoolean } } }),
  subscription: new GraphQLObjectType({
    name: "Subscription",
    fields: {
      ticks: tickField("ticks", { [SHARED_EXECUTION]: { viewerIndependent: { Tick: ["n", "label"] } } }),
      privateTicks: tickField("privateTicks"),
    },
  }),
});

const shared = new SharedSubscriptions();
const httpServer = http.createServer();
const wss = new WebSocketServer({ server: httpServer, path: "/graphql" });
let url = "";
/** Server-side subscriptions whose `subscribe` has answered (authorised or refused). */
let answered = 0;
const serverWaiters: Array<() => void> = [];
const serverEvent = () => serverWaiters.splice(0).forEach((wake) => wake());
const clients: Client[] = [];

beforeAll(async () => {
  useServer(
    {
      schema: testSchema,
      context: (ctx) => ctx.connectionParams as Viewer,
      subscribe: (args) => shared.subscribe(args, subscribe) as never,
      onOperation: () => {
        answered++;
        serverEvent();
      },
      onComplete: serverEvent,
      onClose: serverEvent,
    },
    wss,
  );
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await until(() => shared.openStreams().length === 0 && sourcesOpen === 0);
});

afterAll(async () => {
  for (const socket of wss.clients) socket.terminate();
  await new Promise((resolve) => wss.close(resolve));
  await new Promise((resolve) => httpServer.close(resolve));
});

/**
 * Resolves once `condition` holds, re-checked whenever the server answers a subscribe or completes
 * or closes one (and every 50 ms, for what happens just after those hooks), then lets the server
 * finish its turn.
 */
async function until(condition: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 50);
      serverWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  await new Promise((resolve) => setImmediate(resolve));
}

/** Opens one client per viewer subscribed to `query`; resolves once the server answered every one. */
async function subscribeAll(viewers: Viewer[], query: string) {
  const before = answered;
  const subscribers = viewers.map((viewer) => {
    const client = createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: viewer });
    clients.push(client);
    const { events, sink, next: received } = collectEvents();
    const unsubscribe = client.subscribe({ query }, sink);
    return { viewer, events, received, unsubscribe };
  });
  await until(() => answered >= before + viewers.length);
  return subscribers;
}

const managers = (count: number, prefix = "manager"): Viewer[] =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${i}`, role: "manager" }));

describe("shared subscription execution", () => {
  it("executes each event once for every subscriber of the same operation and hands all of them the same payload", async () => {
    const subscribers = await subscribeAll(managers(5), `subscription { ticks { n label } }`);
    expect(shared.openStreams()).toEqual([5]);
    expect(sourcesOpen).toBe(1);

    executions.ticks = 0;
    for (const n of [1, 2, 3]) pubsub.publish("tick", { n });
    const received = await Promise.all(subscribers.map((subscriber) => subscriber.received(3)));
    const expected = [1, 2, 3].map((n) => ({ data: { ticks: { n, label: `tick ${n}` } } }));
    for (const events of received) expect(events).toEqual(expected);
    expect(executions.ticks).toBe(3);
  });

  it("refuses a subscriber whose authorisation fails, without touching the shared stream", async () => {
    const [manager] = await subscribeAll(managers(1), `subscription { ticks { n } }`);
    const [intruder] = await subscribeAll([{ name: "staff 0", role: "staff" }], `subscription { ticks { n } }`);
    const [refusal] = await intruder.received(1);
    expect(refusal.errors?.[0]).toMatchObject({ message: "Not allowed", extensions: { code: "FORBIDDEN" } });
    expect(shared.openStreams()).toEqual([1]);

    pubsub.publish("tick", { n: 7 });
    expect(await manager.received(1)).toEqual([{ data: { ticks: { n: 7 } } }]);
    expect(intruder.events).toHaveLength(1);
  });

  it("keeps the others' stream when one subscriber leaves, and closes the source after the last", async () => {
    const subscribers = await subscribeAll(managers(3), `subscription { ticks { n } }`);
    const [leaver, ...stayers] = subscribers;
    leaver.unsubscribe();
    await until(() => shared.openStreams()[0] === 2);

    executions.ticks = 0;
    pubsub.publish("tick", { n: 8 });
    for (const stayer of stayers) expect(await stayer.received(1)).toEqual([{ data: { ticks: { n: 8 } } }]);
    expect(executions.ticks).toBe(1);
    expect(leaver.events).toEqual([]);

    for (const stayer of stayers) stayer.unsubscribe();
    await until(() => shared.openStreams().length === 0);
    expect(sourcesOpen).toBe(0);
  });

  it("runs per subscriber when the selection reads the viewer or the field did not opt in", async () => {
    const viewerDependent = await subscribeAll(managers(3), `subscription { ticks { n viewerName } }`);
    const notOptedIn = await subscribeAll(managers(2, "boss"), `subscription { privateTicks { n } }`);
    expect(shared.openStreams()).toEqual([]);
    expect(sourcesOpen).toBe(5);

    executions.ticks = 0;
    executions.privateTicks = 0;
    pubsub.publish("tick", { n: 9 });
    for (const subscriber of viewerDependent) {
      expect(await subscriber.received(1)).toEqual([{ data: { ticks: { n: 9, viewerName: subscriber.viewer.name } } }]);
    }
    for (const subscriber of notOptedIn) expect(await subscriber.received(1)).toEqual([{ data: { privateTicks: { n: 9 } } }]);
    expect(executions).toEqual({ ticks: 3, privateTicks: 2 });
  });

  it("keeps different variables or documents apart", async () => {
    const [plain] = await subscribeAll(managers(1), `subscription { ticks { n } }`);
    const [labelled] = await subscribeAll(managers(1), `subscription { ticks { n label } }`);
    expect(shared.openStreams().sort()).toEqual([1, 1]);
    pubsub.publish("tick", { n: 4 });
    expect(await plain.received(1)).toEqual([{ data: { ticks: { n: 4 } } }]);
    expect(await labelled.received(1)).toEqual([{ data: { ticks: { n: 4, label: "tick 4" } } }]);
  });
});

describe("dashboardPulse's shareable selection", () => {
  const BENCH_SELECTION = /* GraphQL */ `
    subscription LivePulse {
      dashboardPulse {
        asOf sequence latestChangeAt
        headline { activeVoters votesThisWeek topicsOpen seatsBooked demandServedShare }
        topTopics { topic { id title } votes votesLast7Days }
      }
    }
  `;
  const shareable = (query: string) => isShareable(sprosSchema, parse(query));

  it("shares the web dashboard's and the bench's selections, also through fragments", () => {
    expect(shareable(DASHBOARD_PULSE)).toBe(true);
    expect(shareable(BENCH_SELECTION)).toBe(true);
    expect(shareable(`subscription { dashboardPulse { __typename sequence topTopics { ...Row } } } fragment Row on TopicDemandRow { votes topic { __typename title voteCount } }`)).toBe(true);
  });

  it("does not share a selection that reads the viewer, a relation or another subscription", () => {
    expect(shareable(`subscription { dashboardPulse { topTopics { topic { id viewerHasVoted } } } }`)).toBe(false);
    expect(shareable(`subscription { dashboardPulse { topTopics { topic { author { id } } } } }`)).toBe(false);
    expect(shareable(`subscription { dashboardPulse { topTopics { ...Row } } } fragment Row on TopicDemandRow { topic { viewerHasVoted } }`)).toBe(false);
    expect(shareable(`subscription { topicVoteChanged { topicId voteCount } }`)).toBe(false);
    expect(shareable(`query { __typename }`)).toBe(false);
  });

  it("names only fields that exist in the schema", () => {
    const missing = Object.entries(PULSE_SHARED_EXECUTION.viewerIndependent).flatMap(([typeName, fields]) => {
      const type = sprosSchema.getType(typeName);
      if (!isObjectType(type)) return [typeName];
      return fields.filter((field) => !(field in type.getFields())).map((field) => `${typeName}.${field}`);
    });
    expect(missing).toEqual([]);
    expect(sprosSchema.getSubscriptionType()?.getFields().dashboardPulse.extensions[SHARED_EXECUTION]).toBe(PULSE_SHARED_EXECUTION);
  });
});
