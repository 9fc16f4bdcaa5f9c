import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { resultErrors, type FormErrors } from "~/components/resource-form-errors";
import { ResourceNav } from "~/components/resource-nav";
import { TrainerForm } from "~/components/trainer-form";
import { MODERATOR_ROLES } from "~/lib/documents";
import {
  SET_TRAINER_DAYS_OFF,
  TRAINER_PAGE,
  UPDATE_TRAINER,
  type ResourceResult,
  type TrainerPageData,
  type TrainerWindow,
} from "~/lib/documents/resources";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import resourcesStyles from "~/styles/resources.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resourcesStyles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) =>
  pageMeta(matches, (t) => t("resources.trainerTitle", { name: page?.trainer.name ?? "" }));

async function load(request: Request, context: LoaderFunctionArgs["context"], id: string) {
  const viewer = await requireUser(request, context);
  if (!MODERATOR_ROLES.has(viewer.role)) throw redirect("/topics");
  const page = await gql<TrainerPageData>(context, TRAINER_PAGE, { id });
  if (!page.trainer) throw new Response("Trainer not found", { status: 404 });
  return { ...page, trainer: page.trainer };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return load(request, context, params.id ?? "");
}

const WINDOW_FIELD = /^w-(\d)-(\d+)-from$/;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { trainer } = await load(request, context, params.id ?? "");
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? "");
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v)]));
  const lists = { topicIds: form.getAll("topicIds").map(String), siteIds: form.getAll("siteIds").map(String) };
  const back = `/manage/trainers/${encodeURIComponent(trainer.id)}`;

  if (text("intent") === "daysOff") {
    // Rows with a date that are not ticked for removal; `rowOf` maps the API's index back to a row.
    const rowOf: number[] = [];
    const daysOff = Array.from({ length: Number(text("rows")) || 0 }, (_, row) => row).flatMap((row) => {
      const date = text(`day-${row}-date`).trim();
      if (!date || form.get(`day-${row}-remove`) === "on") return [];
      rowOf.push(row);
      return [{ date, reason: text(`day-${row}-reason`).trim() || null }];
    });
    const { setTrainerDaysOff: result } = await gql<{ setTrainerDaysOff: ResourceResult<string> }>(context, SET_TRAINER_DAYS_OFF, { trainerId: trainer.id, daysOff });
    if (result.__typename.endsWith("Success")) throw redirect(`${back}?done=daysOffSaved#days-off`);
    const errors: FormErrors = {
      scope: "daysOff",
      ...resultErrors(result, "daysOff", {}, (path) => `day-${rowOf[Number(path[1])] ?? 0}-${path[2] ?? "date"}`),
    };
    return data({ errors, values, lists }, { status: 400 });
  }

  // Weekly windows: both ends or neither; `fieldOf` maps the API's index back to the select.
  const windows: TrainerWindow[] = [];
  const fieldOf: string[] = [];
  const fields: Record<string, string> = {};
  for (const key of form.keys()) {
    const match = WINDOW_FIELD.exec(key);
    if (!match) continue;
    const base = `w-${match[1]}-${match[2]}`;
    const from = text(`${base}-from`);
    const to = text(`${base}-to`);
    if (!from && !to) continue;
    if (!from || !to) {
      fields[`${base}-from`] = "resources.errors.windowIncomplete";
      continue;
    }
    windows.push({ weekday: Number(match[1]), startMinute: Number(from), endMinute: Number(to) });
    fieldOf.push(base);
  }
  if (Object.keys(fields).length) return data({ errors: { scope: "trainer", fields } as FormErrors, values, lists }, { status: 400 });
  const hours = Number(text("maxHoursPerWeek"));
  const input = { name: text("name"), maxHoursPerWeek: Number.isInteger(hours) ? hours : 0, topicIds: lists.topicIds, siteIds: lists.siteIds, availability: windows };
  const { updateTrainer: result } = await gql<{ updateTrainer: ResourceResult<string> }>(context, UPDATE_TRAINER, { trainerId: trainer.id, input });
  if (result.__typename.endsWith("Success")) throw redirect(`${back}?done=saved`);
  const errors: FormErrors = {
    scope: "trainer",
    ...resultErrors(result, "trainer", {}, (path) => {
      if (path[1] !== "availability") return path[1] ?? "form";
      return `${fieldOf[Number(path[2])] ?? "w-1-0"}-${path[3] === "endMinute" ? "to" : "from"}`;
    }),
  };
  return data({ errors, values, lists }, { status: 400 });
}

export default function ManageTrainerRoute() {
  const { trainer, sites, qualificationTopics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = actionData ? null : params.get("done");
  return (
    <div className="trainer-page">
      <ResourceNav />
      <p className="back-link">
        <Link to="/manage/trainers">
          <span aria-hidden="true">← </span>
          {t("resources.back")}
        </Link>
      </p>
      <h1>{t("resources.trainerTitle", { name: trainer.name })}</h1>
      {trainer.user ? <p>{t("resources.linkedUser", { name: trainer.user.name })}</p> : null}
      {done === "saved" || done === "daysOffSaved" ? (
        <p className="resources__done" role="status">
          {t(`resources.${done}`)}
        </p>
      ) : null}
      <TrainerForm
        key={JSON.stringify(trainer)}
        trainer={trainer}
        sites={sites}
        topics={qualificationTopics}
        errors={actionData?.errors}
        values={actionData?.values}
        lists={actionData?.errors.scope === "trainer" ? actionData.lists : undefined}
      />
    </div>
  );
}
