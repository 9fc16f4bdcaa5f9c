import { Link } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ModerationLogEntry } from "~/lib/documents";
import { formatDateTime } from "~/lib/relative-time";
import { topicPath } from "~/lib/topic-path";
import { isLocale } from "~/locales/shape";

const FIELD_KEYS = [
  "title",
  "description",
  "audience",
  "block",
  "format",
  "durationMinutes",
  "minParticipants",
  "maxParticipants",
] as const;

/** Every moderation action on the topic (who, what, when), oldest first; shown to everyone. */
export function ModerationLog({ entries }: { entries: ModerationLogEntry[] }) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "ru";
  const headingId = useId();

  function describe(entry: ModerationLogEntry) {
    const moved = () =>
      entry.movedVoteCount != null
        ? ` (${t("moderation.logMoved", {
            votes: entry.movedVoteCount,
            comments: entry.movedCommentCount ?? 0,
            dropped: entry.droppedVoteCount ?? 0,
          })})`
        : "";
    switch (entry.kind) {
      case "STATUS_CHANGE":
        return t("moderation.logStatus", {
          from: entry.fromStatus ? t(`statuses.${entry.fromStatus}`) : "—",
          to: entry.toStatus ? t(`statuses.${entry.toStatus}`) : "—",
        });
      case "REJECT":
        return t("moderation.logReject", { reason: entry.reason ?? "—" });
      case "REOPEN":
        return t("moderation.logReopen");
      case "EDIT":
        if (entry.deletedCommentExcerpt) return t("moderation.logDeletedComment", { excerpt: entry.deletedCommentExcerpt });
        return t("moderation.logEdit", {
          fields: entry.changes
            .map((c) => ((FIELD_KEYS as readonly string[]).includes(c.field) ? t(`moderation.fields.${c.field as (typeof FIELD_KEYS)[number]}`) : c.field))
            .join(", "),
        });
      case "MERGE":
        if (entry.mergedInto)
          return (
            <>
              {t("moderation.logMergedInto")}{" "}
              <Link to={topicPath(entry.mergedInto.id)}>{t("moderation.quoted", { title: entry.mergedInto.title })}</Link>
              {moved()}
            </>
          );
        if (entry.mergedFrom)
          return (
            <>
              {t("moderation.logMergedFrom")}{" "}
              <Link to={topicPath(entry.mergedFrom.id)}>{t("moderation.quoted", { title: entry.mergedFrom.title })}</Link>
              {moved()}
            </>
          );
        return t("statuses.MERGED");
    }
  }

  return (
    <section className="moderation-log" aria-labelledby={headingId} data-testid="moderation-log">
      <h2 id={headingId} className="moderation-log__title">
        {t("moderation.log")}
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{t("moderation.logEmpty")}</p>
      ) : (
        <ol className="moderation-log__list">
          {entries.map((entry) => (
            <li key={entry.id} className={`moderation-log__item moderation-log__item--${entry.kind.toLowerCase()}`}>
              <p className="moderation-log__what">{describe(entry)}</p>
              {entry.kind === "EDIT" && entry.changes.length > 0 ? (
                <ul className="moderation-log__changes">
                  {entry.changes.map((c) => (
                    <li key={c.field}>
                      <span className="moderation-log__field">
                        {(FIELD_KEYS as readonly string[]).includes(c.field) ? t(`moderation.fields.${c.field as (typeof FIELD_KEYS)[number]}`) : c.field}:
                      </span>{" "}
                      <del>{c.from || "—"}</del> → <ins>{c.to || "—"}</ins>
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="moderation-log__meta muted">
                {entry.actor?.name ?? t("moderation.logUnknownActor")} ·{" "}
                <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, locale)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
