import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "../locales/shape";
import type { Viewer } from "./documents";

export const LOCALE_COOKIE = "spros_lng";
const ONE_YEAR = 60 * 60 * 24 * 365;

export function readLocaleCookie(request: Request): Locale | null {
  const cookie = request.headers.get("Cookie") ?? "";
  for (const part of cookie.split(/;\s*/)) {
    const [name, value] = part.split("=");
    if (name === LOCALE_COOKIE && isLocale(value)) return value;
  }
  return null;
}

/** The best supported language from an Accept-Language header, honouring q-values. */
export function negotiateLocale(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((item, index) => {
      const [tag = "", ...params] = item.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked.map((r) => r.lang).find((lang) => (LOCALES as readonly string[]).includes(lang)) as Locale) ?? null;
}

/** Signed-in user's choice → spros_lng cookie → Accept-Language → Russian. */
export function resolveLocale(request: Request, viewer: Viewer | null): Locale {
  return (
    (viewer && isLocale(viewer.locale) ? viewer.locale : null) ??
    readLocaleCookie(request) ??
    negotiateLocale(request.headers.get("Accept-Language")) ??
    DEFAULT_LOCALE
  );
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`;
}
