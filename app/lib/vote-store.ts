import { useSyncExternalStore } from "react";

/**
 * Live vote state that is newer than the page's loader data: counts pushed by the
 * `topicVoteChanged` subscription and the viewer's own (optimistic) votes. Lives only in the
 * browser; the server always renders the loader's values.
 */
export type VoteState = { voteCount: number; viewerHasVoted: boolean };

const overrides = new Map<string, Partial<VoteState>>();
const liveEvents = new Map<string, number>();
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export const voteStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  get(topicId: string): Partial<VoteState> | undefined {
    return overrides.get(topicId);
  },
  patch(topicId: string, patch: Partial<VoteState>) {
    overrides.set(topicId, { ...overrides.get(topicId), ...patch });
    emit();
  },
  /** A count pushed by the subscription: events arrive in order, so they are the latest truth. */
  live(topicId: string, voteCount: number) {
    liveEvents.set(topicId, (liveEvents.get(topicId) ?? 0) + 1);
    this.patch(topicId, { voteCount });
  },
  /** How many live events this topic has had; lets a mutation tell whether its answer is stale. */
  liveVersion(topicId: string): number {
    return liveEvents.get(topicId) ?? 0;
  },
  /** Loader data just arrived for this topic: it is at least as new as what we hold. */
  forget(topicId: string) {
    if (overrides.delete(topicId)) emit();
  },
};

/** The topic's current votes: the loader's values, overlaid with anything newer seen live. */
export function useVoteState(topicId: string, fromLoader: VoteState): VoteState {
  const override = useSyncExternalStore(
    voteStore.subscribe,
    () => voteStore.get(topicId),
    () => undefined,
  );
  return { ...fromLoader, ...override };
}

/** Topics suggested by colleagues since the list was last loaded. */
let suggested: ReadonlyArray<{ id: string; title: string }> = [];
const suggestedListeners = new Set<() => void>();

export const suggestedStore = {
  subscribe(listener: () => void) {
    suggestedListeners.add(listener);
    return () => {
      suggestedListeners.delete(listener);
    };
  },
  get: () => suggested,
  add(topic: { id: string; title: string }) {
    if (suggested.some((t) => t.id === topic.id)) return;
    suggested = [...suggested, topic];
    for (const listener of suggestedListeners) listener();
  },
  clear() {
    if (suggested.length === 0) return;
    suggested = [];
    for (const listener of suggestedListeners) listener();
  },
};

const NONE: ReadonlyArray<{ id: string; title: string }> = [];
export function useSuggestedTopics() {
  return useSyncExternalStore(suggestedStore.subscribe, suggestedStore.get, () => NONE);
}
