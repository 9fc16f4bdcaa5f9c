import { Link, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { TopicCard } from "~/components/topic-card";
import { TopicFilters } from "~/components/topic-filters";
import type { TopicSummary } from "~/lib/documents";
import { isFiltered, PAGE_SIZE, withLimit, type TopicQuery } from "~/lib/topic-query";
import { suggestedStore, useSuggestedTopics } from "~/lib/vote-store";

type Props = { query: TopicQuery; totalCount: number; hasNextPage: boolean; topics: TopicSummary[] };

export function TopicList({ query, totalCount, hasNextPage, topics }: Props) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <div className="topics">
      <div className="page-head">
        <div>
          <h1>{t("topics.title")}</h1>
          <p className="page-head__intro">{t("topics.intro")}</p>
        </div>
        <Link to="/topics/new" className="button button--accent">
          {t("topics.suggestCta")}
        </Link>
      </div>
      <TopicFilters query={query} />
      <NewTopicsNotice topics={topics} />
      <p className="topics__count" aria-live="polite">
        {t("topics.found", { count: totalCount })}
      </p>
      {topics.length === 0 ? (
        <div className="empty">
          <p>{t("topics.empty")}</p>
          {/* A search that found nothing is often a topic nobody has suggested yet. */}
          <p className="empty__actions">
            {query.search ? (
              <Link to={`/topics/new?${new URLSearchParams({ title: query.search })}`} className="button button--accent">
                {t("topics.suggestSearched", { title: query.search })}
              </Link>
            ) : null}
            {isFiltered(query) ? (
              <Link to="/topics" className="button button--quiet">
                {t("topics.resetFilters")}
              </Link>
            ) : null}
          </p>
        </div>
      ) : (
        <ol className="topic-list">
          {topics.map((topic) => (
            <li key={topic.id}>
              <TopicCard topic={topic} />
            </li>
          ))}
        </ol>
      )}
      {hasNextPage ? (
        <p className="topics__more">
          <Link to={withLimit(params, query.limit + PAGE_SIZE)} preventScrollReset className="button button--secondary">
            {t("topics.showMore")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** "N new topics suggested — refresh": new topics never jump into the list under the reader's cursor. */
function NewTopicsNotice({ topics }: { topics: TopicSummary[] }) {
  const { t } = useTranslation();
  const suggested = useSuggestedTopics();
  const revalidator = useRevalidator();
  useEffect(() => suggestedStore.clear(), [topics]);
  const fresh = suggested.filter((s) => !topics.some((topic) => topic.id === s.id));
  return (
    <div role="status" className="notice-slot">
      {fresh.length > 0 ? (
        <p className="notice">
          <span>{t("topics.newTopics", { count: fresh.length })}</span>
          <button type="button" className="button button--quiet" onClick={() => revalidator.revalidate()}>
            {t("topics.refresh")}
          </button>
        </p>
      ) : null}
    </div>
  );
}
