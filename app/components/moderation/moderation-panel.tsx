import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { REJECTION_REASON_MAX, REJECTION_REASON_MIN, type TopicStatus } from "~/lib/documents";
import { translateMessage } from "~/lib/i18n";
import { NEXT_STATUSES, REJECTABLE, type ModerationOutcome } from "~/lib/moderation";
import { topicPath } from "~/lib/topic-path";

type Props = {
  topic: { id: string; title: string; status: TopicStatus };
  /** What the last moderation action did or why it failed (from the URL after the redirect). */
  outcome?: ModerationOutcome | null;
  error?: string | null;
};

/**
 * The manager's tools on the topic page. Plain forms posting to /topics/:id/moderate (they work
 * without JavaScript; with it Remix submits them and reloads the page's data). The server checks
 * the role and the life cycle again; this panel only hides what would be refused.
 */
export function ModerationPanel({ topic, outcome, error }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction?.endsWith("/moderate");
  const notice = useRef<HTMLParagraphElement>(null);
  const base = topicPath(topic.id);
  const action = `${base}/moderate`;
  const next = NEXT_STATUSES[topic.status];

  useEffect(() => {
    if (outcome || error) notice.current?.focus();
  }, [outcome, error]);

  const doneText: Record<ModerationOutcome, string> = {
    status: t("moderation.doneStatus"),
    rejected: t("moderation.doneRejected"),
    reopened: t("moderation.doneReopened"),
    edited: t("moderation.doneEdited"),
    merged: t("statuses.MERGED"),
  };

  return (
    <section className="moderation" aria-labelledby={headingId} id="moderation" data-testid="moderation-panel">
      <h2 id={headingId} className="moderation__title">
        {t("moderation.title")}
      </h2>
      <p className="moderation__intro muted">{t("moderation.intro")}</p>
      {error ? (
        <p className="notice notice--error" role="alert" tabIndex={-1} ref={notice}>
          {t("moderation.failed", { message: translateMessage(t, i18n, error) })}
        </p>
      ) : outcome ? (
        <p className="notice notice--success" role="status" tabIndex={-1} ref={notice}>
          {t("moderation.done", { what: doneText[outcome] })}
        </p>
      ) : null}

      {topic.status !== "MERGED" ? (
        <p className="moderation__links">
          <Link className="button button--secondary" to={`${base}/edit`}>
            {t("moderation.edit")}
          </Link>
          <Link className="button button--secondary" to={`${base}/merge`}>
            {t("moderation.merge")}
          </Link>
        </p>
      ) : null}

      {next.length > 0 ? (
        <Form
          method="post"
          action={action}
          className="moderation__form"
          preventScrollReset
          onSubmit={(event) => {
            // DONE is final (no way back to voting): say so before it happens.
            const chosen = new FormData(event.currentTarget).get("status");
            if (chosen === "DONE" && !window.confirm(t("moderation.confirmDone", { title: topic.title }))) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="status" />
          <div className="field">
            <label className="field__label" htmlFor="moderation-status">
              {t("moderation.nextStatus")}
            </label>
            <div className="moderation__row">
              {/* Nothing preselected: a status change is a decision, not the default of a click. */}
              <select id="moderation-status" name="status" className="field__control field__control--select" defaultValue="" required>
                <option value="" disabled>
                  {t("moderation.chooseStatus")}
                </option>
                {next.map((s) => (
                  <option key={s} value={s}>
                    {t(`statuses.${s}`)}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
                {t("moderation.apply")}
              </button>
            </div>
          </div>
        </Form>
      ) : null}

      {topic.status === "REJECTED" ? (
        <Form method="post" action={action} className="moderation__form" preventScrollReset>
          <input type="hidden" name="intent" value="reopen" />
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {t("moderation.reopen")}
          </button>
        </Form>
      ) : null}

      {REJECTABLE.has(topic.status) ? (
        <details className="moderation__reject" open={error === "moderation.reasonRequired" || undefined}>
          <summary>{t("moderation.rejectTitle")}</summary>
          <Form method="post" action={action} className="moderation__form" preventScrollReset>
            <input type="hidden" name="intent" value="reject" />
            <div className="field">
              <label className="field__label" htmlFor="moderation-reason">
                {t("moderation.reason")}
              </label>
              <p className="field__hint" id="moderation-reason-hint">
                {t("moderation.reasonHint", { min: REJECTION_REASON_MIN, max: REJECTION_REASON_MAX })}
              </p>
              <textarea
                id="moderation-reason"
                name="reason"
                rows={3}
                required
                minLength={REJECTION_REASON_MIN}
                maxLength={REJECTION_REASON_MAX}
                className="field__control"
                aria-describedby="moderation-reason-hint"
              />
            </div>
            <button type="submit" className="button button--danger" aria-disabled={busy || undefined}>
              {t("moderation.reject")}
            </button>
          </Form>
        </details>
      ) : null}

      {next.length === 0 && topic.status !== "REJECTED" ? <p className="muted">{t("moderation.noTransitions")}</p> : null}
    </section>
  );
}
