import type { MetaDescriptor } from "@remix-run/node";
import type { TFunction } from "i18next";
import { getFixedT } from "~/lib/i18n";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/locales/shape";

type Match = { id: string; data: unknown };

export function localeFromMatches(matches: readonly Match[]): Locale {
  const data = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

/** `<title>` for a page: "Page · Spros", in the page's language. */
export function pageMeta(matches: readonly Match[], title: (t: TFunction) => string): MetaDescriptor[] {
  const t = getFixedT(localeFromMatches(matches));
  return [{ title: `${title(t)} · ${t("app.name")}` }, { name: "description", content: t("app.tagline") }];
}
