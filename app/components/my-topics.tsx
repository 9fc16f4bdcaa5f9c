import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TopicCard } from "~/components/topic-card";
import type { MyTopicsConnection } from "~/lib/documents";

export const MY_TOPICS_PAGE_SIZE = 20;

/** Relay paging from the URL: ?after=cursor (next page) or ?before=cursor (previous page). */
export function myTopicsVariables(url: URL): { first?: number; after?: string; last?: number; before?: string } {
  const after = url.searchParams.get("after");
  const before = url.searchParams.get("before");
  if (before) return { last: MY_TOPICS_PAGE_SIZE, before: before.slice(0, 500) };
  return { first: MY_TOPICS_PAGE_SIZE, ...(after ? { after: after.slice(0, 500) } : {}) };
}

type Props = {
  title: string;
  intro: string;
  empty: string;
  connection: MyTopicsConnection;
  /** Whether the page was reached by paging (then "previous" is offered). */
  paged: boolean;
};

/** "My votes" and "My suggestions": topic cards with cursor links. */
export function MyTopicsPage({ title, intro, empty, connection, paged }: Props) {
  const { t } = useTranslation();
  const topics = connection.edges.map((e) => e.node);
  const { pageInfo } = connection;
  const hasPrev = paged && pageInfo.hasPreviousPage && pageInfo.startCursor;
  const hasNext = pageInfo.hasNextPage && pageInfo.endCursor;
  return (
    <div className="topics my-topics">
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="page-head__intro">{intro}</p>
        </div>
      </div>
      {connection.totalCount > 0 ? <p className="topics__count">{t("myTopics.total", { count: connection.totalCount })}</p> : null}
      {topics.length === 0 ? (
        <div className="empty">
          <p>{empty}</p>
          <p>
            <Link to="/topics" className="button button--secondary">
              {t("myTopics.toTopics")}
            </Link>
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
      {hasPrev || hasNext ? (
        <nav className="pager" aria-label={t("myTopics.pagination")}>
          {hasPrev ? (
            <Link to={`?${new URLSearchParams({ before: pageInfo.startCursor! })}`} className="button button--secondary" rel="prev">
              <span aria-hidden="true">← </span>
              {t("myTopics.prev")}
            </Link>
          ) : null}
          {hasNext ? (
            <Link to={`?${new URLSearchParams({ after: pageInfo.endCursor! })}`} className="button button--secondary" rel="next">
              {t("myTopics.next")}
              <span aria-hidden="true"> →</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
