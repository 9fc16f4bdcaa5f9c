/**
 * Topics are written by staff, almost always in Russian. When the interface is in English, mark
 * Cyrillic text as Russian so screen readers pronounce it correctly.
 */
export function contentLang(text: string, uiLocale: string): "ru" | undefined {
  return uiLocale !== "ru" && /[А-Яа-яЁё]/.test(text) ? "ru" : undefined;
}
