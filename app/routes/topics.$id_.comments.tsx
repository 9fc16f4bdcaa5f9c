import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { ADD_COMMENT, DELETE_COMMENT, type AddCommentData, type DeleteCommentData } from "~/lib/documents";
import { gql, requireUser, safeRedirect } from "~/lib/graphql.server";
import { topicIdFromParam, topicPath } from "~/lib/topic-path";

/**
 * Comments without JavaScript: the comment form and the delete buttons post here, and the page
 * comes back to the discussion (with the error in the URL when the API refused the comment).
 * With JavaScript the same mutations go through urql and this route is not used.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context);
  const topicId = topicIdFromParam(params.id ?? "");
  const form = await request.formData();
  const back = new URL(safeRedirect(form.get("redirectTo"), topicPath(topicId)), "http://x");
  for (const stale of ["commentError", "moderated", "moderationError", "created"]) back.searchParams.delete(stale);
  back.hash = "comments";
  if (form.get("intent") === "delete") {
    const commentId = String(form.get("commentId") ?? "");
    if (commentId) await gql<DeleteCommentData>(context, DELETE_COMMENT, { commentId });
  } else {
    const body = String(form.get("body") ?? "").trim();
    if (!body) back.searchParams.set("commentError", "comments.required");
    else {
      const { addComment: result } = await gql<AddCommentData>(context, ADD_COMMENT, { topicId, body });
      if (result.__typename !== "MutationAddCommentSuccess") {
        const message = ("fieldErrors" in result && result.fieldErrors[0]?.message) || ("message" in result && result.message) || "comments.failed";
        back.searchParams.set("commentError", message);
      }
    }
  }
  throw redirect(back.pathname + back.search + back.hash);
}

export async function loader({ params }: ActionFunctionArgs) {
  throw redirect(`${topicPath(topicIdFromParam(params.id ?? ""))}#comments`);
}
