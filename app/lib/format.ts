import type { Locale } from "~/locales/shape";

/**
 * The Intl locale behind a UI language: English dates and numbers are written the British way
 * ("24 November 2026, 07:14"), the 24-hour clock the Centre and its Russian pages use.
 */
export function intlLocale(language: string): string {
  return language === "ru" ? "ru-RU" : "en-GB";
}

/** The Training Centre's wall clock; never the server's or the browser's time zone. */
export const CENTRE_TIME_ZONE = "Europe/Moscow";

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: CENTRE_TIME_ZONE,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(iso));
}
