import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useClient } from "urql";
import {
  TOPIC_SUGGESTED,
  TOPIC_VOTE_CHANGED,
  type TopicSuggestedData,
  type TopicVoteChangedData,
} from "~/lib/documents";
import { onReconnect } from "~/lib/urql-client";
import { suggestedStore, voteStore } from "~/lib/vote-store";

/**
 * Keeps every open page live while someone is signed in: vote counts from `topicVoteChanged`,
 * new topics from `topicSuggested`. After a reconnect the page's data is reloaded, since events
 * sent while the socket was down are lost.
 */
export function LiveUpdates({ enabled }: { enabled: boolean }) {
  const client = useClient();
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  useEffect(() => {
    if (!enabled) return;
    const votes = client
      .subscription<TopicVoteChangedData>(TOPIC_VOTE_CHANGED, {})
      .subscribe((result) => {
        const change = result.data?.topicVoteChanged;
        if (change) voteStore.live(change.topicId, change.voteCount);
      });
    const suggestions = client
      .subscription<TopicSuggestedData>(TOPIC_SUGGESTED, {})
      .subscribe((result) => {
        const topic = result.data?.topicSuggested;
        if (topic) suggestedStore.add(topic);
      });
    const stopListening = onReconnect(() => revalidate.current());
    return () => {
      votes.unsubscribe();
      suggestions.unsubscribe();
      stopListening();
    };
  }, [enabled, client]);

  return null;
}
