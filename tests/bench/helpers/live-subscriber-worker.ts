/**
 * One worker thread of `npm run bench:live`: holds a share of the WebSocket subscribers (graphql-ws,
 * signed in by cookie) and measures what they receive, so the vote driver on the main thread and
 * the subscribers do not share an event loop. Driven by messages from live-subscribers.ts.
 *
 * - pulse mode: `dashboardPulse`; latency = receive time − the pulse's latestChangeAt (the newest
 *   vote it covers, stamped by the server after the commit); "oldest" = receive time − the previous
 *   pulse's latestChangeAt (≈ the age of the oldest vote this pulse is the first to show).
 * - perVote mode: `topicVoteChanged`; latency = receive time − the send time of the vote that made
 *   this count, which the driver writes into a shared ring per topic before sending.
 * Both clocks are Date.now() on one machine.
 */
import { monitorEventLoopDelay, createHistogram, type RecordableHistogram } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { LiveMode, WorkerCommand, WorkerData, WorkerReply, SequenceStat } from "./live-subscribers";

const data = workerData as WorkerData;
const port = parentPort!;
const reply = (message: WorkerReply) => port.postMessage(message);

export const PULSE_SUBSCRIPTION = /* GraphQL */ `
  subscription LivePulse {
    dashboardPulse {
      asOf
      sequence
      latestChangeAt
      headline { activeVoters votesThisWeek topicsOpen seatsBooked demandServedShare }
      topTopics { topic { id title } votes votesLast7Days }
    }
  }
`;
export const VOTE_SUBSCRIPTION = /* GraphQL */ `subscription LiveVotes { topicVoteChanged { topicId voteCount } }`;

type Subscriber = { client: Client; open: boolean; gotSinceArm: boolean; lastChangeAt: number };

const ring = new Float64Array(data.ring);
const topicIndex = new Map(data.topicGlobalIds.map((id, index) => [id, index]));
const subscribers: Subscriber[] = [];
const LAG_RESOLUTION_MS = 10;
/** Samples every LAG_RESOLUTION_MS; a sample is that interval plus the lag, so the interval is taken off. */
const eventLoop = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
const newHistogram = () => createHistogram({ lowest: 1, highest: 3_600_000, figures: 3 });

let measuring = false;
let latency: RecordableHistogram = newHistogram();
let oldest: RecordableHistogram = newHistogram();
let received = 0;
let unmatched = 0;
let closedInWindow = 0;
let sequences = new Map<number, SequenceStat>();
let armWaiters: Array<() => void> = [];

function onMessage(subscriber: Subscriber, mode: LiveMode, payload: any) {
  const now = Date.now();
  if (!subscriber.gotSinceArm) {
    subscriber.gotSinceArm = true;
    if (armWaiters.length && subscribers.every((s) => !s.open || s.gotSinceArm)) for (const wake of armWaiters.splice(0)) wake();
  }
  if (mode === "pulse") {
    const pulse = payload?.data?.dashboardPulse;
    if (!pulse?.latestChangeAt) return;
    const changeAt = Date.parse(pulse.latestChangeAt);
    const previous = subscriber.lastChangeAt;
    subscriber.lastChangeAt = changeAt;
    if (!measuring) return;
    received++;
    latency.record(Math.max(1, now - changeAt));
    if (previous > 0) oldest.record(Math.max(1, now - previous));
    const stat = sequences.get(pulse.sequence);
    if (stat) {
      stat.first = Math.min(stat.first, now);
      stat.last = Math.max(stat.last, now);
      stat.count++;
    } else {
      sequences.set(pulse.sequence, { sequence: pulse.sequence, first: now, last: now, count: 1, latestChangeAt: changeAt, asOf: Date.parse(pulse.asOf) });
    }
  } else {
    const change = payload?.data?.topicVoteChanged;
    if (!change || !measuring) return;
    received++;
    const topic = topicIndex.get(change.topicId);
    const sentAt = topic === undefined ? 0 : ring[topic * data.ringSize + (change.voteCount % data.ringSize)];
    if (sentAt > 0) latency.record(Math.max(1, now - sentAt));
    else unmatched++;
  }
}

function open(cookie: string, mode: LiveMode): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const client = createClient({
      url: data.url,
      lazy: false,
      retryAttempts: 0,
      keepAlive: 0,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie } });
        }
      },
      on: {
        connected: () => {
          if (settled) return;
          settled = true;
          resolve(subscriber);
        },
        closed: (event: any) => {
          if (subscriber.open && measuring) closedInWindow++;
          subscriber.open = false;
          if (!settled) {
            settled = true;
            reject(new Error(`closed before ack: ${event?.code ?? ""} ${event?.reason ?? ""}`.trim()));
          }
        },
        error: (error: any) => {
          if (!settled) {
            settled = true;
            reject(error instanceof Error ? error : new Error(String(error?.message ?? error)));
          }
        },
      },
    });
    const subscriber: Subscriber = { client, open: true, gotSinceArm: false, lastChangeAt: 0 };
    client.subscribe(
      { query: mode === "pulse" ? PULSE_SUBSCRIPTION : VOTE_SUBSCRIPTION },
      {
        next: (payload) => onMessage(subscriber, mode, payload),
        error: () => {
          subscriber.open = false;
        },
        complete: () => {
          subscriber.open = false;
        },
      },
    );
  });
}

async function connect(): Promise<WorkerReply> {
  const started = Date.now();
  let failed = 0;
  let firstError: string | undefined;
  let next = 0;
  async function lane() {
    while (next < data.cookies.length) {
      const cookie = data.cookies[next++];
      try {
        subscribers.push(await open(cookie, data.mode));
      } catch (error) {
        failed++;
        firstError ??= (error as Error).message;
      }
    }
  }
  await Promise.all(Array.from({ length: data.connectConcurrency }, lane));
  return { type: "connected", connected: subscribers.length, failed, firstError, ms: Date.now() - started };
}

async function handle(command: WorkerCommand) {
  switch (command.type) {
    case "connect":
      reply(await connect());
      break;
    case "arm":
      for (const subscriber of subscribers) subscriber.gotSinceArm = false;
      reply({ type: "armed" });
      break;
    case "await": {
      const all = () => subscribers.every((s) => !s.open || s.gotSinceArm);
      if (!all()) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, command.timeoutMs);
          armWaiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      reply({
        type: "ready",
        got: subscribers.filter((s) => s.gotSinceArm).length,
        open: subscribers.filter((s) => s.open).length,
      });
      break;
    }
    case "start":
      latency = newHistogram();
      oldest = newHistogram();
      received = 0;
      unmatched = 0;
      closedInWindow = 0;
      sequences = new Map();
      eventLoop.reset();
      eventLoop.enable();
      measuring = true;
      reply({ type: "started" });
      break;
    case "stop":
      measuring = false;
      eventLoop.disable();
      reply({
        type: "stats",
        latency,
        oldest,
        received,
        unmatched,
        closedInWindow,
        open: subscribers.filter((s) => s.open).length,
        sequences: [...sequences.values()],
        eventLoopP99Ms: eventLoop.count ? Math.max(0, eventLoop.percentile(99) / 1e6 - LAG_RESOLUTION_MS) : 0,
        eventLoopMaxMs: eventLoop.count ? Math.max(0, eventLoop.max / 1e6 - LAG_RESOLUTION_MS) : 0,
      });
      break;
    case "close":
      await Promise.all(subscribers.map((s) => s.client.dispose()));
      reply({ type: "closed" });
      break;
  }
}

port.on("message", (command: WorkerCommand) => {
  handle(command).catch((error) => reply({ type: "failed", message: (error as Error).stack ?? String(error) }));
});
