import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ChangePasswordForm, SessionList, type SecurityOutcome } from "~/components/account-security";
import { AvailabilityGrid } from "~/components/availability-grid";
import { ErrorSummary } from "~/components/form-fields";
import {
  cellsToWindows,
  formatMinute,
  parseWindowsJson,
  windowsToCells,
  type Strength,
  type Weekday,
} from "~/lib/availability-cells";
import {
  MY_AVAILABILITY,
  SET_MY_AVAILABILITY,
  type MyAvailabilityData,
  type SetMyAvailabilityData,
} from "~/lib/documents";
import {
  CHANGE_PASSWORD,
  MY_SESSIONS,
  REVOKE_SESSION,
  SIGN_OUT_EVERYWHERE,
  type ChangePasswordData,
  type MySessionsData,
  type RevokeSessionData,
  type SignOutEverywhereData,
} from "~/lib/documents/account";
import { cookieHeaders, dataOrThrow, gql, requireUser } from "~/lib/graphql.server";
import { resolveLocale } from "~/lib/locale.server";
import { lockedMessage } from "~/lib/lockout-message.server";
import { pageMeta } from "~/lib/meta";
import securityStyles from "~/styles/account-security.css";
import availabilityStyles from "~/styles/availability.css";
import { useUnsavedChangesGuard } from "~/lib/use-unsaved-changes";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: availabilityStyles },
  { rel: "stylesheet", href: securityStyles },
];

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("availability.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const [{ me, sites }, { mySessions }] = await Promise.all([
    gql<MyAvailabilityData>(context, MY_AVAILABILITY),
    gql<MySessionsData>(context, MY_SESSIONS),
  ]);
  return {
    windows: me.availability ?? [],
    siteIds: (me.preferredSites ?? []).map((s) => s.id),
    onlineOk: me.onlineOk ?? false,
    sites,
    sessions: mySessions,
  };
}

/** An error for the summary: either a translation key or the API's message, with the window it concerns. */
type ProfileError = { key?: string; message?: string; window?: { weekday: number; startMinute: number; endMinute: number } };

/** The security section's forms: end a session, end them all, change the password. */
async function securityAction(intent: string, form: FormData, request: Request, context: ActionFunctionArgs["context"]) {
  if (intent === "signOutEverywhere") {
    const result = await context.graphql<SignOutEverywhereData>(SIGN_OUT_EVERYWHERE);
    dataOrThrow(result);
    throw redirect("/login", { headers: cookieHeaders(result.setCookies) });
  }
  if (intent === "revokeSession") {
    const result = await context.graphql<RevokeSessionData>(REVOKE_SESSION, { id: String(form.get("sessionId") ?? "") });
    const ok = dataOrThrow(result).revokeSession.__typename === "MutationRevokeSessionSuccess";
    // Ending this device's own session signs it out (the API cleared the cookie).
    if (result.setCookies.length > 0) throw redirect("/login", { headers: cookieHeaders(result.setCookies) });
    return data({ security: { intent: "revokeSession", ok } satisfies SecurityOutcome }, { status: ok ? 200 : 404 });
  }
  const input = { currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") };
  const result = await context.graphql<ChangePasswordData>(CHANGE_PASSWORD, { input });
  const outcome = dataOrThrow(result).changePassword;
  if (outcome.__typename === "MutationChangePasswordSuccess") {
    // This device goes on under the new session the API started for it.
    return data({ security: { intent: "changePassword", ok: true } satisfies SecurityOutcome }, { headers: cookieHeaders(result.setCookies) });
  }
  const errors: Extract<SecurityOutcome, { ok: false }>["errors"] = {};
  if ("retryAfterSeconds" in outcome) {
    const viewer = await requireUser(request, context);
    errors.form = lockedMessage(resolveLocale(request, viewer), outcome);
  } else if ("fieldErrors" in outcome && outcome.fieldErrors.length > 0) {
    for (const fe of outcome.fieldErrors) {
      const field = fe.path.at(-1);
      if (field === "currentPassword" || field === "newPassword") errors[field] ??= fe.message;
      else errors.form ??= fe.message;
    }
  } else {
    errors.form = "message" in outcome ? outcome.message : undefined;
  }
  return data({ security: { intent: "changePassword", ok: false, errors } satisfies SecurityOutcome }, { status: 400 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "availability");
  if (intent !== "availability") return securityAction(intent, form, request, context);
  const windows = parseWindowsJson(form.get("windows"));
  if (!windows) return data({ ok: false as const, errors: [{ key: "availability.invalidWindows" }] as ProfileError[] }, { status: 400 });
  const input = {
    windows,
    siteIds: form.getAll("site").map(String),
    onlineOk: form.get("onlineOk") === "on",
  };
  const { setMyAvailability: result } = await gql<SetMyAvailabilityData>(context, SET_MY_AVAILABILITY, { input });
  if (result.__typename === "MutationSetMyAvailabilitySuccess" || !("message" in result)) {
    return { ok: true as const, errors: [] as ProfileError[] };
  }
  const errors: ProfileError[] = [];
  if ("fieldErrors" in result && result.fieldErrors.length) {
    for (const fe of result.fieldErrors) {
      // ["input", "windows", "3", "startMinute"] → the fourth window.
      const at = fe.path.indexOf("windows");
      const index = at >= 0 ? Number(fe.path[at + 1]) : Number.NaN;
      errors.push({ message: fe.message, window: Number.isInteger(index) ? windows[index] : undefined });
    }
  } else {
    errors.push({ message: result.message || undefined, key: result.message ? undefined : "errors.generic" });
  }
  return data({ ok: false as const, errors }, { status: 400 });
}

export default function ProfileRoute() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [cells, setCells] = useState<Array<Strength | null>>(() => windowsToCells(loaderData.windows));
  const savedWindows = useMemo(() => JSON.stringify(cellsToWindows(windowsToCells(loaderData.windows))), [loaderData.windows]);
  // The site checkboxes are uncontrolled (the form posts them as they are): compare the form's own
  // state with the saved one, on every change and whenever the saved data is reloaded.
  const form = useRef<HTMLFormElement>(null);
  const sitesDiffer = useCallback(() => {
    if (!form.current) return false;
    const data = new FormData(form.current);
    const chosen = data.getAll("site").map(String).sort().join(",");
    return chosen !== [...loaderData.siteIds].sort().join(",") || (data.get("onlineOk") === "on") !== loaderData.onlineOk;
  }, [loaderData.siteIds, loaderData.onlineOk]);
  const [sitesDirty, setSitesDirty] = useState(false);
  useEffect(() => setSitesDirty(sitesDiffer()), [sitesDiffer]);
  const dirty = sitesDirty || JSON.stringify(cellsToWindows(cells)) !== savedWindows;
  useUnsavedChangesGuard(dirty, t("availability.leaveUnsaved"));
  const summary = useRef<HTMLElement>(null);
  const submitting =
    navigation.state === "submitting" && navigation.formAction?.startsWith("/profile") && !navigation.formData?.get("intent");
  const security = actionData && "security" in actionData ? (actionData.security as SecurityOutcome) : undefined;
  const availability = actionData && "ok" in actionData ? actionData : undefined;

  useEffect(() => {
    if (availability && !availability.ok) summary.current?.focus();
  }, [availability]);

  const errorList = (availability && !availability.ok ? availability.errors : []).map((e) => {
    const text = e.key ? (t as (k: string) => string)(e.key) : (e.message ?? t("errors.generic"));
    if (!e.window) return { message: text };
    const day = e.window.weekday >= 1 && e.window.weekday <= 7 ? t(`availability.weekdays.${e.window.weekday as Weekday}`) : String(e.window.weekday);
    return {
      message: t("availability.windowError", {
        day,
        from: formatMinute(e.window.startMinute),
        to: formatMinute(e.window.endMinute),
        message: text,
      }),
    };
  });

  return (
    <div className="profile">
      <div className="page-head">
        <div>
          <h1>{t("availability.title")}</h1>
          <p className="page-head__intro">{t("availability.intro")}</p>
        </div>
        <a className="button button--secondary" href="#security-title">
          {t("security.jump")}
        </a>
      </div>
      {errorList.length > 0 ? <ErrorSummary ref={summary} title={t("availability.errorSummary")} errors={errorList} /> : null}
      <Form ref={form} method="post" className="profile" replace preventScrollReset onChange={() => setSitesDirty(sitesDiffer())}>
        <input type="hidden" name="windows" value={JSON.stringify(cellsToWindows(cells))} />
        <section className="panel profile__section" aria-labelledby="profile-grid-title">
          <h2 id="profile-grid-title">{t("availability.gridLabel")}</h2>
          <AvailabilityGrid value={cells} onChange={setCells} label={t("availability.gridLabel")} />
        </section>
        <section className="panel profile__section" aria-labelledby="profile-sites-title">
          <h2 id="profile-sites-title">{t("availability.sitesTitle")}</h2>
          <fieldset className="profile__checks" aria-describedby="profile-sites-hint">
            <legend className="visually-hidden">{t("availability.sitesTitle")}</legend>
            <p id="profile-sites-hint" className="muted">
              {t("availability.sitesHint")}
            </p>
            {loaderData.sites.map((site) => (
              <label key={site.id} className="check">
                <input type="checkbox" name="site" value={site.id} defaultChecked={loaderData.siteIds.includes(site.id)} />
                <span>{site.name}</span>
              </label>
            ))}
            <label className="check">
              <input type="checkbox" name="onlineOk" defaultChecked={loaderData.onlineOk} />
              <span>{t("availability.onlineOk")}</span>
            </label>
          </fieldset>
        </section>
        <div className={`profile__actions${dirty ? " profile__actions--dirty" : ""}`}>
          <button type="submit" className="button button--primary" aria-disabled={submitting || undefined}>
            {submitting ? t("availability.saving") : t("availability.save")}
          </button>
          <div role="status" className="notice-slot">
            {dirty && !submitting ? <p className="notice">{t("availability.unsaved")}</p> : null}
            {availability?.ok && !submitting && !dirty ? <p className="notice notice--success">{t("availability.saved")}</p> : null}
          </div>
        </div>
      </Form>
      <section className="profile__security" aria-labelledby="security-title">
        <h2 id="security-title">{t("security.title")}</h2>
        <p className="page-head__intro">{t("security.intro")}</p>
        <SessionList sessions={loaderData.sessions} outcome={security} />
        <ChangePasswordForm outcome={security} />
      </section>
    </div>
  );
}
