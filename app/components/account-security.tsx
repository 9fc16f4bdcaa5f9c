import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/form-fields";
import type { UserSessionData } from "~/lib/documents/account";
import { formatDateTime } from "~/lib/relative-time";
import { describeUserAgent } from "~/lib/user-agent";
import type { Locale } from "~/locales/shape";

/** What the profile's security forms report back (messages already in the reader's language). */
export type SecurityOutcome =
  | { intent: "revokeSession"; ok: boolean }
  | { intent: "changePassword"; ok: true }
  | { intent: "changePassword"; ok: false; errors: { currentPassword?: string; newPassword?: string; form?: string } };

function useSubmitting(intent: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

/** The most recently used devices first; the rest fold away so a long history does not bury the password form. */
const SHOWN_SESSIONS = 5;

/** The devices signed in to this account: this one marked, any one can be ended, or all at once. */
export function SessionList({ sessions, outcome }: { sessions: UserSessionData[]; outcome?: SecurityOutcome }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const revoked = outcome?.intent === "revokeSession" ? outcome : undefined;
  // This device first, then the others as the API orders them (most recently used first).
  const ordered = [...sessions.filter((session) => session.current), ...sessions.filter((session) => !session.current)];
  const deviceName = (session: UserSessionData) => {
    const device = describeUserAgent(session.userAgent);
    return device ? t("security.deviceOn", device) : (session.userAgent ?? t("security.unknownDevice"));
  };
  return (
    <section className="panel profile__section" aria-labelledby="security-sessions-title">
      <h3 id="security-sessions-title">{t("security.sessionsTitle")}</h3>
      <p className="muted">{t("security.sessionsIntro")}</p>
      <div role="status" className="notice-slot">
        {revoked ? (
          <p className={`notice ${revoked.ok ? "notice--success" : "notice--error"}`}>
            {revoked.ok ? t("security.revoked") : t("security.revokeFailed")}
          </p>
        ) : null}
      </div>
      <ul className="session-list">
        {ordered.slice(0, SHOWN_SESSIONS).map((session) => (
          <SessionItem key={session.id} session={session} name={deviceName(session)} locale={locale} />
        ))}
      </ul>
      {ordered.length > SHOWN_SESSIONS ? (
        <details className="session-list__more">
          <summary>{t("security.moreSessions", { count: ordered.length - SHOWN_SESSIONS })}</summary>
          <ul className="session-list">
            {ordered.slice(SHOWN_SESSIONS).map((session) => (
              <SessionItem key={session.id} session={session} name={deviceName(session)} locale={locale} />
            ))}
          </ul>
        </details>
      ) : null}
      <Form method="post" className="session-list__everywhere">
        <input type="hidden" name="intent" value="signOutEverywhere" />
        <p className="muted" id="security-everywhere-hint">
          {t("security.signOutEverywhereHint")}
        </p>
        <button type="submit" className="button button--danger" aria-describedby="security-everywhere-hint">
          {t("security.signOutEverywhere")}
        </button>
      </Form>
    </section>
  );
}

/** One signed-in device: what it is, when it was used, and ending its session. */
function SessionItem({ session, name, locale }: { session: UserSessionData; name: string; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <li className="session-list__item">
      <div className="session-list__device">
        <strong title={session.userAgent ?? undefined}>{name}</strong>
        {session.current ? <span className="session-list__current">{t("security.thisDevice")}</span> : null}
      </div>
      <p className="session-list__meta muted">
        <span>{t("security.lastSeen", { when: formatDateTime(session.lastSeenAt, locale) })}</span>
        <span>{t("security.signedIn", { when: formatDateTime(session.createdAt, locale) })}</span>
        {session.ip ? <span>{t("security.ip", { ip: session.ip })}</span> : null}
      </p>
      <Form method="post" replace preventScrollReset>
        <input type="hidden" name="intent" value="revokeSession" />
        <input type="hidden" name="sessionId" value={session.id} />
        <button type="submit" className="button button--secondary button--small" aria-label={t("security.revokeLabel", { device: name })}>
          {t("security.revoke")}
        </button>
      </Form>
    </li>
  );
}

/** Current password, new password, and the rules' explanations from the API next to the fields. */
export function ChangePasswordForm({ outcome }: { outcome?: SecurityOutcome }) {
  const { t } = useTranslation();
  const submitting = useSubmitting("changePassword");
  const summary = useRef<HTMLElement>(null);
  const result = outcome?.intent === "changePassword" ? outcome : undefined;
  const errors = result && !result.ok ? result.errors : undefined;

  useEffect(() => {
    if (errors) summary.current?.focus();
  }, [errors]);

  const list = [
    errors?.form ? { message: errors.form } : null,
    errors?.currentPassword ? { field: "currentPassword", message: errors.currentPassword } : null,
    errors?.newPassword ? { field: "newPassword", message: errors.newPassword } : null,
  ].filter((e): e is { field?: string; message: string } => e !== null);

  return (
    <section className="panel profile__section" aria-labelledby="security-password-title">
      <h3 id="security-password-title">{t("security.passwordTitle")}</h3>
      {list.length > 0 ? <ErrorSummary ref={summary} title={t("security.errorSummary")} errors={list} /> : null}
      <Form method="post" className="form security-password" replace preventScrollReset noValidate key={result?.ok ? "done" : "editing"}>
        <input type="hidden" name="intent" value="changePassword" />
        <input type="text" name="username" autoComplete="username" hidden readOnly />
        <TextField
          label={t("security.currentPassword")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors?.currentPassword}
        />
        <TextField
          label={t("security.newPassword")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={10}
          maxLength={256}
          required
          hint={t("security.passwordHint")}
          error={errors?.newPassword}
        />
        <div className="profile__actions">
          <button type="submit" className="button button--primary" aria-disabled={submitting || undefined}>
            {submitting ? t("security.changing") : t("security.changePassword")}
          </button>
          <div role="status" className="notice-slot">
            {result?.ok && !submitting ? <p className="notice notice--success">{t("security.passwordChanged")}</p> : null}
          </div>
        </div>
      </Form>
    </section>
  );
}
