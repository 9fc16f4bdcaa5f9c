import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/status-badge";
import type { MergeCandidate, TopicStatus } from "~/lib/documents";
import { translateMessage } from "~/lib/i18n";
import { topicPath } from "~/lib/topic-path";
import { BackLink } from "~/components/back-link";

type Props = {
  source: { id: string; title: string; status: TopicStatus };
  search: string;
  candidates: MergeCandidate[];
  target: MergeCandidate | null;
  error: string | null;
};

/** Step 1: choose the topic to keep (similar titles, or search); step 2: confirm the merge. */
export function MergePicker({ source, search, candidates, target, error }: Props) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const confirmRef = useRef<HTMLElement>(null);
  const base = `${topicPath(source.id)}/merge`;

  useEffect(() => {
    if (target) confirmRef.current?.focus();
  }, [target]);

  if (source.status === "MERGED") {
    return (
      <div className="narrow">
        <h1>{t("moderation.mergeTitle")}</h1>
        <p>{t("moderation.mergeUnavailable")}</p>
        <Link to={topicPath(source.id)}>{source.title}</Link>
      </div>
    );
  }

  const choose = (id: string) => `${base}?${new URLSearchParams({ ...(search ? { q: search } : {}), target: id })}`;

  return (
    <div className="narrow">
      <BackLink to={topicPath(source.id)}>{source.title}</BackLink>
      <h1>{t("moderation.mergeTitle")}</h1>
      <p className="page-head__intro">{t("moderation.mergeIntro", { title: source.title })}</p>

      {target ? (
        <section className="merge-confirm" aria-labelledby="merge-confirm-title" ref={confirmRef} tabIndex={-1} data-testid="merge-confirm">
          <h2 id="merge-confirm-title">{t("moderation.mergeConfirmTitle", { source: source.title, target: target.title })}</h2>
          <p>{t("moderation.mergeConfirmText", { target: target.title })}</p>
          {error ? (
            <p className="notice notice--error" role="alert">
              {t("moderation.failed", { message: translateMessage(t, i18n, error) })}
            </p>
          ) : null}
          <Form method="post" className="form__actions">
            <input type="hidden" name="targetId" value={target.id} />
            <button type="submit" className="button button--danger" aria-disabled={submitting || undefined}>
              {t("moderation.mergeConfirm")}
            </button>
            <Link to={search ? `${base}?${new URLSearchParams({ q: search })}` : base} className="button button--quiet">
              {t("moderation.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}

      <Form method="get" action={base} className="merge-search" role="search">
        <div className="field">
          <label className="field__label" htmlFor="merge-q">
            {t("moderation.mergeSearch")}
          </label>
          <input id="merge-q" name="q" type="search" className="field__control" defaultValue={search} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("moderation.mergeSearchSubmit")}
        </button>
      </Form>

      <h2 className="merge-heading">{search ? t("moderation.mergeResults") : t("moderation.mergeSimilar")}</h2>
      {candidates.length === 0 ? (
        <p>{t("moderation.mergeNone")}</p>
      ) : (
        <ul className="merge-list" data-testid="merge-candidates">
          {candidates.map((c) => (
            <li key={c.id} className={`merge-list__item${target?.id === c.id ? " merge-list__item--chosen" : ""}`}>
              <div>
                <StatusBadge status={c.status} />{" "}
                {/* Opens beside the merge page, so the topic can be read before it is chosen. */}
                <a className="merge-list__title" href={topicPath(c.id)} target="_blank" rel="noreferrer">
                  {c.title}
                </a>
                <span className="muted"> · {t("votes.count", { count: c.voteCount })}</span>
                <p className="merge-list__excerpt">{firstLine(c.description)}</p>
              </div>
              <Link
                className="button button--secondary"
                to={choose(c.id)}
                aria-label={t("moderation.mergeChooseLabel", { title: c.title })}
                aria-current={target?.id === c.id ? "true" : undefined}
                preventScrollReset={false}
              >
                {t("moderation.mergeChoose")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The description's first paragraph, cut at a word near 160 characters. */
function firstLine(description: string): string {
  const first = description.split(/\n/)[0]?.trim() ?? "";
  if (first.length <= 160) return first;
  const cut = first.slice(0, 160);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 120))}…`;
}
