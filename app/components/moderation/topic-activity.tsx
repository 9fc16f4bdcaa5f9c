import { useRevalidator, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { useAnnounce } from "~/components/announcer";
import { ModerationLog } from "~/components/moderation/moderation-log";
import { ModerationPanel } from "~/components/moderation/moderation-panel";
import { TopicComments } from "~/components/topic-comments";
import {
  MODERATOR_ROLES,
  TOPIC_STATUS_CHANGED,
  VOTABLE_STATUSES,
  type TopicDiscussion,
  type TopicStatusChangedData,
  type Viewer,
} from "~/lib/documents";
import { MODERATION_OUTCOMES, type ModerationOutcome } from "~/lib/moderation";

export type TopicActivityData = {
  discussion: TopicDiscussion;
  now: number;
  moderated: string | null;
  moderationError: string | null;
  commentError: string | null;
};

/** The manager's moderation panel (nothing for anyone else), beside the topic where it is found at once. */
export function TopicModeration({ topic, data }: { topic: { id: string; title: string }; data: TopicActivityData }) {
  const viewer = useRouteLoaderData<{ viewer: Viewer | null }>("root")?.viewer;
  if (!viewer || !MODERATOR_ROLES.has(viewer.role)) return null;
  const outcome = (MODERATION_OUTCOMES as readonly string[]).includes(data.moderated ?? "") ? (data.moderated as ModerationOutcome) : null;
  return <ModerationPanel topic={{ id: topic.id, title: topic.title, status: data.discussion.status }} outcome={outcome} error={data.moderationError} />;
}

/**
 * The topic page under the topic itself: the discussion and the moderation log. Follows the
 * topic's status live: a change by a manager elsewhere is announced and the page's data reloaded
 * (status, reason, log, merged link).
 */
export function TopicActivity({ topic, data }: { topic: { id: string; title: string }; data: TopicActivityData }) {
  const viewer = useRouteLoaderData<{ viewer: Viewer | null }>("root")?.viewer;
  const { discussion } = data;
  useLiveStatus(topic.id);
  return (
    <div className="topic-activity">
      <TopicComments
        topicId={topic.id}
        comments={discussion.comments.edges.map((e) => e.node)}
        totalCount={discussion.comments.totalCount}
        hasEarlier={discussion.comments.pageInfo.hasPreviousPage}
        viewerId={viewer?.id ?? ""}
        now={data.now}
        canComment={discussion.status !== "MERGED"}
        invite={VOTABLE_STATUSES.has(discussion.status)}
        error={data.commentError}
      />
      <ModerationLog entries={discussion.moderationLog} />
    </div>
  );
}

function useLiveStatus(topicId: string) {
  const client = useClient();
  const { t } = useTranslation();
  const announce = useAnnounce();
  const revalidator = useRevalidator();
  const latest = useRef({ t, announce, revalidate: revalidator.revalidate });
  latest.current = { t, announce, revalidate: revalidator.revalidate };
  useEffect(() => {
    const subscription = client
      .subscription<TopicStatusChangedData>(TOPIC_STATUS_CHANGED, { topicId })
      .subscribe((result) => {
        const change = result.data?.topicStatusChanged;
        if (!change || change.topicId !== topicId) return;
        const { t: tr, announce: say, revalidate } = latest.current;
        say(tr("statusInfo.changedLive", { status: tr(`statuses.${change.toStatus}`) }));
        revalidate();
      });
    return () => subscription.unsubscribe();
  }, [client, topicId]);
}
