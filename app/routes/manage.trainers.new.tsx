import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormErrors } from "~/components/resource-form-errors";
import { TrainerForm } from "~/components/trainer-form";
import { daysOffProblems, postedValues, readDaysOff, readTrainerForm, trainerErrors } from "~/components/trainer-form-data";
import {
  CREATE_TRAINER,
  NEW_TRAINER_PAGE,
  SET_TRAINER_DAYS_OFF,
  type CreateTrainerResult,
  type NewTrainerPageData,
  type ResourceResult,
} from "~/lib/documents/resources";
import { gql, requireManager } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import resourcesStyles from "~/styles/resources.css";
import { BackLink } from "~/components/back-link";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resourcesStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("resources.newTrainerTitle"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireManager(request, context);
  return gql<NewTrainerPageData>(context, NEW_TRAINER_PAGE);
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireManager(request, context);
  const form = await request.formData();
  const { values, lists } = postedValues(form);
  const { daysOff, rowOf } = readDaysOff(form);
  const read = readTrainerForm(form);
  // Days off are checked before anything is created, so a bad date never leaves half a trainer.
  const fields = { ...("fields" in read ? read.fields : {}), ...daysOffProblems(daysOff, rowOf) };
  if ("fields" in read || Object.keys(fields).length) return data({ errors: { scope: "trainer", fields } as FormErrors, values, lists }, { status: 400 });

  const { createTrainer: result } = await gql<{ createTrainer: CreateTrainerResult }>(context, CREATE_TRAINER, { input: read.input });
  if (result.__typename !== "MutationCreateTrainerSuccess" || !result.data) {
    return data({ errors: trainerErrors(result, read.windowFields), values, lists }, { status: 400 });
  }
  const page = `/manage/trainers/${encodeURIComponent(result.data.id)}`;
  if (daysOff.length) {
    const { setTrainerDaysOff: saved } = await gql<{ setTrainerDaysOff: ResourceResult<string> }>(context, SET_TRAINER_DAYS_OFF, { trainerId: result.data.id, daysOff });
    // Not expected after the check above; the trainer exists, so the days off are added on their page.
    if (!saved.__typename.endsWith("Success")) throw redirect(`${page}?done=createdWithoutDaysOff#days-off`);
  }
  throw redirect(`${page}?done=created`);
}

export default function NewTrainerRoute() {
  const { sites, qualificationTopics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="trainer-page">
      <BackLink to="/manage/trainers">{t("resources.back")}</BackLink>
      <h1>{t("resources.newTrainerTitle")}</h1>
      <p className="page-intro">{t("resources.newTrainerIntro")}</p>
      <TrainerForm trainer={null} sites={sites} topics={qualificationTopics} errors={actionData?.errors} values={actionData?.values} lists={actionData?.lists} />
    </div>
  );
}
