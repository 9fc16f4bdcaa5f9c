import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { UNVOTE, VOTE, type UnvoteData, type VoteData } from "~/lib/documents";
import { gql, requireUser, safeRedirect } from "~/lib/graphql.server";

/**
 * Voting without JavaScript: the vote button is a form posting here. With JavaScript the button
 * sends the mutation through urql instead and this route is not used.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const form = await request.formData();
  const topicId = String(form.get("topicId") ?? "");
  const intent = form.get("intent");
  const back = safeRedirect(form.get("redirectTo"));
  if (topicId && intent === "vote") await gql<VoteData>(context, VOTE, { topicId });
  else if (topicId && intent === "unvote") await gql<UnvoteData>(context, UNVOTE, { topicId });
  throw redirect(back);
}

export async function loader() {
  throw redirect("/topics");
}
