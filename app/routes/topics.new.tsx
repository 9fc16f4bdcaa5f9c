import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import availabilityStyles from "~/styles/availability.css";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SuggestTopicForm } from "~/components/suggest-topic-form";
import { SUGGEST_TOPIC, type SuggestTopicData } from "~/lib/documents";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import { readSuggestForm, TOPIC_TITLE_MAX, type SuggestErrors, type SuggestField } from "~/lib/topic-form";
import { topicPath } from "~/lib/topic-path";

// The similar-topic hint's styles live with the staff-side components.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: availabilityStyles }];

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("suggest.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  // ?title=… comes from a topic search that found nothing: the form starts from what was looked for.
  const title = (new URL(request.url).searchParams.get("title") ?? "").trim().slice(0, TOPIC_TITLE_MAX);
  return { title };
}

const FIELDS: readonly string[] = ["title", "description", "block", "format", "audience"];

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const form = readSuggestForm(await request.formData());
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });

  const { suggestTopic: result } = await gql<SuggestTopicData>(context, SUGGEST_TOPIC, { input: form.input });
  if (result.__typename === "MutationSuggestTopicSuccess" && "data" in result) {
    throw redirect(`${topicPath(result.data.id)}?created=1`);
  }
  const errors: SuggestErrors = {};
  if ("fieldErrors" in result) {
    for (const fe of result.fieldErrors) {
      const field = fe.path.find((p) => FIELDS.includes(p)) as SuggestField | undefined;
      if (field) errors[field] ??= fe.message;
    }
  }
  if (Object.keys(errors).length === 0) errors.form = ("message" in result && result.message) || "errors.generic";
  return data({ errors, values: form.values }, { status: 400 });
}

export default function SuggestTopicRoute() {
  const actionData = useActionData<typeof action>();
  const { title } = useLoaderData<typeof loader>();
  const start = title ? { title, description: "", block: "", format: "" } : undefined;
  return <SuggestTopicForm errors={actionData?.errors} values={actionData?.values ?? start} />;
}
