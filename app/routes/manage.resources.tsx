import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { centreWallClock, dateKey } from "../../domain/centre-time";
import { ResourceClosedDates } from "~/components/resource-closed-dates";
import { resultErrors, type FormErrors } from "~/components/resource-form-errors";
import { ResourceSite } from "~/components/resource-site";
import { ResourceSiteForm } from "~/components/resource-site-form";
import {
  ADD_CLOSED_DATE,
  CREATE_ROOM,
  CREATE_SITE,
  DELETE_ROOM,
  REMOVE_CLOSED_DATE,
  RESOURCES_PAGE,
  UPDATE_ROOM,
  UPDATE_SITE,
  type ResourceResult,
  type ResourcesPageData,
} from "~/lib/documents/resources";
import { gql, requireManager } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import resourcesStyles from "~/styles/resources.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resourcesStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("resources.title"));

/** Today at the centre, as the API's "YYYY-MM-DD". */
const centreToday = () => dateKey(centreWallClock(new Date()).date);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireManager(request, context);
  return gql<ResourcesPageData>(context, RESOURCES_PAGE, { from: centreToday() });
}

type Intent = "createSite" | "updateSite" | "createRoom" | "updateRoom" | "deleteRoom" | "addClosedDate" | "removeClosedDate";
const DONE: Record<Intent, string> = {
  createSite: "siteAdded",
  updateSite: "siteSaved",
  createRoom: "roomAdded",
  updateRoom: "roomSaved",
  deleteRoom: "roomDeleted",
  addClosedDate: "closedAdded",
  removeClosedDate: "closedRemoved",
};

export async function action({ request, context }: ActionFunctionArgs) {
  await requireManager(request, context);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? "");
  const intent = text("intent") as Intent;
  const target = text("target");
  // Fields carry the form's scope in their names (several forms share the page), e.g. "room-<id>-name".
  const scope = text("scope");
  const values = Object.fromEntries([...form.entries()].map(([key, value]) => [key, String(value)]));
  let result: ResourceResult<string>;
  if (intent === "createSite" || intent === "updateSite") {
    const minute = (name: string) => (text(`${scope}-${name}`) === "" ? -1 : Number(text(`${scope}-${name}`)));
    const input = {
      code: text(`${scope}-code`),
      name: text(`${scope}-name`),
      address: text(`${scope}-address`),
      opensMinute: minute("opensMinute"),
      closesMinute: minute("closesMinute"),
    };
    result =
      intent === "createSite"
        ? (await gql<{ createSite: ResourceResult<string> }>(context, CREATE_SITE, { input })).createSite
        : (await gql<{ updateSite: ResourceResult<string> }>(context, UPDATE_SITE, { siteId: target, input })).updateSite;
  } else if (intent === "createRoom" || intent === "updateRoom") {
    const capacity = Number(text(`${scope}-capacity`));
    const input = { name: text(`${scope}-name`), capacity: Number.isInteger(capacity) ? capacity : 0 };
    result =
      intent === "createRoom"
        ? (await gql<{ createRoom: ResourceResult<string> }>(context, CREATE_ROOM, { siteId: target, input })).createRoom
        : (await gql<{ updateRoom: ResourceResult<string> }>(context, UPDATE_ROOM, { roomId: target, input })).updateRoom;
  } else if (intent === "deleteRoom") {
    result = (await gql<{ deleteRoom: ResourceResult<string> }>(context, DELETE_ROOM, { roomId: target })).deleteRoom;
  } else if (intent === "addClosedDate") {
    const input = { siteId: text("closed-siteId") || null, date: text("closed-date"), reason: text("closed-reason") };
    result = (await gql<{ addClosedDate: ResourceResult<string> }>(context, ADD_CLOSED_DATE, { input })).addClosedDate;
  } else if (intent === "removeClosedDate") {
    result = (await gql<{ removeClosedDate: ResourceResult<string> }>(context, REMOVE_CLOSED_DATE, { closedDateId: target })).removeClosedDate;
  } else {
    throw new Response("Unknown intent", { status: 400 });
  }
  if (result.__typename.endsWith("Success")) throw redirect(`/manage/resources?done=${DONE[intent]}`);
  const errors: FormErrors = { scope, ...resultErrors(result, scope, { name: text("targetName") }) };
  if (intent === "createSite" || intent === "updateSite") {
    // A site's name has its own limits (2–100) and a code of its own rules: their own messages.
    for (const [field, key] of Object.entries(errors.fields ?? {})) {
      if (key === "resources.errors.name") errors.fields![field] = "resources.errors.siteName";
    }
  }
  return data({ errors, values }, { status: 400 });
}

export default function ManageResourcesRoute() {
  const { sites, closedDates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = actionData ? null : params.get("done");
  return (
    <div className="resources">
      <h1>{t("resources.title")}</h1>
      <p className="page-intro">{t("resources.intro")}</p>
      {done ? (
        <p className="notice notice--success" role="status">
          {t(`resources.${done}`, { defaultValue: "" })}
        </p>
      ) : null}
      {sites.map((site) => (
        <ResourceSite key={site.id} site={site} errors={actionData?.errors} values={actionData?.values} />
      ))}
      <section className="resource-site resource-site--new" aria-labelledby="add-site">
        <h2 id="add-site">{t("resources.addSiteTitle")}</h2>
        <ResourceSiteForm site={null} errors={actionData?.errors} values={actionData?.values} />
      </section>
      <ResourceClosedDates sites={sites} closedDates={closedDates} errors={actionData?.errors} values={actionData?.values} />
    </div>
  );
}
