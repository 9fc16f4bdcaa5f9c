import { setMaxListeners } from "node:events";
import { createPubSub } from "graphql-yoga";
import type { DashboardPulsePayload } from "../domain/dashboard/pulse";
import type { TopicStatus } from "../prisma/generated/enums";
import { createClusterEventTarget, type RedisEventTargetOptions } from "./redis-event-target";

/**
 * The typed event map of everything the API streams. Publish only after the writing transaction
 * has committed, so a subscriber that reacts by reading the database sees the new state.
 */
export type TopicVoteChange = {
  topicId: string;
  voteCount: number;
  /** When the change committed (the dashboard pulse reports the newest it covers). */
  at?: Date;
};

export type TopicStatusChangeEvent = { topicId: string; fromStatus: TopicStatus; toStatus: TopicStatus };

export type SprosEvents = {
  "topic:voteChanged": [TopicVoteChange];
  "topic:suggested": [{ topicId: string }];
  "topic:statusChanged": [TopicStatusChangeEvent];
  /** Routed by topic id: only that topic's subscribers are woken. */
  "topic:commentAdded": [topicId: string, { commentId: string }];
  "topic:commentDeleted": [topicId: string, { commentId: string }];
  /** Routed by topic id: who can come when may have changed (votes, availability, narrowing). */
  "topic:demandChanged": [topicId: string, { topicId: string }];
  /** Routed by recipient user id: a viewer only ever subscribes to their own id. */
  "notification:added": [userId: string, { notificationId: string }];
  /** Routed by session id: seats taken and waitlist length after a booking change. */
  "session:seatsChanged": [sessionId: string, SessionSeatsChange];
  /** Every "session:seatsChanged", whatever the session (dispatched by the pubsub itself; the dashboard follows all sessions). */
  "session:anySeatsChanged": [SessionSeatsChange];
  /** The dashboard's heartbeat, computed once per tick in each instance for its own subscribers (graphql/dashboard-pulse.ts); never leaves the process. */
  "dashboard:pulse": [DashboardPulsePayload];
  /** Any session was approved, moved or cancelled: bookable lists refresh. */
  "session:published": [{ sessionId: string }];
  /** Routed by run id: progress of a scheduler run, and its status changes. */
  "planningRun:changed": [runId: string, { runId: string }];
  /** A run was queued: every instance's planning runner tries to claim it without waiting for its poll. */
  "planningRun:queued": [{ runId: string }];
  /** A user's name, role, locale or session version changed: every instance drops its cached sessions (graphql/services.ts). */
  "viewer:forget": [{ userId: string }];
};

export type SessionSeatsChange = { sessionId: string; seatsTaken: number; waitlisted: number; capacity: number };

const SEATS_CHANGED_PREFIX = "session:seatsChanged:";
const ANY_SEATS_CHANGED = "session:anySeatsChanged";

/** Each instance computes its own pulse from the events it hears, so the pulse itself is not shared. */
const PROCESS_LOCAL_EVENTS: ReadonlySet<string> = new Set(["dashboard:pulse"] satisfies Array<keyof SprosEvents>);

/** Re-dispatches each routed seat change unrouted as "session:anySeatsChanged" as well. */
class SprosEventTarget extends EventTarget {
  override dispatchEvent(event: Event): boolean {
    const delivered = super.dispatchEvent(event);
    if (event.type.startsWith(SEATS_CHANGED_PREFIX)) {
      super.dispatchEvent(new CustomEvent(ANY_SEATS_CHANGED, { detail: (event as CustomEvent).detail }));
    }
    return delivered;
  }
}

/** Every subscription adds a listener: thousands of dashboards or topic pages are normal, not a leak. */
const MAX_SUBSCRIBERS_PER_EVENT = 100_000;

export type SprosPubSubOptions = {
  /** Events travel between the instances sharing this Redis; without it they stay in this process. */
  redis?: Omit<RedisEventTargetOptions, "localTypes" | "alsoPublishAs">;
};

/**
 * In-process by default. With Redis, every event except the per-process ones reaches every
 * instance once, and a seat change is also published as "session:anySeatsChanged" by the
 * instance that made it (so each instance hears that exactly once, too).
 */
export function createSprosPubSub(options: SprosPubSubOptions = {}) {
  if (!options.redis) {
    const eventTarget = new SprosEventTarget();
    setMaxListeners(MAX_SUBSCRIBERS_PER_EVENT, eventTarget);
    return Object.assign(createPubSub<SprosEvents>({ eventTarget: eventTarget as never }), { close: async () => {} });
  }
  const cluster = createClusterEventTarget({
    ...options.redis,
    localTypes: PROCESS_LOCAL_EVENTS,
    alsoPublishAs: (type) => (type.startsWith(SEATS_CHANGED_PREFIX) ? [ANY_SEATS_CHANGED] : []),
  });
  return Object.assign(createPubSub<SprosEvents>({ eventTarget: cluster.eventTarget as never }), { close: cluster.close });
}

export type SprosPubSub = ReturnType<typeof createSprosPubSub>;
