import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { useAnnounce } from "~/components/announcer";
import {
  SIMILAR_TOPICS,
  UNVOTE,
  VOTE,
  VOTABLE_STATUSES,
  type SimilarTopicData,
  type SimilarTopicsData,
  type UnvoteData,
  type VoteData,
} from "~/lib/documents";
import { topicPath } from "~/lib/topic-path";
import { useVoteState, voteStore } from "~/lib/vote-store";

export const SIMILAR_MIN_LENGTH = 3;
const DEBOUNCE_MS = 250;

/**
 * Duplicate hints while a title is typed: after a 250 ms pause and from three characters, the API's
 * pg_trgm search; the heading sits in a polite live region so the hint is announced once. Each
 * topic has a link and a vote button (a plain button: this lives inside the suggest form).
 */
export function SimilarTopicsHint({ title }: { title: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [results, setResults] = useState<SimilarTopicData[]>([]);

  useEffect(() => {
    const draft = title.trim();
    if (draft.length < SIMILAR_MIN_LENGTH) {
      setResults([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await client.query<SimilarTopicsData>(SIMILAR_TOPICS, { title: draft.slice(0, 200), first: 5 }).toPromise();
      if (cancelled) return;
      const payload = result.data?.similarTopics;
      setResults(payload && payload.__typename === "QuerySimilarTopicsSuccess" ? payload.data : []);
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [title, client]);

  return (
    <div className={`similar${results.length ? " similar--shown" : ""}`} data-testid="similar-topics">
      <p className="similar__title" aria-live="polite" id="similar-title">
        {results.length ? t("similar.title") : ""}
      </p>
      {results.length ? (
        <ul className="similar__list" aria-labelledby="similar-title">
          {results.map(({ topic }) => (
            <li key={topic.id} className="similar__item">
              <Link to={topicPath(topic.id)} className="similar__link" target="_blank" rel="noopener">
                {topic.title}
              </Link>
              <SimilarVote topic={topic} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function SimilarVote({ topic }: { topic: SimilarTopicData["topic"] }) {
  const { t } = useTranslation();
  const client = useClient();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const { voteCount, viewerHasVoted } = useVoteState(topic.id, topic);
  if (!VOTABLE_STATUSES.has(topic.status)) {
    return <span className="similar__count muted">{t("votes.count", { count: voteCount })}</span>;
  }

  async function toggle() {
    if (busy) return;
    setBusy(true);
    const next = !viewerHasVoted;
    try {
      const result = next
        ? await client.mutation<VoteData>(VOTE, { topicId: topic.id }).toPromise()
        : await client.mutation<UnvoteData>(UNVOTE, { topicId: topic.id }).toPromise();
      const payload = result.data ? ("vote" in result.data ? result.data.vote : result.data.unvote) : undefined;
      if (!payload || !("data" in payload)) throw new Error(result.error?.message ?? "vote failed");
      voteStore.patch(topic.id, { voteCount: payload.data.voteCount, viewerHasVoted: payload.data.viewerHasVoted });
      const votes = t("votes.count", { count: payload.data.voteCount });
      announce(
        payload.data.viewerHasVoted
          ? t("votes.announceVoted", { title: topic.title, votes })
          : t("votes.announceUnvoted", { title: topic.title, votes }),
      );
    } catch (error) {
      console.error(error);
      announce(t("votes.announceFailed", { title: topic.title }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="similar__vote">
      <span className="similar__count" data-testid="similar-vote-count" data-count={voteCount}>
        {t("votes.count", { count: voteCount })}
      </span>
      <button
        type="button"
        className={`button ${viewerHasVoted ? "button--secondary" : "button--accent"} similar__button`}
        aria-pressed={viewerHasVoted}
        aria-disabled={busy || undefined}
        onClick={toggle}
      >
        {viewerHasVoted ? t("similar.supported") : t("similar.support")}
        <span className="visually-hidden"> {t("similar.supportTopic", { title: topic.title })}</span>
      </button>
    </span>
  );
}
