import { createPubSub } from "graphql-yoga";
import type { TopicStatus } from "../prisma/generated/enums";

/**
 * The typed event map of everything the API streams. Publish only after the writing transaction
 * has committed, so a subscriber that reacts by reading the database sees the new state.
 */
export type TopicVoteChange = { topicId: string; voteCount: number };

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
  /** Any session was approved, moved or cancelled: bookable lists refresh. */
  "session:published": [{ sessionId: string }];
  /** Routed by run id: progress of a scheduler run, and its status changes. */
  "planningRun:changed": [runId: string, { runId: string }];
  /** A run was queued: this process's planning runner claims it without waiting for its poll. */
  "planningRun:queued": [{ runId: string }];
};

export type SessionSeatsChange = { sessionId: string; seatsTaken: number; waitlisted: number; capacity: number };

export function createSprosPubSub() {
  return createPubSub<SprosEvents>();
}

export type SprosPubSub = ReturnType<typeof createSprosPubSub>;
