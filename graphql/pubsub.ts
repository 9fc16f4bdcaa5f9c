import { setMaxListeners } from "node:events";
import { createPubSub } from "graphql-yoga";
import type { DashboardPulsePayload } from "../domain/dashboard/pulse";
import type { TopicStatus } from "../prisma/generated/enums";

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
  /** The dashboard's heartbeat, computed once per tick for every subscriber (graphql/dashboard-pulse.ts). */
  "dashboard:pulse": [DashboardPulsePayload];
  /** Any session was approved, moved or cancelled: bookable lists refresh. */
  "session:published": [{ sessionId: string }];
  /** Routed by run id: progress of a scheduler run, and its status changes. */
  "planningRun:changed": [runId: string, { runId: string }];
  /** A run was queued: this process's planning runner claims it without waiting for its poll. */
  "planningRun:queued": [{ runId: string }];
};

export type SessionSeatsChange = { sessionId: string; seatsTaken: number; waitlisted: number; capacity: number };

const SEATS_CHANGED_PREFIX = "session:seatsChanged:";

/** Re-dispatches each routed seat change unrouted as "session:anySeatsChanged" as well. */
class SprosEventTarget extends EventTarget {
  override dispatchEvent(event: Event): boolean {
    const delivered = super.dispatchEvent(event);
    if (event.type.startsWith(SEATS_CHANGED_PREFIX)) {
      super.dispatchEvent(new CustomEvent("session:anySeatsChanged", { detail: (event as CustomEvent).detail }));
    }
    return delivered;
  }
}

/** Every subscription adds a listener: thousands of dashboards or topic pages are normal, not a leak. */
const MAX_SUBSCRIBERS_PER_EVENT = 100_000;

export function createSprosPubSub() {
  const eventTarget = new SprosEventTarget();
  setMaxListeners(MAX_SUBSCRIBERS_PER_EVENT, eventTarget);
  return createPubSub<SprosEvents>({ eventTarget: eventTarget as never });
}

export type SprosPubSub = ReturnType<typeof createSprosPubSub>;
