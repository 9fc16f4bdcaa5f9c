import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/form-fields";

/** The sessions page's filters as they stand in the URL (?where=…&only=…). */
export type SessionListQuery = { where: string; only: "" | "voted" | "suits" };

export const ONLINE = "online";

export const isFiltered = (query: SessionListQuery) => query.where !== "" || query.only !== "";

/** A GET form: a filtered list can be shared and works without JavaScript. */
export function SessionFilters({ query, sites }: { query: SessionListQuery; sites: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const filtered = isFiltered(query);
  return (
    <Form method="get" action="/sessions" role="search" aria-label={t("booking.filtersTitle")} className="filters session-filters">
      <SelectField label={t("booking.filterWhere")} name="where" defaultValue={query.where} key={`where:${query.where}`}>
        <option value="">{t("booking.filterAnywhere")}</option>
        {sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
        <option value={ONLINE}>{t("booking.online")}</option>
      </SelectField>
      <SelectField label={t("booking.filterOnly")} name="only" defaultValue={query.only} key={`only:${query.only}`}>
        <option value="">{t("booking.filterAll")}</option>
        <option value="voted">{t("booking.filterVoted")}</option>
        <option value="suits">{t("booking.filterSuits")}</option>
      </SelectField>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          {t("filters.apply")}
        </button>
        {filtered ? (
          <Link to="/sessions" className="button button--quiet">
            {t("topics.resetFilters")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
