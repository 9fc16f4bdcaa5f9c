import { computePulseFigures, type DashboardPulsePayload } from "../domain/dashboard/pulse";
import type { PrismaClient } from "../prisma/client";
import { builder } from "./builder";
import type { GraphQLContext } from "./context";
import { DashboardHeadlineRef, TopicDemandRowRef } from "./dashboard";
import type { SprosEvents, SprosPubSub } from "./pubsub";
import { SHARED_EXECUTION, type SharedExecution } from "./shared-subscriptions";

/** At most one pulse per this many milliseconds while changes arrive (leading and trailing edge). */
export const PULSE_INTERVAL_MS = 500;

/** The events after which demand, bookings or topic counts may have moved. */
const SOURCES = ["topic:voteChanged", "topic:suggested", "topic:statusChanged", "session:anySeatsChanged", "session:published"] as const;
type SourceEvent = SprosEvents[(typeof SOURCES)[number]][0];

/**
 * The dashboard's heartbeat, one per server process (per pubsub). While at least one client
 * subscribes it listens to the demand events and, at most every PULSE_INTERVAL_MS, computes the
 * unfiltered headline and top topics once and publishes them to every subscriber: the first change
 * after a quiet spell at once, the rest of a burst in one trailing pulse. Without subscribers it
 * listens to nothing and computes nothing.
 */
export class DashboardPulse {
  private subscribers = 0;
  private sources: Array<AsyncIterator<SourceEvent>> = [];
  private dirty = false;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastStart = -Infinity;
  private latestChangeAt: Date | null = null;
  private sequence = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly pubsub: SprosPubSub,
    private readonly intervalMs = PULSE_INTERVAL_MS,
  ) {}

  /** A subscriber's stream of pulses; closing it lets the pulse go idle when it was the last. */
  subscribe(): AsyncIterableIterator<DashboardPulsePayload> {
    const source = this.pubsub.subscribe("dashboard:pulse")[Symbol.asyncIterator]();
    this.retain();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.release();
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      next: async () => {
        const result = await source.next();
        if (result.done) release();
        return result;
      },
      return: async () => {
        release();
        await source.return?.();
        return { value: undefined, done: true };
      },
    };
  }

  private retain() {
    if (this.subscribers++ > 0) return;
    for (const name of SOURCES) {
      const events = (this.pubsub.subscribe as (key: string) => AsyncIterable<SourceEvent>)(name)[Symbol.asyncIterator]();
      this.sources.push(events);
      void (async () => {
        for (;;) {
          const result = await events.next();
          if (result.done) return;
          this.changed(result.value);
        }
      })();
    }
  }

  private release() {
    if (--this.subscribers > 0) return;
    for (const events of this.sources.splice(0)) void events.return?.();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
  }

  private changed(event: SourceEvent) {
    const at = "at" in event && event.at instanceof Date ? event.at : new Date();
    if (!this.latestChangeAt || at > this.latestChangeAt) this.latestChangeAt = at;
    this.dirty = true;
    this.schedule();
  }

  private schedule() {
    if (this.running || this.timer !== undefined || !this.dirty || this.subscribers === 0) return;
    const wait = this.lastStart + this.intervalMs - Date.now();
    if (wait <= 0) void this.run();
    else {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.run();
      }, wait);
    }
  }

  private async run() {
    this.running = true;
    this.dirty = false;
    this.lastStart = Date.now();
    const latestChangeAt = this.latestChangeAt;
    const asOf = new Date();
    try {
      const figures = await computePulseFigures(this.prisma, asOf);
      this.sequence += 1;
      this.pubsub.publish("dashboard:pulse", { asOf, sequence: this.sequence, latestChangeAt, ...figures });
    } catch (error) {
      // A failed read (database restarting) is retried on the next tick rather than lost.
      this.dirty = true;
      console.warn(`dashboard pulse failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}

const pulses = new WeakMap<SprosPubSub, DashboardPulse>();

/** The process's pulse: one per pubsub, created by its first subscriber. */
export function dashboardPulseOf(context: Pick<GraphQLContext, "prisma" | "pubsub">): DashboardPulse {
  let pulse = pulses.get(context.pubsub);
  if (!pulse) {
    pulse = new DashboardPulse(context.prisma, context.pubsub);
    pulses.set(context.pubsub, pulse);
  }
  return pulse;
}

const DashboardPulseRef = builder.objectRef<DashboardPulsePayload>("DashboardPulse").implement({
  fields: (t) => ({
    asOf: t.field({ type: "DateTime", resolve: (pulse) => pulse.asOf }),
    sequence: t.exposeInt("sequence", {
      description: "Monotonic per server process; lets a client (and bench:live) tell pulses apart.",
    }),
    headline: t.field({ type: DashboardHeadlineRef, description: "Unfiltered.", resolve: (pulse) => pulse.headline }),
    topTopics: t.field({
      type: [TopicDemandRowRef],
      description: "Unfiltered, first 10. Topic scalars come with the pulse; relations (author, viewerHasVoted) cost a query per subscriber.",
      resolve: (pulse) => pulse.topTopics,
    }),
    latestChangeAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "The newest vote/unvote time covered by this pulse (for delivery-latency measurement).",
      resolve: (pulse) => pulse.latestChangeAt,
    }),
  }),
});

/**
 * The pulse's fields that read nothing of the viewer: a selection of only these is executed once per
 * pulse for all its subscribers (graphql/shared-subscriptions.ts). Topic relations (author) and
 * viewer fields (viewerHasVoted) are left out on purpose: selecting them runs per subscriber.
 */
export const PULSE_SHARED_EXECUTION: SharedExecution = {
  viewerIndependent: {
    DashboardPulse: ["asOf", "sequence", "headline", "topTopics", "latestChangeAt"],
    DashboardHeadline: ["activeVoters", "votesThisWeek", "topicsOpen", "seatsBooked", "demandServedShare"],
    TopicDemandRow: ["topic", "votes", "votesLast7Days"],
    Topic: ["id", "title", "description", "audience", "block", "format", "status", "durationMinutes", "minParticipants", "maxParticipants", "voteCount", "createdAt"],
  },
};

builder.subscriptionField("dashboardPulse", (t) =>
  t.field({
    type: DashboardPulseRef,
    authScopes: { manager: true },
    extensions: { [SHARED_EXECUTION]: PULSE_SHARED_EXECUTION },
    description:
      "A heartbeat of the dashboard while votes flow: at most 2 per second, the same payload for every subscriber (computed once per tick on the server, not per subscriber). Clients re-read filtered views (throttled) when it arrives.",
    subscribe: (_root, _args, context) => dashboardPulseOf(context).subscribe(),
    resolve: (pulse) => pulse,
  }),
);
