import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EditTopicForm, type EditErrors, type EditValues } from "~/components/moderation/edit-topic-form";
import {
  EDIT_TOPIC,
  EDITABLE_TOPIC,
  MODERATOR_ROLES,
  type EditableTopic,
  type EditableTopicData,
  type EditTopicData,
  type EditTopicInput,
} from "~/lib/documents";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import { topicIdFromParam, topicPath } from "~/lib/topic-path";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("moderation.editTitle"));

async function load(request: Request, context: LoaderFunctionArgs["context"], param: string | undefined) {
  const viewer = await requireUser(request, context);
  const id = topicIdFromParam(param ?? "");
  // Managers only; the API refuses anyone else anyway.
  if (!MODERATOR_ROLES.has(viewer.role)) throw redirect(topicPath(id));
  const { topic } = await gql<EditableTopicData>(context, EDITABLE_TOPIC, { id });
  if (!topic) throw new Response("Topic not found", { status: 404 });
  if (topic.status === "MERGED") throw redirect(topicPath(id));
  return topic;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return { topic: await load(request, context, params.id) };
}

const FIELDS = ["title", "description", "audience", "block", "format", "durationMinutes", "minParticipants", "maxParticipants"] as const;
const NUMERIC = new Set(["durationMinutes", "minParticipants", "maxParticipants"]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const topic = await load(request, context, params.id);
  const form = await request.formData();
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as EditValues;

  // Only what changed goes to the API, so the moderation log records real edits.
  const input: Record<string, string | number> = {};
  const errors: EditErrors = {};
  for (const field of FIELDS) {
    const raw = values[field];
    const value = field === "audience" ? raw.trim() : raw;
    if (NUMERIC.has(field)) {
      const n = Number(raw);
      if (Number.isInteger(n) && n !== topic[field as keyof EditableTopic]) input[field] = n;
    } else if (field === "title" || field === "description") {
      if (value.trim() !== topic[field]) input[field] = value.trim();
    } else if (value !== topic[field as keyof EditableTopic]) input[field] = value;
  }
  // The API stays the authority; these checks give the same limits in the reader's language.
  const title = values.title.trim();
  const description = values.description.trim();
  if (title.length < 5) errors.title = "suggest.titleTooShort";
  else if (title.length > 120) errors.title = "suggest.titleTooLong";
  if (description.length < 10) errors.description = "suggest.descriptionTooShort";
  else if (description.length > 2000) errors.description = "suggest.descriptionTooLong";
  if (values.audience.trim().length > 300) errors.audience = "moderation.audienceTooLong";
  const min = Number(values.minParticipants);
  const max = Number(values.maxParticipants);
  if (!Number.isInteger(min) || min < 1) errors.minParticipants = "moderation.participantsInvalid";
  if (!Number.isInteger(max) || max < 1) errors.maxParticipants = "moderation.participantsInvalid";
  else if (Number.isInteger(min) && max < min) errors.maxParticipants = "moderation.maxBelowMin";
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  if (Object.keys(input).length === 0) return data({ errors: { form: "moderation.noChanges" } as EditErrors, values }, { status: 400 });

  const { editTopic: result } = await gql<EditTopicData>(context, EDIT_TOPIC, { topicId: topic.id, input: input as EditTopicInput });
  if (result.__typename === "MutationEditTopicSuccess") throw redirect(`${topicPath(topic.id)}?moderated=edited#moderation`);
  if ("fieldErrors" in result) {
    for (const fe of result.fieldErrors) {
      const field = fe.path.find((p) => (FIELDS as readonly string[]).includes(p)) as (typeof FIELDS)[number] | undefined;
      if (field) errors[field] ??= fe.message;
      else errors.form ??= fe.message;
    }
  }
  if (Object.keys(errors).length === 0) errors.form = ("message" in result && result.message) || "errors.generic";
  return data({ errors, values }, { status: 400 });
}

export default function EditTopicRoute() {
  const { topic } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <EditTopicForm topic={topic} errors={actionData?.errors} values={actionData?.values} />;
}
