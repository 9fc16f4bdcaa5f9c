import { useTranslation } from "react-i18next";
import type { PlanningReviewRun } from "~/lib/documents/proposals";
import { intlLocale } from "~/lib/format";

/** Served weight, pairs, bound and the gap to it; how many sessions are proposed and approved. */
export function PlanningTotals({ run }: { run: PlanningReviewRun }) {
  const { t, i18n } = useTranslation();
  const number = (value: number, digits = 1) => value.toLocaleString(intlLocale(i18n.language), { maximumFractionDigits: digits });
  const metrics = run.metrics;
  const approved = run.sessions.filter((session) => session.state === "APPROVED").length;
  const proposed = run.sessions.length - approved;
  return (
    <section className="planning-totals" aria-labelledby="planning-totals-title">
      <h2 id="planning-totals-title">{t("proposal.totals")}</h2>
      <dl>
        {metrics ? (
          <>
            <div>
              <dt>{t("proposal.servedWeight")}</dt>
              <dd>{number(metrics.servedWeight)}</dd>
              <dd className="planning-totals__hint">{t("proposal.servedWeightHint")}</dd>
            </div>
            <div>
              <dt>{t("proposal.servedPairs")}</dt>
              <dd>{t("proposal.servedPairsValue", { served: metrics.servedPairs, total: metrics.demandPairs })}</dd>
              <dd className="planning-totals__hint">{t("proposal.servedPairsHint")}</dd>
            </div>
            <div>
              <dt>{t("proposal.bound")}</dt>
              <dd>{metrics.upperBound === null ? t("proposal.noBound") : number(metrics.upperBound)}</dd>
              <dd className="planning-totals__hint">{t("proposal.boundHint")}</dd>
            </div>
            <div>
              <dt>{t("proposal.gap")}</dt>
              <dd>{metrics.gap === null ? t("proposal.noBound") : `${number(metrics.gap * 100)} %`}</dd>
              <dd className="planning-totals__hint">{t("proposal.gapHint")}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t("proposal.sessionsCount")}</dt>
          <dd>{proposed}</dd>
        </div>
        <div>
          <dt>{t("proposal.approvedCount")}</dt>
          <dd>{approved}</dd>
        </div>
      </dl>
    </section>
  );
}

/** Topics whose demand the proposal leaves unserved, with the reasons the scheduler gave. */
export function UnservedDemand({ run }: { run: PlanningReviewRun }) {
  const { t } = useTranslation();
  const rows = run.unserved.filter((row) => row.unservedPairs > 0);
  return (
    <section className="planning-unserved" aria-labelledby="planning-unserved-title">
      <h2 id="planning-unserved-title">{t("proposal.unservedTitle")}</h2>
      {rows.length === 0 ? (
        <p>{t("proposal.unservedEmpty")}</p>
      ) : (
        <ul>
          {rows.map((row, index) => (
            <li key={row.topic?.id ?? index}>
              <strong>{row.topic?.title ?? "—"}</strong>: {t("proposal.unservedRow", { unserved: row.unservedPairs, total: row.demandPairs })}
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
