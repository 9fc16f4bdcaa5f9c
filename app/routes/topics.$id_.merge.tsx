import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MergePicker } from "~/components/moderation/merge-picker";
import {
  EDITABLE_TOPIC,
  MERGE_CANDIDATES,
  MERGE_TOPICS,
  MODERATOR_ROLES,
  type EditableTopicData,
  type MergeCandidate,
  type MergeCandidatesData,
  type MergeTopicsData,
} from "~/lib/documents";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import { topicIdFromParam, topicPath } from "~/lib/topic-path";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("moderation.mergeTitle"));

/**
 * Merging a duplicate, in two plain steps that work without JavaScript: find the topic to keep
 * (similar titles first, or a search), then confirm. The API moves votes, time narrowings and
 * comments and notifies the voters.
 */
async function requireManager(request: Request, context: LoaderFunctionArgs["context"], param: string | undefined) {
  const viewer = await requireUser(request, context);
  const id = topicIdFromParam(param ?? "");
  if (!MODERATOR_ROLES.has(viewer.role)) throw redirect(topicPath(id));
  return id;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = await requireManager(request, context, params.id);
  const url = new URL(request.url);
  const search = url.searchParams.get("q")?.trim() ?? "";
  const target = url.searchParams.get("target") ?? "";
  const { topic } = await gql<EditableTopicData>(context, EDITABLE_TOPIC, { id });
  if (!topic) throw new Response("Topic not found", { status: 404 });
  const result = await gql<MergeCandidatesData>(context, MERGE_CANDIDATES, {
    id,
    title: topic.title,
    search: search || null,
    searching: search.length > 0,
    target,
    withTarget: target.length > 0,
  });
  const found: MergeCandidate[] = search
    ? (result.topics?.edges.map((e) => e.node) ?? [])
    : (result.similarTopics?.data?.map((s) => s.topic) ?? []);
  const candidates = found.filter((c) => c.id !== id && c.status !== "MERGED");
  const chosen = result.target && result.target.id !== id && result.target.status !== "MERGED" ? result.target : null;
  return { source: { id: topic.id, title: topic.title, status: topic.status }, search, candidates, target: chosen };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const sourceId = await requireManager(request, context, params.id);
  const form = await request.formData();
  const targetId = String(form.get("targetId") ?? "");
  if (!targetId) return data({ error: "errors.generic" }, { status: 400 });
  const { mergeTopics: result } = await gql<MergeTopicsData>(context, MERGE_TOPICS, { sourceId, targetId });
  if (result.__typename === "MutationMergeTopicsSuccess" && "data" in result) {
    throw redirect(`${topicPath(result.data.target.id)}?moderated=merged#moderation`);
  }
  return data({ error: ("message" in result && result.message) || "errors.generic" }, { status: 400 });
}

export default function MergeRoute() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <MergePicker {...loaderData} error={actionData?.error ?? null} />;
}
