import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "~/components/form-fields";
import { ResourceErrorSummary, useDynamicT, type FormErrors } from "~/components/resource-form-errors";
import type { ClosedDateItem, SiteItem } from "~/lib/documents/resources";
import { intlLocale } from "~/lib/format";

type Props = { sites: SiteItem[]; closedDates: ClosedDateItem[]; errors?: FormErrors; values?: Record<string, string> };

const SCOPE = "closed";

/** Closed days ahead (whole centre or one site), each with a reopen button, and a form to close a day. */
export function ResourceClosedDates({ sites, closedDates, errors, values }: Props) {
  const { t, i18n } = useTranslation();
  const dynamicT = useDynamicT();
  const mine = errors?.scope === SCOPE ? errors : undefined;
  const removeErrors = errors?.scope === "closed-remove" ? errors : undefined;
  const fieldError = (field: string) => {
    const key = mine?.fields?.[`${SCOPE}-${field}`];
    return key ? dynamicT(key) : null;
  };
  const formatDate = (key: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), { day: "numeric", month: "long", year: "numeric", weekday: "short", timeZone: "UTC" }).format(new Date(`${key}T00:00:00Z`));
  return (
    <section className="panel resource-closed" aria-labelledby="closed-dates">
      <h2 id="closed-dates">{t("resources.closedTitle")}</h2>
      <p>{t("resources.closedIntro")}</p>
      {removeErrors ? <ResourceErrorSummary errors={removeErrors} /> : null}
      {closedDates.length === 0 ? (
        <p>{t("resources.closedEmpty")}</p>
      ) : (
        <ul className="resource-closed__list">
          {closedDates.map((closed) => {
            const where = closed.site?.name ?? t("resources.wholeCentre");
            return (
              <li key={closed.id} className="resource-closed__item">
                <span>
                  <time dateTime={closed.date}>{formatDate(closed.date)}</time> · {where}
                  {closed.reason ? <> · {closed.reason}</> : null}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="removeClosedDate" />
                  <input type="hidden" name="target" value={closed.id} />
                  <input type="hidden" name="scope" value="closed-remove" />
                  <button type="submit" className="button button--quiet" aria-label={t("resources.reopenLabel", { date: formatDate(closed.date), where })}>
                    {t("resources.reopen")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      <h3>{t("resources.addClosedTitle")}</h3>
      <Form method="post" className="resource-closed__form" noValidate>
        {mine ? <ResourceErrorSummary errors={mine} /> : null}
        <input type="hidden" name="intent" value="addClosedDate" />
        <input type="hidden" name="scope" value={SCOPE} />
        <SelectField name={`${SCOPE}-siteId`} label={t("resources.closedWhere")} defaultValue={mine ? values?.[`${SCOPE}-siteId`] : ""} error={fieldError("siteId")}>
          <option value="">{t("resources.wholeCentre")}</option>
          {sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </SelectField>
        <TextField name={`${SCOPE}-date`} label={t("resources.closedDate")} type="date" defaultValue={mine ? values?.[`${SCOPE}-date`] : ""} error={fieldError("date")} required />
        <TextField
          name={`${SCOPE}-reason`}
          label={t("resources.closedReason")}
          maxLength={200}
          defaultValue={mine ? values?.[`${SCOPE}-reason`] : ""}
          error={fieldError("reason")}
          required
        />
        <button type="submit" className="button button--secondary">
          {t("resources.addClosed")}
        </button>
      </Form>
    </section>
  );
}
