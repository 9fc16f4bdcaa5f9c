import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
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
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import availabilityStyles from "~/styles/availability.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: availabilityStyles }];

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("availability.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const { me, sites } = await gql<MyAvailabilityData>(context, MY_AVAILABILITY);
  return {
    windows: me.availability ?? [],
    siteIds: (me.preferredSites ?? []).map((s) => s.id),
    onlineOk: me.onlineOk ?? false,
    sites,
  };
}

/** An error for the summary: either a translation key or the API's message, with the window it concerns. */
type ProfileError = { key?: string; message?: string; window?: { weekday: number; startMinute: number; endMinute: number } };

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const form = await request.formData();
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
  const summary = useRef<HTMLElement>(null);
  const submitting = navigation.state === "submitting" && navigation.formAction?.startsWith("/profile");

  useEffect(() => {
    if (actionData && !actionData.ok) summary.current?.focus();
  }, [actionData]);

  const errorList = (actionData && !actionData.ok ? actionData.errors : []).map((e) => {
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
      </div>
      {errorList.length > 0 ? <ErrorSummary ref={summary} title={t("availability.errorSummary")} errors={errorList} /> : null}
      <Form method="post" className="profile" replace preventScrollReset>
        <input type="hidden" name="windows" value={JSON.stringify(cellsToWindows(cells))} />
        <section className="profile__section" aria-labelledby="profile-grid-title">
          <h2 id="profile-grid-title">{t("availability.gridLabel")}</h2>
          <AvailabilityGrid value={cells} onChange={setCells} label={t("availability.gridLabel")} />
        </section>
        <section className="profile__section" aria-labelledby="profile-sites-title">
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
        <div className="profile__actions">
          <button type="submit" className="button button--primary" aria-disabled={submitting || undefined}>
            {submitting ? t("availability.saving") : t("availability.save")}
          </button>
          <div role="status" className="notice-slot">
            {actionData?.ok && !submitting ? <p className="notice notice--success">{t("availability.saved")}</p> : null}
          </div>
        </div>
      </Form>
    </div>
  );
}
