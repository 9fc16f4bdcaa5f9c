import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import type React from "react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NotificationItem } from "~/lib/documents";
import { notificationHref, notificationText, useLiveNotifications } from "~/lib/notifications";
import { formatDateTime, formatRelative, useNow } from "~/lib/relative-time";
import { isLocale } from "~/locales/shape";

/** Where the keyboard goes once a "mark read" has come back: the count, or that notification. */
type FocusAfterRead = { kind: "all" } | { kind: "one"; id: string };

type Props = {
  notifications: NotificationItem[];
  unreadCount: number;
  now: number;
  nextCursor: string | null;
};

/**
 * The viewer's notifications, newest first, phrased in their language. Ones that arrived live
 * since the page loaded come first. Marking read is a form posting to /notifications (works
 * without JavaScript); the page's and the header's counts reload afterwards.
 */
export function NotificationList({ notifications, unreadCount, now: serverNow, nextCursor }: Props) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "ru";
  const now = useNow(serverNow);
  const location = useLocation();
  const live = useLiveNotifications();
  const known = new Set(notifications.map((n) => n.id));
  const all = [...live.filter((n) => !known.has(n.id)), ...notifications];
  const unread = unreadCount + live.filter((n) => !known.has(n.id) && !n.read).length;
  const back = location.pathname + location.search;
  const fetcher = useFetcher();

  // Marking one read removes the button that had the focus: the focus goes to that notification
  // (its link, or the item), and after "mark all" to the count, instead of back to the page start.
  const [focusAfterRead, setFocusAfterRead] = useState<FocusAfterRead | null>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!focusAfterRead) return;
    if (focusAfterRead.kind === "all") {
      if (unread === 0) {
        summary.current?.focus();
        setFocusAfterRead(null);
      }
      return;
    }
    const { id } = focusAfterRead;
    if (!all.find((n) => n.id === id)?.read) return;
    const item = document.querySelector<HTMLElement>(`[data-notification-id="${CSS.escape(id)}"]`);
    (item?.querySelector<HTMLElement>("a") ?? item)?.focus();
    setFocusAfterRead(null);
  }, [all, unread, focusAfterRead]);

  // Following an unread notification marks it read on the way (with JavaScript; without it the
  // link simply opens the topic).
  function openUnread(event: React.MouseEvent<HTMLAnchorElement>, id: string, href: string) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    fetcher.submit({ intent: "read", id, redirectTo: href }, { method: "post", action: "/notifications" });
  }

  return (
    <div className="notifications">
      <div className="notifications__bar">
        <p className="notifications__summary" data-testid="unread-count" data-count={unread} ref={summary} tabIndex={-1}>
          {t("notifications.unread", { count: unread })}
        </p>
        {unread > 0 ? (
          <Form method="post" action="/notifications" preventScrollReset onSubmit={() => setFocusAfterRead({ kind: "all" })}>
            <input type="hidden" name="intent" value="readAll" />
            <input type="hidden" name="redirectTo" value={back} />
            <button type="submit" className="button button--secondary">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      {all.length === 0 ? (
        <p className="notifications__empty">{t("notifications.empty")}</p>
      ) : (
        <ol className="notifications__list" data-testid="notification-list">
          {all.map((n) => {
            const { text, detail } = notificationText(t, n, locale);
            const href = notificationHref(n);
            return (
              <li key={n.id} className={`notification${n.read ? "" : " notification--unread"}`} data-notification-id={n.id} data-kind={n.kind} tabIndex={-1}>
                <div className="notification__body">
                  {!n.read ? <span className="notification__new">{t("notifications.newLabel")}</span> : null}
                  <p className="notification__text">
                    {href ? (
                      <Link to={href} onClick={n.read ? undefined : (e) => openUnread(e, n.id, href)}>
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </p>
                  {detail ? <p className="notification__detail">{detail}</p> : null}
                  <p className="notification__time muted">
                    <time dateTime={n.createdAt} title={formatDateTime(n.createdAt, locale)}>
                      {formatRelative(n.createdAt, now, locale)}
                    </time>
                  </p>
                </div>
                {!n.read ? (
                  <Form method="post" action="/notifications" preventScrollReset className="notification__action" onSubmit={() => setFocusAfterRead({ kind: "one", id: n.id })}>
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={n.id} />
                    <input type="hidden" name="redirectTo" value={back} />
                    <button type="submit" className="button button--quiet" aria-label={t("notifications.markReadLabel", { text })}>
                      {t("notifications.markRead")}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {nextCursor ? (
        <p className="notifications__more">
          <Link className="button button--secondary" to={`/notifications?${new URLSearchParams({ after: nextCursor })}`}>
            {t("notifications.showMore")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
