import type { Locale } from "~/locales/shape";

/** The Training Centre's wall clock; never the server's or the browser's time zone. */
export const CENTRE_TIME_ZONE = "Europe/Moscow";

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    timeZone: CENTRE_TIME_ZONE,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(iso));
}
