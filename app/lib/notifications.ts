import type { TFunction } from "i18next";
import { useSyncExternalStore } from "react";
import type { NotificationItem } from "~/lib/documents";
import { formatSessionDate } from "~/components/session-when";
import { sessionPath } from "~/lib/documents/bookings";
import { topicPath } from "~/lib/topic-path";
import type { Locale } from "~/locales/shape";

/** "вторник, 8 декабря, 09:00–11:00" and where, for the session-related kinds. */
function sessionFacts(t: TFunction, locale: Locale, session: NonNullable<NotificationItem["session"]>) {
  const when = t("booking.when", { date: formatSessionDate(session.date, locale), start: session.startTime, end: session.endTime });
  const place = session.online || !session.site ? t("booking.online") : session.site.name;
  return { when, place };
}

/**
 * Notifications carry facts (kind, statuses, reason, topics); this phrases them in the reader's
 * language: "Тема «…» запланирована", "…отклонена: причина", "…объединена с «…»", "Новый комментарий…".
 */
export function notificationText(t: TFunction, n: NotificationItem, locale: Locale = "ru"): { text: string; detail: string | null } {
  const title = n.topic?.title ?? t("notifications.deletedTopic");
  switch (n.kind) {
    case "TOPIC_MERGED":
      return {
        text: t("notifications.merged", { title, target: n.mergedInto?.title ?? t("notifications.deletedTopic") }),
        detail: null,
      };
    case "TOPIC_COMMENTED":
      return {
        text: t("notifications.commented", { title }),
        detail: n.commentExcerpt ? t("notifications.commentedBy", { name: n.actor?.name ?? "—", excerpt: n.commentExcerpt }) : null,
      };
    case "SESSION_SCHEDULED":
    case "BOOKING_PROMOTED":
    case "SESSION_CANCELLED": {
      const key =
        n.kind === "SESSION_SCHEDULED" ? "notifications.sessionScheduled"
        : n.kind === "BOOKING_PROMOTED" ? "notifications.sessionPromoted"
        : "notifications.sessionCancelled";
      // The session row is gone (deleted with its topic): say what happened without the date.
      if (!n.session) return { text: t(key, { title, when: "—" }), detail: null };
      const { when, place } = sessionFacts(t, locale, n.session);
      const where = t("notifications.sessionPlace", { place });
      // A cancellation says why (the manager's reason travels in the notification's payload).
      const why = n.kind === "SESSION_CANCELLED" && n.reason ? t("booking.cancelledReason", { reason: n.reason }) : null;
      return { text: t(key, { title, when }), detail: why ? `${why} · ${where}` : where };
    }
    case "TOPIC_STATUS_CHANGED":
    default:
      switch (n.toStatus) {
        case "PLANNED":
          return { text: t("notifications.planned", { title }), detail: null };
        case "SCHEDULED":
          return { text: t("notifications.scheduled", { title }), detail: null };
        case "DONE":
          return { text: t("notifications.done", { title }), detail: null };
        case "OPEN":
          return { text: t(n.fromStatus === "REJECTED" ? "notifications.reopened" : "notifications.opened", { title }), detail: null };
        case "REJECTED":
          return { text: t("notifications.rejected", { title, reason: n.reason ?? "—" }), detail: null };
        default:
          return { text: t("notifications.statusChanged", { title, status: n.toStatus ? t(`statuses.${n.toStatus}`) : "—" }), detail: null };
      }
  }
}

/** Where a notification leads: the kept topic after a merge, the discussion after a comment. */
export function notificationHref(n: NotificationItem): string | null {
  if (n.kind === "TOPIC_MERGED" && n.mergedInto) return topicPath(n.mergedInto.id);
  if (n.session && (n.kind === "SESSION_SCHEDULED" || n.kind === "BOOKING_PROMOTED" || n.kind === "SESSION_CANCELLED")) {
    return sessionPath(n.session.id);
  }
  if (!n.topic) return null;
  return topicPath(n.topic.id) + (n.kind === "TOPIC_COMMENTED" ? "#comments" : "");
}

/**
 * Notifications that arrived live since the page's data was loaded (the header's count and the
 * notification page overlay them on loader data). Fresh loader data resets it.
 */
let added: readonly NotificationItem[] = [];
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const notificationStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  get: () => added,
  add(n: NotificationItem) {
    if (added.some((a) => a.id === n.id)) return;
    added = [n, ...added];
    emit();
  },
  reset() {
    if (added.length === 0) return;
    added = [];
    emit();
  },
};

const NONE: readonly NotificationItem[] = [];
export function useLiveNotifications(): readonly NotificationItem[] {
  return useSyncExternalStore(notificationStore.subscribe, notificationStore.get, () => NONE);
}
