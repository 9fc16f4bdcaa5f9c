import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { translateMessage } from "~/lib/i18n";

/** Translation keys (ours) or messages from the server, per field. */
export type LoginErrors = { email?: string; password?: string; form?: string };

export function LoginForm({
  redirectTo,
  demo,
  errors,
  email,
}: {
  redirectTo: string;
  demo: { email: string; password: string } | null;
  errors?: LoginErrors;
  email?: string;
}) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formAction === "/login";
  const summary = useRef<HTMLElement>(null);
  const msg = (m: string | undefined) => (m ? translateMessage(t, i18n, m) : undefined);

  useEffect(() => {
    if (errors) summary.current?.focus();
  }, [errors]);

  const list = [
    errors?.form ? { message: msg(errors.form)! } : null,
    errors?.email ? { field: "email", message: msg(errors.email)! } : null,
    errors?.password ? { field: "password", message: msg(errors.password)! } : null,
  ].filter((e): e is { field?: string; message: string } => e !== null);

  return (
    <div className="auth">
      <div className="auth__panel">
        <h1 className="auth__title">{t("login.title")}</h1>
        <p className="auth__intro">{t("login.intro")}</p>
        {list.length > 0 ? <ErrorSummary ref={summary} title={t("login.errorSummary")} errors={list} /> : null}
        <Form method="post" action="/login" className="form" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField
            label={t("login.email")}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            autoCapitalize="none"
            required
            defaultValue={email}
            error={msg(errors?.email)}
          />
          <TextField
            label={t("login.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={msg(errors?.password)}
          />
          <button type="submit" className="button button--primary button--block" aria-disabled={submitting || undefined}>
            {submitting ? t("login.submitting") : t("login.submit")}
          </button>
        </Form>
        {demo ? <p className="auth__hint">{t("login.demoHint", demo)}</p> : null}
      </div>
      <div className="auth__aside">
        <p className="auth__tagline">{t("app.tagline")}</p>
      </div>
    </div>
  );
}
