import { useLocation } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { useAnnounce } from "~/components/announcer";
import { UNVOTE, VOTE, VOTABLE_STATUSES, type TopicStatus, type UnvoteData, type VoteData } from "~/lib/documents";
import { topicAnchor } from "~/lib/topic-path";
import { useVoteState, voteStore } from "~/lib/vote-store";

type Props = {
  topic: { id: string; title: string; status: TopicStatus; voteCount: number; viewerHasVoted: boolean };
  size?: "card" | "large";
};

/**
 * The vote count and the support toggle. Without JavaScript it is a form posting to /vote; with
 * JavaScript the vote goes through urql, shows at once (optimistic) and settles on the server's
 * count. Colleagues' votes arrive through the live subscription (see LiveUpdates).
 */
export function VoteControl({ topic, size = "card" }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const announce = useAnnounce();
  const location = useLocation();
  const countId = useId();
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const { voteCount, viewerHasVoted } = useVoteState(topic.id, topic);
  const votable = VOTABLE_STATUSES.has(topic.status);

  // Fresh loader data is at least as new as anything seen live.
  useEffect(() => voteStore.forget(topic.id), [topic.id, topic.voteCount, topic.viewerHasVoted]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    const before = { voteCount, viewerHasVoted };
    const next = !viewerHasVoted;
    const liveVersion = voteStore.liveVersion(topic.id);
    voteStore.patch(topic.id, { viewerHasVoted: next, voteCount: Math.max(0, voteCount + (next ? 1 : -1)) });
    try {
      const result = next
        ? await client.mutation<VoteData>(VOTE, { topicId: topic.id }).toPromise()
        : await client.mutation<UnvoteData>(UNVOTE, { topicId: topic.id }).toPromise();
      const payload = result.data ? ("vote" in result.data ? result.data.vote : result.data.unvote) : undefined;
      if (!payload || !("data" in payload)) throw new Error(result.error?.message ?? payload?.message ?? "vote failed");
      // If live events for this topic arrived meanwhile, they are newer than this answer (and the
      // event for our own vote is among them or still on its way): keep their count.
      const eventsArrived = voteStore.liveVersion(topic.id) !== liveVersion;
      voteStore.patch(
        topic.id,
        eventsArrived
          ? { viewerHasVoted: payload.data.viewerHasVoted }
          : { voteCount: payload.data.voteCount, viewerHasVoted: payload.data.viewerHasVoted },
      );
      const votes = t("votes.count", { count: payload.data.voteCount });
      announce(
        payload.data.viewerHasVoted
          ? t("votes.announceVoted", { title: topic.title, votes })
          : t("votes.announceUnvoted", { title: topic.title, votes }),
      );
    } catch (error) {
      console.error(error);
      const eventsArrived = voteStore.liveVersion(topic.id) !== liveVersion;
      voteStore.patch(topic.id, eventsArrived ? { viewerHasVoted: before.viewerHasVoted } : before);
      announce(t("votes.announceFailed", { title: topic.title }));
    } finally {
      busy.current = false;
      setPending(false);
    }
  }

  return (
    <form
      method="post"
      action="/vote"
      className={`vote vote--${size}${viewerHasVoted ? " vote--voted" : ""}`}
      onSubmit={onSubmit}
      aria-busy={pending || undefined}
    >
      <input type="hidden" name="topicId" value={topic.id} />
      <input type="hidden" name="intent" value={viewerHasVoted ? "unvote" : "vote"} />
      <input
        type="hidden"
        name="redirectTo"
        value={location.pathname + location.search + (size === "card" ? `#${topicAnchor(topic.id)}` : "")}
      />
      <p className="vote__count" id={countId} data-testid="vote-count" data-count={voteCount}>
        <span className="vote__number">{voteCount}</span>
        <span className="vote__word">{t("votes.word", { count: voteCount })}</span>
        {/* The toggle keeps one label (aria-pressed carries its state); this says it in words. */}
        {viewerHasVoted ? <span className="vote__mine">{t("votes.supported")}</span> : null}
      </p>
      {votable ? (
        <button
          type="submit"
          className="vote__button"
          aria-pressed={viewerHasVoted}
          aria-describedby={countId}
          // A pressed toggle keeps its label; the pointer's tooltip says what pressing again does.
          title={viewerHasVoted ? t("votes.withdrawHint") : undefined}
        >
          <CheckIcon checked={viewerHasVoted} />
          <span>{t("votes.support")}</span>
          <span className="visually-hidden"> {t("votes.supportTopic", { title: topic.title })}</span>
        </button>
      ) : (
        <p className="vote__closed">{t("votes.closed")}</p>
      )}
    </form>
  );
}

function CheckIcon({ checked }: { checked: boolean }) {
  return (
    <svg className="icon vote__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      {checked ? (
        <path d="M4.5 10.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <path d="M10 4.5v11M4.5 10h11" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      )}
    </svg>
  );
}
