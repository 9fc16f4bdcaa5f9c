import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/components/session-when";
import type { Locale } from "~/locales/shape";

const ERRORS = new Set(["errorCancelled", "errorStarted", "errorVotersOnly", "errorCutoff", "errorNotFound", "errorAttendanceEarly", "errorAttendanceForbidden"]);
const NOTICES = new Set(["booked", "waitlisted", "cancelled", "feedCreated", "marked", ...ERRORS]);

/** The outcome of the last booking action, carried in the URL (?notice=…) so it works without JavaScript. */
export function BookingNotice() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  if (!notice || !NOTICES.has(notice)) return null;
  const locale = i18n.language as Locale;
  const when = (key: string) => (params.get(key) ? formatDateTime(params.get(key)!, locale) : "");
  const text = (t as (key: string, options?: Record<string, unknown>) => string)(`booking.${notice}`, {
    position: params.get("position") ?? "",
    until: when("until"),
    cutoff: when("cutoff"),
  });
  return (
    <p className={`booking-notice${ERRORS.has(notice) ? " booking-notice--error" : ""}`} role={ERRORS.has(notice) ? "alert" : "status"} data-testid="booking-notice">
      {text}
    </p>
  );
}
