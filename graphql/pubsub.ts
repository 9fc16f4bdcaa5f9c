import { createPubSub } from "graphql-yoga";

/**
 * The typed event map of everything the API streams. Publish only after the writing transaction
 * has committed, so a subscriber that reacts by reading the database sees the new state.
 */
export type TopicVoteChange = { topicId: string; voteCount: number };

export type SprosEvents = {
  "topic:voteChanged": [TopicVoteChange];
  "topic:suggested": [{ topicId: string }];
};

export function createSprosPubSub() {
  return createPubSub<SprosEvents>();
}

export type SprosPubSub = ReturnType<typeof createSprosPubSub>;
