import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "~/components/form-fields";
import { ResourceErrorSummary, useDynamicT, type FormErrors } from "~/components/resource-form-errors";
import { formatMinute } from "~/lib/availability-cells";
import type { SiteItem } from "~/lib/documents/resources";

/** Opening hours are chosen on the half-hour grid, 00:00–24:00 (the API's rule). */
const TIMES = Array.from({ length: 49 }, (_, i) => i * 30);

/** The form scope of a site (several forms share the page): `site-<id>` or `site-new`. */
export const siteScope = (site: SiteItem | null) => (site ? `site-${site.id.replace(/[^A-Za-z0-9]/g, "")}` : "site-new");

type Props = { site: SiteItem | null; errors?: FormErrors; values?: Record<string, string> };

/** A site's name, address, code and opening hours: a new site (site null) or changes to one. */
export function ResourceSiteForm({ site, errors, values }: Props) {
  const { t } = useTranslation();
  const dynamicT = useDynamicT();
  const scope = siteScope(site);
  const mine = errors?.scope === scope ? errors : undefined;
  const field = (name: keyof SiteItem) => `${scope}-${name}`;
  const value = (name: keyof SiteItem, fallback: string) => (mine ? (values?.[field(name)] ?? "") : fallback);
  const error = (name: keyof SiteItem) => (mine?.fields?.[field(name)] ? dynamicT(mine.fields[field(name)]) : null);
  const named = (key: string) => (site ? t("resources.siteFieldOf", { field: t(key as "resources.siteName"), site: site.name }) : undefined);
  return (
    <Form method="post" className="form resource-site-form" noValidate>
      {mine ? <ResourceErrorSummary errors={mine} /> : null}
      <input type="hidden" name="intent" value={site ? "updateSite" : "createSite"} />
      <input type="hidden" name="target" value={site?.id ?? ""} />
      <input type="hidden" name="scope" value={scope} />
      <TextField name={field("name")} label={t("resources.siteName")} aria-label={named("resources.siteName")} defaultValue={value("name", site?.name ?? "")} error={error("name")} maxLength={100} required />
      <TextField name={field("address")} label={t("resources.siteAddress")} aria-label={named("resources.siteAddress")} defaultValue={value("address", site?.address ?? "")} error={error("address")} maxLength={300} />
      <TextField
        name={field("code")}
        label={t("resources.siteCode")}
        aria-label={named("resources.siteCode")}
        hint={t("resources.siteCodeHint")}
        defaultValue={value("code", site?.code ?? "")}
        error={error("code")}
        maxLength={32}
        autoCapitalize="off"
        spellCheck={false}
        required
      />
      <div className="resource-site-form__hours">
        {(["opensMinute", "closesMinute"] as const).map((name) => (
          <SelectField
            key={name}
            name={field(name)}
            label={t(name === "opensMinute" ? "resources.siteOpens" : "resources.siteCloses")}
            aria-label={named(name === "opensMinute" ? "resources.siteOpens" : "resources.siteCloses")}
            defaultValue={value(name, String(site?.[name] ?? (name === "opensMinute" ? 480 : 1200)))}
            error={error(name)}
          >
            {TIMES.map((minute) => (
              <option key={minute} value={minute}>
                {formatMinute(minute)}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <div>
        <button type="submit" className="button button--secondary" aria-label={site ? t("resources.saveSiteLabel", { name: site.name }) : undefined}>
          {site ? t("resources.saveSite") : t("resources.addSite")}
        </button>
      </div>
    </Form>
  );
}
