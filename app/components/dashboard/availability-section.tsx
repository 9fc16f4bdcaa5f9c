import { Form, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DemandHeatmap } from "~/components/demand-heatmap";
import { SelectField } from "~/components/form-fields";
import type { DemandCellData } from "~/lib/documents";

export type AvailabilityQuery = { topicId: string; siteId: string; officeId: string; onlineOnly: boolean };
type Choice = { id: string; label: string };

type Props = {
  query: AvailabilityQuery;
  topics: readonly Choice[];
  sites: readonly Choice[];
  offices: readonly Choice[];
  overall: readonly DemandCellData[];
  topic: readonly DemandCellData[] | null;
  topicTitle: string | null;
  csvHref: (chart: "availability" | "topicAvailability") => string;
};

/**
 * When staff can come: a GET form (the filter lives in the URL, works without JavaScript; with it,
 * every change applies at once) and the weekday × time heat map, overall and for the chosen topic.
 */
export function AvailabilitySection({ query, topics, sites, offices, overall, topic, topicTitle, csvHref }: Props) {
  const { t } = useTranslation();
  const submit = useSubmit();
  return (
    <section className="dash-card dash-card--wide" aria-labelledby="dash-availability-title" id="availability" data-testid="availability">
      <div className="dash-card__head">
        <h2 id="dash-availability-title">{t("dashboard.availability.title")}</h2>
      </div>
      <p className="dash-card__summary">{t("dashboard.availability.intro")}</p>
      <Form
        method="get"
        className="dash-filters"
        role="search"
        aria-label={t("dashboard.availability.filters")}
        // A tick applies at once; a select waits for "Показать": arrowing through a closed select
        // fires change on every step, and reloading then would throw keyboard users' focus away.
        onChange={(event) => {
          if ((event.target as HTMLElement).matches('input[type="checkbox"]')) {
            submit(event.currentTarget, { preventScrollReset: true, replace: true });
          }
        }}
      >
        <SelectField label={t("dashboard.availability.topic")} name="topic" defaultValue={query.topicId} key={`topic:${query.topicId}`}>
          <option value="">{t("dashboard.availability.noTopic")}</option>
          {topics.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("dashboard.availability.site")} name="site" defaultValue={query.siteId} key={`site:${query.siteId}`}>
          <option value="">{t("dashboard.availability.anySite")}</option>
          {sites.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("dashboard.availability.office")} name="office" defaultValue={query.officeId} key={`office:${query.officeId}`}>
          <option value="">{t("dashboard.availability.anyOffice")}</option>
          {offices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <label className="dash-filters__check">
          <input type="checkbox" name="online" value="1" defaultChecked={query.onlineOnly} key={`online:${query.onlineOnly}`} />
          {t("dashboard.availability.onlineOnly")}
        </label>
        <div className="dash-filters__actions">
          <button type="submit" className="button button--secondary">
            {t("dashboard.availability.apply")}
          </button>
        </div>
      </Form>
      <div className="dash-heatmaps">
        <div className="dash-heatmap" data-testid="availability-overall">
          <div className="dash-card__head">
            <h3>{t("dashboard.availability.overall")}</h3>
            <a className="dash-card__csv" href={csvHref("availability")} download>
              {t("dashboard.downloadCsv")}
              <span className="visually-hidden">: {t("dashboard.availability.overall")}</span>
            </a>
          </div>
          <DemandHeatmap cells={overall as DemandCellData[]} votersWithoutAvailability={0} population="staff" />
        </div>
        {topic && topicTitle ? (
          <div className="dash-heatmap" data-testid="availability-topic">
            <div className="dash-card__head">
              <h3>{t("dashboard.availability.forTopic", { title: topicTitle })}</h3>
              <a className="dash-card__csv" href={csvHref("topicAvailability")} download>
                {t("dashboard.downloadCsv")}
                <span className="visually-hidden">: {t("dashboard.availability.forTopic", { title: topicTitle })}</span>
              </a>
            </div>
            <DemandHeatmap cells={topic as DemandCellData[]} votersWithoutAvailability={0} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
