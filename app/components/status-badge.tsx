import { Link } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { contentLang } from "~/lib/content-lang";
import { TOPIC_STATUS_CHANGED, type TopicStatus, type TopicStatusChangedData } from "~/lib/documents";
import { statusStore } from "~/lib/status-store";
import { topicPath } from "~/lib/topic-path";

/**
 * A topic's status as a labelled pill: the translated word carries the meaning, a small shape
 * repeats it, and the colour only reinforces both (never colour alone).
 */
export function StatusBadge({ status }: { status: TopicStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status.toLowerCase()}`} data-status={status}>
      <StatusIcon status={status} />
      {t(`statuses.${status}`)}
    </span>
  );
}

function StatusIcon({ status }: { status: TopicStatus }) {
  const paths: Record<TopicStatus, string> = {
    NEW: "M10 4.5l1.6 3.6 3.9.4-2.9 2.6.8 3.9L10 13l-3.4 2 .8-3.9-2.9-2.6 3.9-.4z",
    OPEN: "M10 4.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z",
    PLANNED: "M5 6.5h10v8.5H5zM5 9h10M7.5 5v3M12.5 5v3",
    SCHEDULED: "M5 6.5h10v8.5H5zM5 9h10M7.5 12l1.7 1.5L12.5 10.5",
    DONE: "M4.5 10.5l3.5 3.5 7.5-8",
    REJECTED: "M5.5 5.5l9 9M14.5 5.5l-9 9",
    MERGED: "M6 4.5v4c0 2 1.5 3 4 3s4 1 4 3v1M14 4.5v4c0 1-.5 1.8-1.5 2.3",
  };
  const filled = status === "OPEN" || status === "NEW";
  return (
    <svg className="icon badge__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        d={paths[status]}
        fill={filled ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth={filled ? 0 : 2}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * What a closed topic's status means for the reader: the rejection reason, or where a merged
 * topic went. Renders nothing for other statuses. Plain text only.
 */
export function StatusDetails({
  status,
  rejectionReason,
  mergedInto,
  compact = false,
}: {
  status: TopicStatus;
  rejectionReason?: string | null;
  mergedInto?: { id: string; title: string } | null;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (status === "REJECTED" && rejectionReason) {
    return (
      <p className={`status-note status-note--rejected${compact ? " status-note--compact" : ""}`} data-testid="rejection-reason">
        <strong>{t("statusInfo.rejectedBecause")}:</strong> <span lang={contentLang(rejectionReason, i18n.language)}>{rejectionReason}</span>
      </p>
    );
  }
  if (status === "MERGED" && mergedInto) {
    const text = compact ? t("statusInfo.mergedIntoShort", { title: mergedInto.title }) : t("statusInfo.mergedInto", { title: mergedInto.title });
    return (
      <p className={`status-note status-note--merged${compact ? " status-note--compact" : ""}`} data-testid="merged-into">
        <Link to={topicPath(mergedInto.id)}>{text}</Link>
      </p>
    );
  }
  return null;
}

/**
 * Follows every topic's status live (one subscription per tab, mounted in the root) and feeds the
 * status store, so cards in lists update their badge, reason and vote button without a reload.
 */
export function LiveStatuses({ enabled }: { enabled: boolean }) {
  const client = useClient();
  useEffect(() => {
    if (!enabled) return;
    const subscription = client
      .subscription<TopicStatusChangedData>(TOPIC_STATUS_CHANGED, {})
      .subscribe((result) => {
        const change = result.data?.topicStatusChanged;
        if (!change) return;
        const { topic } = change;
        statusStore.set(change.topicId, {
          status: topic.status,
          rejectionReason: topic.rejectionReason,
          mergedInto: topic.mergedInto,
        });
      });
    return () => subscription.unsubscribe();
  }, [enabled, client]);
  return null;
}
