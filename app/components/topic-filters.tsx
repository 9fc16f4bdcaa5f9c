import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "~/components/form-fields";
import { TOPIC_BLOCKS, TOPIC_FORMATS, TOPIC_STATUSES } from "~/lib/documents";
import { isFiltered, type TopicQuery } from "~/lib/topic-query";

/** A GET form: the filters live in the URL, so a filtered list can be shared and works without JS. */
export function TopicFilters({ query }: { query: TopicQuery }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/topics" role="search" aria-label={t("filters.title")} className="filters">
      <div className="filters__search">
        <TextField
          label={t("filters.search")}
          name="q"
          type="search"
          defaultValue={query.search}
          placeholder={t("filters.searchPlaceholder")}
          key={`q:${query.search}`}
        />
      </div>
      <SelectField label={t("filters.sort")} name="sort" defaultValue={query.sort} key={`sort:${query.sort}`}>
        <option value="votes">{t("filters.sortVotes")}</option>
        <option value="newest">{t("filters.sortNewest")}</option>
        <option value="trending">{t("filters.sortTrending")}</option>
      </SelectField>
      <SelectField label={t("filters.block")} name="block" defaultValue={query.block ?? ""} key={`block:${query.block}`}>
        <option value="">{t("filters.any")}</option>
        {TOPIC_BLOCKS.map((b) => (
          <option key={b} value={b}>
            {t(`blocks.${b}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("filters.format")} name="format" defaultValue={query.format ?? ""} key={`format:${query.format}`}>
        <option value="">{t("filters.any")}</option>
        {TOPIC_FORMATS.map((f) => (
          <option key={f} value={f}>
            {t(`formats.${f}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("filters.status")}
        name="status"
        defaultValue={query.status}
        key={`status:${query.status}`}
      >
        <option value="">{t("filters.inPlay")}</option>
        <option value="ALL">{t("filters.allStatuses")}</option>
        {TOPIC_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          {t("filters.apply")}
        </button>
        {isFiltered(query) ? (
          <Link to={query.sort === "votes" ? "/topics" : `/topics?sort=${query.sort}`} className="button button--quiet">
            {t("topics.resetFilters")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
