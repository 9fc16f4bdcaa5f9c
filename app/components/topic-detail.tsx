import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { StatusBadge, StatusDetails } from "~/components/topic-meta";
import { VoteControl } from "~/components/vote-control";
import type { TopicDetail } from "~/lib/documents";
import { contentLang } from "~/lib/content-lang";
import { formatDate } from "~/lib/format";
import { isLocale } from "~/locales/shape";
import { BackLink } from "~/components/back-link";

/**
 * The topic with its vote and facts. `children` continue the main column (demand, discussion), so
 * they start right under the description; `side` goes under the facts (the moderation panel).
 */
export function TopicDetailView({ topic, created, children, side }: { topic: TopicDetail; created: boolean; children?: ReactNode; side?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "ru";
  const lang = contentLang(topic.title + topic.description, locale);
  return (
    <div className="topic-detail">
      <BackLink to="/topics">{t("topic.backToList")}</BackLink>
      {created ? (
        <p className="notice notice--success" role="status">
          {t("topic.created")}
        </p>
      ) : null}
      <article className="topic-detail__grid" aria-labelledby="topic-title">
        <div className="topic-detail__main">
          <StatusBadge status={topic.status} />
          <h1 id="topic-title" lang={lang}>{topic.title}</h1>
          <p className="topic-detail__byline">
            {topic.author ? topic.author.name : t("topic.authorUnknown")}
            {topic.author?.office ? <span className="muted"> · {topic.author.office.name}</span> : null}
            <span className="muted"> · {t("topic.suggestedOn", { date: formatDate(topic.createdAt, locale) })}</span>
          </p>
          <StatusDetails status={topic.status} rejectionReason={topic.rejectionReason} mergedInto={topic.mergedInto} />
          <h2 className="visually-hidden">{t("topic.description")}</h2>
          <div className="prose" lang={lang}>
            {topic.description.split(/\n{2,}/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
        </div>
        <aside className="topic-detail__side" aria-label={t("topic.sidebar")}>
          <VoteControl topic={topic} size="large" />
          <dl className="facts">
            {topic.audience ? (
              <div>
                <dt>{t("topic.audience")}</dt>
                <dd lang={contentLang(topic.audience, locale)}>{topic.audience}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("topic.block")}</dt>
              <dd>{t(`blocks.${topic.block}`)}</dd>
            </div>
            <div>
              <dt>{t("topic.format")}</dt>
              <dd>{t(`formats.${topic.format}`)}</dd>
            </div>
            <div>
              <dt>{t("topic.duration")}</dt>
              <dd>{t("topic.durationValue", { count: topic.durationMinutes })}</dd>
            </div>
            <div>
              <dt>{t("topic.participants")}</dt>
              <dd>{t("topic.participantsValue", { min: topic.minParticipants, max: topic.maxParticipants })}</dd>
            </div>
            <div>
              <dt>{t("topic.author")}</dt>
              <dd>
                {topic.author ? topic.author.name : t("topic.authorUnknown")}
                {topic.author?.office ? <span className="facts__sub">{topic.author.office.name}</span> : null}
              </dd>
            </div>
          </dl>
          {side}
        </aside>
        {/* After the side column in the document, so a phone and the keyboard reach the vote right
            after the description; on a wide screen the grid puts it back under the description. */}
        {children ? <div className="topic-detail__more">{children}</div> : null}
      </article>
    </div>
  );
}
