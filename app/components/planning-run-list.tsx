import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { PLANNING_RUN_CHANGED, type PlanningRunChangedData, type PlanningRunItem } from "~/lib/documents/planning";
import { formatDate, intlLocale } from "~/lib/format";
import type { Locale } from "~/locales/shape";

const ACTIVE = new Set(["QUEUED", "RUNNING"]);

/** The run as it is now: the loader's copy, then every planningRunChanged event while it is active. */
function useLiveRun(run: PlanningRunItem): PlanningRunItem {
  const client = useClient();
  const [live, setLive] = useState<PlanningRunItem | null>(null);
  const current = live ?? run;
  const active = ACTIVE.has(current.status);
  useEffect(() => setLive(null), [run]);
  useEffect(() => {
    if (!active) return;
    const subscription = client.subscription<PlanningRunChangedData>(PLANNING_RUN_CHANGED, { runId: run.id }).subscribe((result) => {
      const changed = result.data?.planningRunChanged;
      if (changed) setLive(changed);
    });
    return () => subscription.unsubscribe();
  }, [client, run.id, active]);
  return current;
}

/** The element id of the run just started (the start redirects to it). */
export const STARTED_RUN_ANCHOR = "started-run";

export function PlanningRunList({ runs, startedRunId = null }: { runs: PlanningRunItem[]; startedRunId?: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="planning-runs" aria-labelledby="planning-runs-title">
      <h2 id="planning-runs-title">{t("planning.runsTitle")}</h2>
      {runs.length === 0 ? <p>{t("planning.noRuns")}</p> : null}
      <ol className="planning-runs__list">
        {runs.map((run) => (
          <li key={run.id}>
            <PlanningRunCard run={run} justStarted={run.id === startedRunId} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function PlanningRunCard({ run: initial, justStarted }: { run: PlanningRunItem; justStarted: boolean }) {
  const { t, i18n } = useTranslation();
  const run = useLiveRun(initial);
  // The run just started takes the focus: the keyboard and a screen reader go on from its progress.
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (justStarted) card.current?.focus();
  }, [justStarted]);
  const locale = i18n.language as Locale;
  const number = (value: number) => value.toLocaleString(intlLocale(i18n.language), { maximumFractionDigits: 1 });
  const percent = (value: number) => value.toLocaleString(intlLocale(i18n.language), { style: "percent", maximumFractionDigits: 1 });
  const titleId = `planning-run-${run.id}`;
  const active = ACTIVE.has(run.status);
  const progress = run.progress;
  return (
    <article
      ref={card}
      id={justStarted ? STARTED_RUN_ANCHOR : undefined}
      tabIndex={justStarted ? -1 : undefined}
      className={`panel planning-run planning-run--${run.status.toLowerCase()}`}
      aria-labelledby={titleId}
    >
      {justStarted ? (
        <p className="notice notice--success" role="status">
          {t("planning.done.started")}
        </p>
      ) : null}
      <header className="planning-run__header">
        <h3 id={titleId}>
          {t("planning.horizon", { start: formatDate(run.horizonStart, locale), count: run.horizonDays })}
        </h3>
        <p className={`planning-run__status planning-run__status--${run.status.toLowerCase()}`} aria-live="polite">
          {run.cancelRequested && active ? t("planning.cancelling") : t(`planning.status.${run.status}`)}
        </p>
      </header>
      <p className="planning-run__meta">
        {t("planning.startedBy", { name: run.createdBy?.name ?? t("planning.someone"), date: formatDate(run.createdAt, locale) })}
        {" · "}
        {t("planning.summary", { topics: run.instanceSummary.topics, pairs: run.instanceSummary.demandPairs })}
      </p>
      {run.instanceSummary.warnings.length > 0 ? (
        <ul className="planning-run__warnings">
          {run.instanceSummary.warnings.map((warning) => (
            <li key={warning}>{t(`planning.warning.${warning}`)}</li>
          ))}
        </ul>
      ) : null}
      {active ? (
        <div className="planning-run__progress">
          <label htmlFor={`${titleId}-progress`}>{progress ? t(`planning.phase.${progress.phase}`) : run.status === "QUEUED" ? t("planning.waiting") : t("planning.phase.MODEL")}</label>
          <progress id={`${titleId}-progress`} max={1} value={progress ? progress.fraction : undefined}>
            {progress ? percent(progress.fraction) : null}
          </progress>
          {progress ? (
            <dl className="planning-run__figures">
              <div>
                <dt>{t("planning.bestSoFar")}</dt>
                <dd>{number(progress.servedWeight)}</dd>
              </div>
              <div>
                <dt>{t("planning.bound")}</dt>
                <dd>{progress.upperBound === null ? "—" : number(progress.upperBound)}</dd>
              </div>
              <div>
                <dt>{t("planning.share")}</dt>
                <dd>{progress.gap === null ? "—" : percent(1 - progress.gap)}</dd>
              </div>
            </dl>
          ) : null}
          {!run.cancelRequested ? (
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="runId" value={run.id} />
              <button type="submit" className="button button--secondary">
                {t("planning.cancel")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {run.status === "SUCCEEDED" && run.metrics ? (
        <dl className="planning-run__figures">
          <div>
            <dt>{t("planning.sessions")}</dt>
            <dd>{run.metrics.sessions}</dd>
          </div>
          <div>
            <dt>{t("planning.served")}</dt>
            <dd>{t("planning.servedValue", { served: run.metrics.servedPairs, total: run.metrics.demandPairs })}</dd>
          </div>
          <div>
            <dt>{t("planning.share")}</dt>
            <dd>{run.metrics.gap === null ? "—" : percent(1 - run.metrics.gap)}</dd>
          </div>
        </dl>
      ) : null}
      {run.status === "FAILED" ? <p className="planning-run__error">{t("planning.failed", { error: run.error ?? "" })}</p> : null}
      <p className="planning-run__links">
        {run.status === "SUCCEEDED" ? (
          <Link to={`/manage/planning/${run.id}`} className="button button--primary">
            {t("planning.review")}
          </Link>
        ) : null}
        <a href={`/manage/planning/${run.id}.json`} download className="button button--quiet">
          {t("planning.exportJson")}
        </a>
      </p>
    </article>
  );
}
