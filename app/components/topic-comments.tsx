import { Form, useLocation } from "@remix-run/react";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";
import { useAnnounce } from "~/components/announcer";
import {
  ADD_COMMENT,
  COMMENT_ADDED,
  COMMENT_DELETED,
  COMMENT_MAX_LENGTH,
  DELETE_COMMENT,
  type AddCommentData,
  type CommentAddedData,
  type CommentDeletedData,
  type CommentItem,
  type DeleteCommentData,
} from "~/lib/documents";
import { contentLang } from "~/lib/content-lang";
import { translateMessage } from "~/lib/i18n";
import { formatDateTime, formatRelative, useNow } from "~/lib/relative-time";
import { topicPath } from "~/lib/topic-path";
import { isLocale } from "~/locales/shape";

type Props = {
  topicId: string;
  comments: CommentItem[];
  totalCount: number;
  hasEarlier: boolean;
  viewerId: string;
  /** The server's clock when the page was rendered (ms), so relative times hydrate unchanged. */
  now: number;
  /** A merged topic's discussion lives on the topic it was merged into. */
  canComment: boolean;
  /** Whether the topic is still collecting votes, so the empty discussion invites ideas. */
  invite?: boolean;
  /** An error from a submission without JavaScript (a translation key or the API's message). */
  error?: string | null;
};

/**
 * The topic's discussion: comments oldest first, as plain text; a form that posts to
 * /topics/:id/comments without JavaScript and sends `addComment` through urql with it; colleagues'
 * new comments arrive live through `commentAdded` and are announced politely; deleted ones leave
 * through `commentDeleted`.
 */
export function TopicComments({ topicId, comments, totalCount, hasEarlier, viewerId, now: serverNow, canComment, invite = true, error }: Props) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "ru";
  const client = useClient();
  const announce = useAnnounce();
  const location = useLocation();
  const now = useNow(serverNow);
  const headingId = useId();
  const [added, setAdded] = useState<CommentItem[]>([]);
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  const [body, setBody] = useState("");
  const [formError, setFormError] = useState<string | null>(error ?? null);
  const [pending, setPending] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const announceRef = useRef(announce);
  announceRef.current = announce;
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => setFormError(error ?? null), [error]);

  const shown = useMemo(() => {
    const known = new Set(comments.map((c) => c.id));
    return [...comments, ...added.filter((c) => !known.has(c.id))].filter((c) => !deleted.has(c.id));
  }, [comments, added, deleted]);
  const extra = added.filter((c) => !comments.some((k) => k.id === c.id));
  // Comments deleted here that the count still includes (the loader's, or ones added live).
  const gone = [...deleted].filter((id) => comments.some((c) => c.id === id) || extra.some((c) => c.id === id)).length;
  const count = totalCount + extra.length - gone;

  useEffect(() => {
    const subscription = client
      .subscription<CommentAddedData>(COMMENT_ADDED, { topicId })
      .subscribe((result) => {
        const comment = result.data?.commentAdded;
        if (!comment) return;
        setAdded((list) => (list.some((c) => c.id === comment.id) ? list : [...list, comment]));
        if (comment.author.id !== viewerId) {
          const excerpt = comment.body.length > 140 ? `${comment.body.slice(0, 140)}…` : comment.body;
          announceRef.current(tRef.current("comments.announceNew", { name: comment.author.name, excerpt }));
        }
      });
    return () => subscription.unsubscribe();
  }, [client, topicId, viewerId]);

  // A comment deleted by its author or a moderator leaves every open page at once.
  useEffect(() => {
    const subscription = client
      .subscription<CommentDeletedData>(COMMENT_DELETED, { topicId })
      .subscribe((result) => {
        const commentId = result.data?.commentDeleted;
        if (commentId) setDeleted((set) => (set.has(commentId) ? set : new Set([...set, commentId])));
      });
    return () => subscription.unsubscribe();
  }, [client, topicId]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const text = body.trim();
    if (!text || text.length > COMMENT_MAX_LENGTH) {
      setFormError(text ? "comments.tooLong" : "comments.required");
      textarea.current?.focus();
      return;
    }
    setPending(true);
    try {
      const result = await client.mutation<AddCommentData>(ADD_COMMENT, { topicId, body: text }).toPromise();
      const payload = result.data?.addComment;
      if (payload && payload.__typename === "MutationAddCommentSuccess" && "data" in payload) {
        const comment = payload.data;
        setAdded((list) => (list.some((c) => c.id === comment.id) ? list : [...list, comment]));
        setBody("");
        setFormError(null);
        announce(t("comments.posted"));
      } else {
        const message =
          (payload && "fieldErrors" in payload && payload.fieldErrors[0]?.message) ||
          (payload && "message" in payload && payload.message) ||
          "comments.failed";
        setFormError(message);
        textarea.current?.focus();
      }
    } catch (e) {
      console.error(e);
      setFormError("comments.failed");
    } finally {
      setPending(false);
    }
  }

  async function onDelete(event: FormEvent<HTMLFormElement>, commentId: string) {
    event.preventDefault();
    // It leaves every open page at once and cannot be brought back.
    if (!window.confirm(t("comments.deleteConfirm"))) return;
    const result = await client.mutation<DeleteCommentData>(DELETE_COMMENT, { commentId }).toPromise();
    if (result.data?.deleteComment.__typename === "MutationDeleteCommentSuccess") {
      setDeleted((set) => new Set([...set, commentId]));
      announce(t("comments.deleted"));
    } else {
      announce(t("comments.failed"));
    }
  }

  const errorText = formError === "comments.tooLong" ? t("comments.tooLong", { max: COMMENT_MAX_LENGTH }) : formError ? translateMessage(t, i18n, formError) : null;
  const fieldId = `comment-body-${topicId}`;
  const back = location.pathname + location.search;

  return (
    <section className="comments" aria-labelledby={headingId} id="comments">
      <h2 id={headingId} className="comments__title">
        {t("comments.title")} <span className="comments__count">({t("comments.count", { count: Math.max(0, count) })})</span>
      </h2>
      {hasEarlier ? <p className="muted">{t("comments.earlierHidden")}</p> : null}
      {shown.length === 0 ? (
        <p className="comments__empty">{t(invite ? "comments.empty" : "comments.emptyClosed")}</p>
      ) : (
        <ol className="comments__list" data-testid="comment-list">
          {shown.map((comment) => {
            const mine = comment.author.id === viewerId;
            const time = formatDateTime(comment.createdAt, locale);
            return (
              <li key={comment.id} className={`comment${mine ? " comment--mine" : ""}`} data-comment-id={comment.id}>
                <p className="comment__meta">
                  <span className="comment__author">{comment.author.name}</span>
                  {mine ? <span className="muted"> ({t("comments.you")})</span> : null}
                  <span className="muted"> · </span>
                  <time className="comment__time" dateTime={comment.createdAt} title={time}>
                    {formatRelative(comment.createdAt, now, locale)}
                  </time>
                </p>
                {/* Plain text: React escapes it; line breaks are kept by CSS (white-space: pre-line). */}
                <p className="comment__body" lang={contentLang(comment.body, locale)}>
                  {comment.body}
                </p>
                {comment.viewerCanDelete ? (
                  <Form method="post" action={`${topicPath(topicId)}/comments`} onSubmit={(e) => onDelete(e, comment.id)} className="comment__actions">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="commentId" value={comment.id} />
                    <input type="hidden" name="redirectTo" value={back} />
                    <button type="submit" className="button button--quiet button--small" aria-label={t("comments.deleteLabel", { time })}>
                      {t("comments.delete")}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {canComment ? (
        <form method="post" action={`${topicPath(topicId)}/comments`} className="panel panel--snug comment-form" onSubmit={onSubmit} noValidate aria-busy={pending || undefined}>
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="redirectTo" value={back} />
          <div className={`field${errorText ? " field--invalid" : ""}`}>
            <label className="field__label" htmlFor={fieldId}>
              {t("comments.field")}
            </label>
            <p className="field__hint" id={`${fieldId}-hint`}>
              {t("comments.hint", { max: COMMENT_MAX_LENGTH })}
            </p>
            {errorText ? (
              <p className="field__error" id={`${fieldId}-error`} role="alert">
                {errorText}
              </p>
            ) : null}
            <textarea
              ref={textarea}
              id={fieldId}
              name="body"
              rows={4}
              required
              className="field__control"
              value={body}
              onChange={(e) => {
                // No maxLength: a pasted text over the limit is kept and the counter says by how much,
                // instead of being cut silently. An old error goes as soon as the text changes.
                setBody(e.target.value);
                if (formError) setFormError(null);
              }}
              aria-invalid={errorText ? true : undefined}
              aria-describedby={[`${fieldId}-hint`, `${fieldId}-counter`, errorText ? `${fieldId}-error` : null].filter(Boolean).join(" ")}
            />
            <p
              className={`comment-form__counter${body.length > COMMENT_MAX_LENGTH * 0.9 ? " comment-form__counter--near" : ""}`}
              id={`${fieldId}-counter`}
            >
              {body.length > COMMENT_MAX_LENGTH
                ? t("comments.over", { count: body.length - COMMENT_MAX_LENGTH })
                : t("comments.counter", { length: body.length, max: COMMENT_MAX_LENGTH })}
            </p>
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
              {pending ? t("comments.submitting") : t("comments.submit")}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">{t("comments.closed")}</p>
      )}
    </section>
  );
}
