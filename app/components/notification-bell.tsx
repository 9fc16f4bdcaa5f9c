import { Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useAnnounce } from "~/components/announcer";
import { NOTIFICATION_ADDED, type NotificationAddedData, type Viewer } from "~/lib/documents";
import { notificationStore, notificationText, useLiveNotifications } from "~/lib/notifications";
import { getUrqlClient } from "~/lib/urql-client";
import { isLocale } from "~/locales/shape";

/**
 * The header's link to /notifications with the unread count in its accessible name. New
 * notifications arrive through `notificationAdded` (the header sits outside the urql provider, so it
 * uses the browser's client directly), raise the count at once and are announced politely.
 */
export function NotificationBell({ viewer }: { viewer: Viewer }) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "ru";
  const announce = useAnnounce();
  const location = useLocation();
  const live = useLiveNotifications();
  const latest = useRef({ t, announce, locale });
  latest.current = { t, announce, locale };

  // Fresh root data (every navigation and revalidation) already counts what arrived live.
  useEffect(() => notificationStore.reset(), [viewer]);

  useEffect(() => {
    const subscription = getUrqlClient()
      .subscription<NotificationAddedData>(NOTIFICATION_ADDED, {})
      .subscribe((result) => {
        const n = result.data?.notificationAdded;
        if (!n) return;
        notificationStore.add(n);
        const { t: tr, announce: say, locale: language } = latest.current;
        say(tr("notifications.announceNew", { text: notificationText(tr, n, language).text }));
      });
    return () => subscription.unsubscribe();
  }, [viewer.id]);

  const count = (viewer.unreadNotificationCount ?? 0) + live.filter((n) => !n.read).length;
  const label = count > 0 ? t("notifications.bellUnread", { count }) : t("notifications.bell");
  const current = location.pathname === "/notifications";
  return (
    <Link
      to="/notifications"
      className={`bell${count > 0 ? " bell--unread" : ""}`}
      aria-label={label}
      aria-current={current ? "page" : undefined}
      data-testid="notification-bell"
      data-count={count}
    >
      <BellIcon />
      {count > 0 ? (
        <span className="bell__count" aria-hidden="true">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}

function BellIcon() {
  return (
    <svg className="icon bell__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        d="M10 3a4.5 4.5 0 0 0-4.5 4.5v2.8L4 13.5h12l-1.5-3.2V7.5A4.5 4.5 0 0 0 10 3zM8.2 15.5a1.9 1.9 0 0 0 3.6 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
