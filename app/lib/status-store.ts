import { useSyncExternalStore } from "react";
import type { TopicStatus } from "~/lib/documents";

/**
 * Topic statuses seen live (`topicStatusChanged`) that are newer than the page's loader data, so
 * cards in a list change their badge, reason and vote button without a reload. Fresh loader data
 * for a topic replaces its entry. Browser only; the server renders the loader's values.
 */
export type LiveStatus = {
  status: TopicStatus;
  rejectionReason: string | null;
  mergedInto: { id: string; title: string } | null;
};

const overrides = new Map<string, LiveStatus>();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const statusStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  get: (topicId: string) => overrides.get(topicId),
  set(topicId: string, value: LiveStatus) {
    overrides.set(topicId, value);
    emit();
  },
  forget(topicId: string) {
    if (overrides.delete(topicId)) emit();
  },
};

/** The topic's status details: the loader's, overlaid with a newer live change. */
export function useTopicStatus<T extends { id: string; status: TopicStatus; rejectionReason?: string | null; mergedInto?: { id: string; title: string } | null }>(
  topic: T,
): T {
  const live = useSyncExternalStore(
    statusStore.subscribe,
    () => statusStore.get(topic.id),
    () => undefined,
  );
  return live ? { ...topic, ...live } : topic;
}
