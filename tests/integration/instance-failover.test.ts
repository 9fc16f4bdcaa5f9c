import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import { ApiClient, type ApiEndpoint } from "./helpers/api-server";
import { startAppInstance, type AppInstance } from "./helpers/app-instance";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startFailoverProxy, type FailoverProxy } from "./helpers/failover-proxy";
import { TEST_REDIS_URL, uniqueRedisPrefix, waitForRedisClientsGone, waitForRedisSubscribers } from "./helpers/redis";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

/**
 * A fault drill: two instances behind a load balancer, the one a live client is connected to dies
 * (SIGKILL: no goodbye). The client must find the other instance by itself, catch up with what it
 * missed by re-querying (graphql-ws does not replay events), and receive live events again.
 */
let db: TestDatabase;
let one: AppInstance;
let two: AppInstance;
let proxy: FailoverProxy;
const prefix = uniqueRedisPrefix("failover");
const clients: Client[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  [one, two] = await Promise.all(
    ["one", "two"].map((name) => startAppInstance({ name, databaseUrl: db.url, redisUrl: TEST_REDIS_URL, redisPrefix: prefix })),
  );
  proxy = await startFailoverProxy([one.port, two.port]);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await proxy?.close();
  await Promise.all([one?.close(), two?.close()]);
  await db?.drop();
});

const VOTE = `mutation($topicId: ID!) { vote(topicId: $topicId) { __typename ... on MutationVoteSuccess { data { voteCount } } } }`;

it("reconnects a live client to the surviving instance, which re-syncs and streams again", async () => {
  const [watcher, ...voters] = await createUsers(db.prisma, 5, { prefix: "failover" });
  const [topic] = await createTopics(db.prisma, watcher.id, ["Тема для учений"]);
  const topicId = Buffer.from(`Topic:${topic.id}`).toString("base64");
  const viaProxy: ApiEndpoint = { url: proxy.url, graphqlUrl: `${proxy.url}/graphql`, close: async () => {} };
  const watcherHttp = await new ApiClient(viaProxy).signIn(watcher.email, TEST_PASSWORD);
  // Signed in up front: once instance one is gone, each vote is a single request.
  const voterClients = await Promise.all(voters.map((voter) => new ApiClient(viaProxy).signIn(voter.email, TEST_PASSWORD)));
  const vote = async (index: number, client = voterClients[index]) => (await client.request(VOTE, { topicId })).data.vote.data.voteCount as number;
  const onTwoDirectly = (index: number) => Object.assign(new ApiClient(two), { cookie: voterClients[index].cookie });

  // Configured as the web app's client (app/lib/urql-client.ts): retry forever, whatever closed it.
  const live = watchVotes(proxy.url, watcherHttp.cookie!);
  await within(live.connected, 5000, "connection");
  expect(proxy.routedTo.at(-1)).toBe(one.port);
  await waitForRedisSubscribers(`${prefix}topic:voteChanged`, 1);
  expect(await vote(0)).toBe(1);
  await live.events.waitFor(1);

  // While the balancer holds new connections, the watcher cannot be back: what others vote now
  // (straight on instance two) it can only learn by re-syncing.
  proxy.holdNewConnections();
  await one.kill();
  await within(live.closed, 5000, "close");
  expect(await vote(1, onTwoDirectly(1))).toBe(2);
  expect(await vote(2, onTwoDirectly(2))).toBe(3);
  expect(live.reconnects).toBe(0);
  proxy.release();

  // By itself, within a few seconds: graphql-ws' first retry waits 1.3–4 s.
  await within(live.reconnected, 10_000, "reconnection");
  expect(live.reconnects).toBe(1);
  expect(proxy.routedTo.at(-1)).toBe(two.port);
  // Re-sync: what it missed is in the database, and the re-query shows it.
  const resynced = await watcherHttp.request(`query($id: ID!) { node(id: $id) { ... on Topic { voteCount } } }`, { id: topicId });
  expect(resynced.data.node.voteCount).toBe(3);

  // Live again: graphql-ws re-subscribed on the new connection, and instance two subscribed on Redis.
  await waitForRedisClientsGone(one.process.pid!);
  await waitForRedisSubscribers(`${prefix}topic:voteChanged`, 1);
  expect(await vote(3)).toBe(4);
  await live.events.waitFor(2);
  expect(live.events.values).toEqual([{ topicId, voteCount: 1 }, { topicId, voteCount: 4 }]);
});

/** A graphql-ws subscription to vote changes with the web app's retry policy, and what happens to it. */
function watchVotes(baseUrl: string, cookie: string) {
  const values: unknown[] = [];
  const valueWaiters: Array<() => void> = [];
  const state = { reconnects: 0 };
  const connected = deferred();
  const closed = deferred();
  const reconnected = deferred();
  const client = createClient({
    url: `${baseUrl.replace(/^http/, "ws")}/graphql`,
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie } });
      }
    },
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) state.reconnects++;
        (wasRetry ? reconnected : connected).resolve();
      },
      closed: () => closed.resolve(),
    },
  });
  clients.push(client);
  client.subscribe(
    { query: "subscription { topicVoteChanged { topicId voteCount } }" },
    {
      next: (value) => (values.push(value.data?.topicVoteChanged ?? value), valueWaiters.splice(0).forEach((wake) => wake())),
      error: (error) => values.push({ error }),
      complete: () => {},
    },
  );
  return {
    get reconnects() {
      return state.reconnects;
    },
    connected: connected.promise,
    /** The first time the connection closed. */
    closed: closed.promise,
    reconnected: reconnected.promise,
    events: {
      values,
      async waitFor(count: number, timeoutMs = 5000) {
        while (values.length < count) await within(new Promise<void>((wake) => valueWaiters.push(wake)), timeoutMs, `event ${count}`);
      },
    },
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
