import { createHistogram, performance, type RecordableHistogram } from "node:perf_hooks";
import { VOTE } from "../../../app/lib/documents";
import { GraphQLHttpClient } from "./load";
import type { LiveWorld } from "./live-seed";

export const globalTopicId = (id: string) => Buffer.from(`Topic:${id}`).toString("base64");

export type DriveResult = {
  rate: number;
  seconds: number;
  /** Votes sent / answered inside the measured window. */
  sent: number;
  completed: number;
  achievedPerSecond: number;
  /** Sends the schedule asked for but skipped because maxInFlight votes were already waiting. */
  skipped: number;
  errors: number;
  firstError?: string;
  /** Vote request latency (µs) of votes sent inside the window. */
  latency: RecordableHistogram;
};

/**
 * Casts votes at a fixed open-loop rate over a pool of keep-alive HTTP connections: the schedule
 * does not wait for answers, so a slow server shows as growing latency and, past `maxInFlight`
 * waiting votes, as skipped sends (the achieved rate says what really went through). Every vote is
 * a new staff × topic pair (never an unvote), so each topic's voteCount only grows and the count
 * an event carries names the vote that made it: its send time goes into `ring` first.
 */
export class VoteDriver {
  private readonly client: GraphQLHttpClient;
  private readonly topicGlobalIds: string[];
  private readonly expected: number[];
  private cursor = 0;

  constructor(
    graphqlUrl: string,
    private readonly world: LiveWorld,
    private readonly staffCookies: string[],
    private readonly ring: Float64Array,
    private readonly ringSize: number,
    private readonly options: { sockets: number; maxInFlight: number },
  ) {
    this.client = new GraphQLHttpClient(graphqlUrl, options.sockets);
    this.topicGlobalIds = world.topicIds.map(globalTopicId);
    this.expected = world.topicIds.map(() => 0);
  }

  /** The current voteCount of every topic (read from the database before a run). */
  setCounts(counts: Map<string, number>) {
    this.world.topicIds.forEach((id, index) => (this.expected[index] = counts.get(id) ?? 0));
    this.ring.fill(0);
  }

  get remaining() {
    return this.world.unvoted.length - this.cursor;
  }

  /** One vote; resolves when answered, rejects on any error. */
  async vote(): Promise<void> {
    if (this.cursor >= this.world.unvoted.length) throw new Error("no staff × topic pair left to vote (lower the rate or duration)");
    const pair = this.world.unvoted[this.cursor++];
    const topics = this.world.topicIds.length;
    const staff = Math.floor(pair / topics);
    const topic = pair % topics;
    const count = ++this.expected[topic];
    this.ring[topic * this.ringSize + (count % this.ringSize)] = Date.now();
    const result = await this.client.request(VOTE, { topicId: this.topicGlobalIds[topic] }, this.staffCookies[staff]);
    const payload = result.data?.vote;
    if (payload?.__typename !== "MutationVoteSuccess") {
      throw new Error(`unexpected vote answer: ${JSON.stringify(result).slice(0, 300)}`);
    }
  }

  /** Open loop at `rate` votes/s for warmupMs + durationMs; the hooks mark the measured window. */
  async run(rate: number, warmupMs: number, durationMs: number, hooks: { onWindowStart: () => Promise<void>; onWindowEnd: () => Promise<void> }): Promise<DriveResult> {
    const latency = createHistogram({ lowest: 1, highest: 600_000_000, figures: 3 });
    const result: DriveResult = { rate, seconds: durationMs / 1000, sent: 0, completed: 0, achievedPerSecond: 0, skipped: 0, errors: 0, latency };
    const start = performance.now();
    const windowFrom = start + warmupMs;
    const windowTo = windowFrom + durationMs;
    let scheduled = 0;
    let inFlight = 0;
    const inFlightDone: Array<() => void> = [];

    const send = () => {
      const began = performance.now();
      const inWindow = began >= windowFrom && began < windowTo;
      if (inWindow) result.sent++;
      inFlight++;
      this.vote().then(
        () => {
          const ended = performance.now();
          if (ended >= windowFrom && ended < windowTo) result.completed++;
          if (inWindow) latency.record(Math.max(1, Math.round((ended - began) * 1000)));
        },
        (error) => {
          result.errors++;
          result.firstError ??= (error as Error).message;
        },
      ).finally(() => {
        inFlight--;
        if (inFlight === 0) for (const wake of inFlightDone.splice(0)) wake();
      });
    };

    let windowOpened: Promise<void> | undefined;
    let windowClosed: Promise<void> | undefined;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        if (!windowOpened && now >= windowFrom) windowOpened = hooks.onWindowStart();
        if (now >= windowTo) {
          windowClosed = hooks.onWindowEnd();
          resolve();
          return;
        }
        const due = Math.floor((rate * (now - start)) / 1000);
        while (scheduled < due) {
          scheduled++;
          if (inFlight >= this.options.maxInFlight) {
            if (now >= windowFrom) result.skipped++;
          } else send();
        }
        setTimeout(tick, 2);
      };
      tick();
    });
    await windowOpened;
    await windowClosed;
    if (inFlight > 0) await Promise.race([new Promise<void>((resolve) => inFlightDone.push(resolve)), new Promise((resolve) => setTimeout(resolve, 30_000))]);
    result.achievedPerSecond = result.completed / result.seconds;
    return result;
  }

  close() {
    this.client.close();
  }
}
