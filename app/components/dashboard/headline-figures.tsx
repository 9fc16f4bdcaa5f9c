import { useTranslation } from "react-i18next";
import type { DashboardHeadline } from "~/lib/documents/dashboard";
import { intlLocale } from "~/lib/format";

const FIGURES = ["activeVoters", "votesThisWeek", "topicsOpen", "seatsBooked"] as const;

/** The five headline numbers, each with what it counts and over which period; live from the pulse, so a screen reader hears nothing per change (no live region). */
export function HeadlineFigures({ headline, csvHref }: { headline: DashboardHeadline; csvHref: string }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(intlLocale(i18n.language));
  const share = new Intl.NumberFormat(intlLocale(i18n.language), { style: "percent", maximumFractionDigits: 1 });
  return (
    <section className="dash-headline" aria-labelledby="dash-headline-title" data-testid="dashboard-headline">
      <div className="dash-card__head">
        <h2 id="dash-headline-title">{t("dashboard.headline.title")}</h2>
        <a className="dash-card__csv" href={csvHref} download>
          {t("dashboard.downloadCsv")}
          <span className="visually-hidden">: {t("dashboard.headline.title")}</span>
        </a>
      </div>
      <dl className="dash-figures">
        {FIGURES.map((key) => (
          <div key={key} className="dash-figure" data-figure={key} data-value={headline[key]}>
            <dt>{t(`dashboard.headline.${key}`)}</dt>
            <dd className="dash-figure__value">{number.format(headline[key])}</dd>
            <dd className="dash-figure__note">{t(`dashboard.headline.notes.${key}`)}</dd>
          </div>
        ))}
        <div className="dash-figure" data-figure="demandServed" data-value={headline.demandServedShare ?? ""}>
          <dt>{t("dashboard.headline.demandServed")}</dt>
          <dd className="dash-figure__value">{headline.demandServedShare === null ? "—" : share.format(headline.demandServedShare)}</dd>
          <dd className="dash-figure__note">{t("dashboard.headline.notes.demandServed")}</dd>
        </div>
      </dl>
    </section>
  );
}
