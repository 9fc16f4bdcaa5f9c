import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addDays, centreWallClock, dateKey, isoWeekday } from "../../domain/centre-time";
import { DEFAULT_TOPIC_COUNT, PlanningRunForm, type PlanningFormErrors, type PlanningFormValues } from "~/components/planning-run-form";
import { PlanningRunList, STARTED_RUN_ANCHOR } from "~/components/planning-run-list";
import {
  CANCEL_PLANNING_RUN,
  PLANNING_PAGE,
  START_PLANNING_RUN,
  type CancelPlanningRunData,
  type PlanningPageData,
  type StartPlanningRunData,
} from "~/lib/documents/planning";
import { gql, requireManager } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import planningStyles from "~/styles/planning.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planningStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("planning.title"));

/** The Monday after today on the centre's calendar, as "YYYY-MM-DD". */
function nextMonday(): string {
  const today = centreWallClock(new Date()).date;
  return dateKey(addDays(today, 8 - isoWeekday(today)));
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireManager(request, context);
  const page = await gql<PlanningPageData>(context, PLANNING_PAGE);
  const topics = page.topics.edges.map((edge) => edge.node);
  const defaults: PlanningFormValues = {
    horizonStart: nextMonday(),
    weeks: "4",
    timeLimitSeconds: "30",
    topicIds: topics.slice(0, DEFAULT_TOPIC_COUNT).map((topic) => topic.id),
  };
  return { runs: page.planningRuns.edges.map((edge) => edge.node), topics, defaults };
}

const FIELD_OF: Record<string, keyof PlanningFormErrors> = {
  horizonStart: "horizonStart",
  horizonDays: "weeks",
  timeLimitSeconds: "timeLimitSeconds",
  topicIds: "topicIds",
};

export async function action({ request, context }: ActionFunctionArgs) {
  await requireManager(request, context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "cancel") {
    const result = await gql<CancelPlanningRunData>(context, CANCEL_PLANNING_RUN, { id: String(form.get("runId") ?? "") });
    const outcome = result.cancelPlanningRun.__typename.endsWith("Success") ? "cancelled" : "cancelFailed";
    throw redirect(`/manage/planning?done=${outcome}`);
  }
  if (intent !== "start") throw new Response("Unknown intent", { status: 400 });
  const values: PlanningFormValues = {
    horizonStart: String(form.get("horizonStart") ?? ""),
    weeks: String(form.get("weeks") ?? ""),
    timeLimitSeconds: String(form.get("timeLimitSeconds") ?? ""),
    topicIds: form.getAll("topicIds").map(String),
  };
  const weeks = Number(values.weeks);
  const seconds = Number(values.timeLimitSeconds);
  const errors: PlanningFormErrors = {};
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 8) errors.weeks = "planning.error.weeks";
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120) errors.timeLimitSeconds = "planning.error.timeLimitSeconds";
  if (values.topicIds.length === 0) errors.topicIds = "planning.error.noTopicChosen";
  if (Object.keys(errors).length === 0) {
    const input = { horizonStart: values.horizonStart, horizonDays: weeks * 7, timeLimitSeconds: seconds, topicIds: values.topicIds };
    const result = (await gql<StartPlanningRunData>(context, START_PLANNING_RUN, { input })).startPlanningRun;
    // Back to the new run's card (the progress is there), not to the top of the page.
    if (result.__typename === "MutationStartPlanningRunSuccess") {
      throw redirect(`/manage/planning?${new URLSearchParams({ done: "started", run: result.data.id })}#${STARTED_RUN_ANCHOR}`);
    }
    for (const fieldError of result.fieldErrors) {
      const field = FIELD_OF[fieldError.path[1] ?? ""] ?? "form";
      errors[field] ??= `planning.error.${field}`;
    }
    if (Object.keys(errors).length === 0) errors.form = "planning.error.form";
  }
  return data({ errors, values }, { status: 400 });
}

export default function ManagePlanningRoute() {
  const { runs, topics, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = actionData ? null : params.get("done");
  const errors = actionData?.errors
    ? (Object.fromEntries(Object.entries(actionData.errors).map(([field, key]) => [field, t(key as string, { defaultValue: t("planning.error.form") })])) as PlanningFormErrors)
    : undefined;
  return (
    <div className="planning">
      <h1>{t("planning.title")}</h1>
      <p className="page-intro">{t("planning.intro")}</p>
      {done && done !== "started" ? (
        <p className="notice notice--success" role="status">
          {t(`planning.done.${done}`, { defaultValue: "" })}
        </p>
      ) : null}
      <PlanningRunForm topics={topics} defaults={defaults} errors={errors} values={actionData?.values} />
      <PlanningRunList runs={runs} startedRunId={done === "started" ? params.get("run") : null} />
    </div>
  );
}
