import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { resultErrors, type FormErrors } from "~/components/resource-form-errors";
import { TrainerForm } from "~/components/trainer-form";
import { dayOffField, postedValues, readDaysOff, readTrainerForm, trainerErrors } from "~/components/trainer-form-data";
import { SET_TRAINER_DAYS_OFF, TRAINER_PAGE, UPDATE_TRAINER, type ResourceResult, type TrainerPageData } from "~/lib/documents/resources";
import { gql, requireManager } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import resourcesStyles from "~/styles/resources.css";
import { BackLink } from "~/components/back-link";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resourcesStyles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) =>
  pageMeta(matches, (t) => t("resources.trainerTitle", { name: page?.trainer.name ?? "" }));

async function load(request: Request, context: LoaderFunctionArgs["context"], id: string) {
  await requireManager(request, context);
  const page = await gql<TrainerPageData>(context, TRAINER_PAGE, { id });
  if (!page.trainer) throw new Response("Trainer not found", { status: 404 });
  return { ...page, trainer: page.trainer };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return load(request, context, params.id ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { trainer } = await load(request, context, params.id ?? "");
  const form = await request.formData();
  const { values, lists } = postedValues(form);
  const back = `/manage/trainers/${encodeURIComponent(trainer.id)}`;

  if (form.get("intent") === "daysOff") {
    const { daysOff, rowOf } = readDaysOff(form);
    const { setTrainerDaysOff: result } = await gql<{ setTrainerDaysOff: ResourceResult<string> }>(context, SET_TRAINER_DAYS_OFF, { trainerId: trainer.id, daysOff });
    if (result.__typename.endsWith("Success")) throw redirect(`${back}?done=daysOffSaved#days-off`);
    const errors: FormErrors = { scope: "daysOff", ...resultErrors(result, "daysOff", {}, (path) => dayOffField(rowOf, path[1], path[2])) };
    return data({ errors, values, lists }, { status: 400 });
  }

  const read = readTrainerForm(form);
  if ("fields" in read) return data({ errors: { scope: "trainer", fields: read.fields } as FormErrors, values, lists }, { status: 400 });
  const { updateTrainer: result } = await gql<{ updateTrainer: ResourceResult<string> }>(context, UPDATE_TRAINER, { trainerId: trainer.id, input: read.input });
  if (result.__typename.endsWith("Success")) throw redirect(`${back}?done=saved`);
  return data({ errors: trainerErrors(result, read.windowFields), values, lists }, { status: 400 });
}

export default function ManageTrainerRoute() {
  const { trainer, sites, qualificationTopics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = actionData ? null : params.get("done");
  return (
    <div className="trainer-page">
      <BackLink to="/manage/trainers">{t("resources.back")}</BackLink>
      <h1>{t("resources.trainerTitle", { name: trainer.name })}</h1>
      {done === "saved" || done === "daysOffSaved" || done === "created" || done === "createdWithoutDaysOff" ? (
        <p className="notice notice--success" role="status">
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
