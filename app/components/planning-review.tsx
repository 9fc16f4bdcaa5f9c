import { useTranslation } from "react-i18next";
import type { PlanningReviewRun } from "~/lib/documents/proposals";
import { intlLocale } from "~/lib/format";

/**
 * What the plan serves as the review has left it (every edit recomputes its session's attendance),
 * against the ceiling no plan of these resources can pass; the solver's own figure is shown beside
 * a figure once the review has changed it.
 */
export function PlanningTotals({ run }: { run: PlanningReviewRun }) {
  const { t, i18n } = useTranslation();
  const number = (value: number, digits = 1) => value.toLocaleString(intlLocale(i18n.language), { maximumFractionDigits: digits });
  const solved = run.metrics;
  const now = run.currentMetrics;
  const atSolve = (changed: boolean, value: string) =>
    changed ? <dd className="planning-totals__was">{t("proposal.atSolve", { value })}</dd> : null;
  const share = (gap: number | null) => (gap === null ? null : `${number((1 - gap) * 100)} %`);
  const approved = now?.approved ?? run.sessions.filter((session) => session.state === "APPROVED").length;
  const proposed = now?.proposed ?? run.sessions.length - approved;
  return (
    <section className="planning-totals" aria-labelledby="planning-totals-title" data-testid="planning-totals">
      <h2 id="planning-totals-title">{t("proposal.totals")}</h2>
      <dl>
        {solved && now ? (
          <>
            <div data-figure="servedWeight" data-value={now.servedWeight}>
              <dt>{t("proposal.servedWeight")}</dt>
              <dd>{number(now.servedWeight)}</dd>
              {atSolve(now.servedWeight !== solved.servedWeight, number(solved.servedWeight))}
              <dd className="planning-totals__hint">{t("proposal.servedWeightHint")}</dd>
            </div>
            <div data-figure="servedPairs" data-value={now.servedPairs}>
              <dt>{t("proposal.servedPairs")}</dt>
              <dd>{t("proposal.servedPairsValue", { served: now.servedPairs, total: now.demandPairs })}</dd>
              {atSolve(now.servedPairs !== solved.servedPairs, String(solved.servedPairs))}
              <dd className="planning-totals__hint">{t("proposal.servedPairsHint")}</dd>
            </div>
            <div data-figure="bound">
              <dt>{t("proposal.bound")}</dt>
              <dd>{now.upperBound === null ? t("proposal.noBound") : number(now.upperBound)}</dd>
              <dd className="planning-totals__hint">{t("proposal.boundHint")}</dd>
            </div>
            <div data-figure="share">
              <dt>{t("proposal.share")}</dt>
              <dd>{share(now.gap) ?? "—"}</dd>
              {atSolve(now.gap !== solved.gap && solved.gap !== null, share(solved.gap) ?? "")}
              <dd className="planning-totals__hint">{t("proposal.shareHint")}</dd>
            </div>
          </>
        ) : null}
        <div data-figure="proposed" data-value={proposed}>
          <dt>{t("proposal.sessionsCount")}</dt>
          <dd>{proposed}</dd>
        </div>
        <div data-figure="approved" data-value={approved}>
          <dt>{t("proposal.approvedCount")}</dt>
          <dd>{approved}</dd>
        </div>
        {now && now.removed > 0 ? (
          <div data-figure="removed" data-value={now.removed}>
            <dt>{t("proposal.removedCount")}</dt>
            <dd>{now.removed}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

/** Topics whose demand the proposal leaves unserved, with the reasons the scheduler gave. */
export function UnservedDemand({ run }: { run: PlanningReviewRun }) {
  const { t } = useTranslation();
  const rows = run.unserved.filter((row) => row.currentUnservedPairs > 0);
  return (
    <section className="planning-unserved" aria-labelledby="planning-unserved-title">
      <h2 id="planning-unserved-title">{t("proposal.unservedTitle")}</h2>
      {rows.length === 0 ? (
        <p>{t("proposal.unservedEmpty")}</p>
      ) : (
        <ul>
          {rows.map((row, index) => (
            <li key={row.topic?.id ?? index}>
              <strong>{row.topic?.title ?? "—"}</strong>: {t("proposal.unservedRow", { unserved: row.currentUnservedPairs, total: row.demandPairs })}
              {row.currentUnservedPairs !== row.unservedPairs ? <span className="muted"> ({t("proposal.atSolve", { value: row.unservedPairs })})</span> : null}
              {row.reasons.length > 0 ? (
                <ul className="planning-unserved-reasons">
                  {row.reasons.map((reason) => (
                    <li key={reason.reason}>
                      {t(`proposal.reasons.${reason.reason}` as "proposal.reasons.NO_COMMON_TIME", { defaultValue: reason.reason })}: {reason.count}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
