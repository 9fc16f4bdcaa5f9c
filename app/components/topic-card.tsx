import { Link, useSearchParams } from "@remix-run/react";
import { useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import { StatusBadge, StatusDetails, TopicTags } from "~/components/topic-meta";
import { VoteControl } from "~/components/vote-control";
import { contentLang } from "~/lib/content-lang";
import type { TopicSummary } from "~/lib/documents";
import { statusStore, useTopicStatus } from "~/lib/status-store";
import { topicAnchor, topicPath } from "~/lib/topic-path";

export function TopicCard({ topic: fromLoader }: { topic: TopicSummary }) {
  // Status changes seen live (badge, reason, vote button); fresh loader data replaces them.
  const topic = useTopicStatus(fromLoader);
  useEffect(() => statusStore.forget(fromLoader.id), [fromLoader.id, fromLoader.status]);
  const headingId = useId();
  const { t, i18n } = useTranslation();
  const lang = contentLang(topic.title + topic.description, i18n.language);
  const [params] = useSearchParams();
  const trend = params.get("sort") === "trending" ? topic.votesLast7Days : undefined;
  return (
    <article className="topic-card" id={topicAnchor(topic.id)} aria-labelledby={headingId} data-topic-id={topic.id}>
      <div className="topic-card__body">
        <StatusBadge status={topic.status} />
        <h2 className="topic-card__title" id={headingId} lang={lang}>
          <Link to={topicPath(topic.id)}>{topic.title}</Link>
        </h2>
        <p className="topic-card__excerpt" lang={lang}>{topic.description}</p>
        <StatusDetails status={topic.status} rejectionReason={topic.rejectionReason} mergedInto={topic.mergedInto} compact />
        <TopicTags block={topic.block} format={topic.format} durationMinutes={topic.durationMinutes} />
        {trend ? <p className="topic-card__trend muted">{t("myTopics.trend", { count: trend })}</p> : null}
      </div>
      <VoteControl topic={topic} />
    </article>
  );
}
