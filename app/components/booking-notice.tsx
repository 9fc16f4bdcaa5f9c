import { useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/components/session-when";
import type { Locale } from "~/locales/shape";

const ERRORS = new Set([
  "errorCancelled",
  "errorStarted",
  "errorVotersOnly",
  "errorTopicBooked",
  "errorTopicWaitlisted",
  "errorMoveFull",
  "errorOwnSession",
  "errorCutoff",
  "errorNotFound",
  "errorAttendanceEarly",
  "errorAttendanceForbidden",
]);
const NOTICES = new Set(["booked", "waitlisted", "moved", "cancelled", "feedCreated", ...ERRORS]);
/** The URL parameters that carry an outcome (set by the booking actions). */
export const NOTICE_PARAMS = ["notice", "position", "until", "cutoff", "other", "session"] as const;

/**
 * Once shown, the outcome leaves the address bar (the page keeps showing it), so reloading or
 * sharing the page does not announce it again. The router's history state is kept as it is.
 */
function forgetNoticeInAddress() {
  const url = new URL(window.location.href);
  for (const key of NOTICE_PARAMS) url.searchParams.delete(key);
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}

/**
 * The outcome of the last booking action, carried in the URL (?notice=…&session=…) so it works
 * without JavaScript. In a list, the card of the session it concerns shows it (`sessionId`) and the
 * page-level notice leaves the notices of the listed cards (`exceptSessions`) to them (the redirect scrolled there).
 */
export function BookingNotice({ sessionId, exceptSessions = [] }: { sessionId?: string; exceptSessions?: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  const about = params.get("session");
  // A card shows its own outcome; the page shows the rest, including one about a session that is no
  // longer listed (it started or was cancelled meanwhile).
  const shown = notice !== null && NOTICES.has(notice) && (sessionId !== undefined ? about === sessionId : !(about && exceptSessions.includes(about)));
  // The page came back from the action: the outcome takes the focus, so a keyboard or screen-reader
  // user hears it and goes on from the card they used, not from the top of the page.
  const ref = useRef<HTMLParagraphElement>(null);
  const outcome = params.toString();
  useEffect(() => {
    if (!shown) return;
    ref.current?.focus();
    forgetNoticeInAddress();
  }, [shown, outcome]);
  if (!shown) return null;
  const locale = i18n.language as Locale;
  const when = (key: string) => (params.get(key) ? formatDateTime(params.get(key)!, locale) : "");
  const text = (t as (key: string, options?: Record<string, unknown>) => string)(`booking.${notice}`, {
    position: params.get("position") ?? "",
    until: when("until"),
    cutoff: when("cutoff"),
    other: when("other"),
  });
  return (
    <p
      ref={ref}
      tabIndex={-1}
      className={`booking-notice${ERRORS.has(notice) ? " booking-notice--error" : ""}`}
      role={ERRORS.has(notice) ? "alert" : "status"}
      data-testid="booking-notice"
    >
      {text}
    </p>
  );
}
