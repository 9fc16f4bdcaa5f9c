import type { SignInLockedResult } from "~/lib/documents/account";
import { getFixedT } from "~/lib/i18n";
import { formatDateTime } from "~/lib/relative-time";
import type { Locale } from "~/locales/shape";

/** "Too many failed sign-ins… Try again after 24 November 2026, 14:05. Signing in is paused for 15 more minutes." */
export function lockedMessage(locale: Locale, lock: Pick<SignInLockedResult, "lockedUntil" | "retryAfterSeconds">): string {
  const t = getFixedT(locale);
  const minutes = Math.max(1, Math.ceil(lock.retryAfterSeconds / 60));
  return `${t("login.locked", { time: formatDateTime(lock.lockedUntil, locale) })} ${t("login.lockedMinutes", { count: minutes })}`;
}
