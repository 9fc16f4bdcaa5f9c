import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import {
  REJECT_TOPIC,
  REJECTION_REASON_MIN,
  REOPEN_TOPIC,
  SET_TOPIC_STATUS,
  TOPIC_STATUSES,
  type RejectTopicData,
  type ReopenTopicData,
  type SetTopicStatusData,
} from "~/lib/documents";
import { gql, requireUser } from "~/lib/graphql.server";
import type { ModerationOutcome } from "~/lib/moderation";
import { topicIdFromParam, topicPath } from "~/lib/topic-path";

type Result = { __typename: string; message?: string; fieldErrors?: Array<{ message: string }> };

/**
 * The moderation panel's forms (status change, reject, reopen) post here; the answer is a redirect
 * back to the topic page with the outcome or the error in the URL, so it works without JavaScript.
 * The API enforces the manager role and the life cycle; its messages are shown as they come.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context);
  const topicId = topicIdFromParam(params.id ?? "");
  const form = await request.formData();
  const intent = form.get("intent");
  const back = (query: Record<string, string>) =>
    redirect(`${topicPath(topicId)}?${new URLSearchParams(query)}#moderation`);

  let result: Result | undefined;
  let outcome: ModerationOutcome = "status";
  if (intent === "status") {
    const status = String(form.get("status") ?? "");
    if (!(TOPIC_STATUSES as readonly string[]).includes(status)) return back({ moderationError: "errors.generic" });
    result = (await gql<SetTopicStatusData>(context, SET_TOPIC_STATUS, { topicId, status })).setTopicStatus;
  } else if (intent === "reject") {
    const reason = String(form.get("reason") ?? "").trim();
    if (reason.length < REJECTION_REASON_MIN) return back({ moderationError: "moderation.reasonRequired" });
    result = (await gql<RejectTopicData>(context, REJECT_TOPIC, { topicId, reason })).rejectTopic;
    outcome = "rejected";
  } else if (intent === "reopen") {
    result = (await gql<ReopenTopicData>(context, REOPEN_TOPIC, { topicId })).reopenTopic;
    outcome = "reopened";
  } else {
    return back({ moderationError: "errors.generic" });
  }
  if (result.__typename.endsWith("Success")) return back({ moderated: outcome });
  if ("reason" in result && result.reason === "SESSIONS_AHEAD") return back({ moderationError: "moderation.errorSessionsAhead" });
  const message = result.fieldErrors?.[0]?.message || result.message || "errors.generic";
  return back({ moderationError: message });
}

export async function loader({ params }: ActionFunctionArgs) {
  throw redirect(topicPath(topicIdFromParam(params.id ?? "")));
}
