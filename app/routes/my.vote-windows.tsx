import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import type { VoteWindowsResult } from "~/components/availability-grid/vote-narrowing";
import { parseWindowsJson } from "~/lib/availability-cells";
import { SET_VOTE_WINDOWS, type SetVoteWindowsData } from "~/lib/documents";
import { gql, requireUser, safeRedirect } from "~/lib/graphql.server";

/**
 * Saves or clears the viewer's narrowing of their availability for one voted topic (the topic
 * page's "narrow my time" grid). A fetcher gets a result back; a plain form post goes back to the page.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const form = await request.formData();
  const topicId = String(form.get("topicId") ?? "");
  const intent = form.get("intent") === "clear" ? "clear" : "save";
  const viaFetcher = form.get("via") === "fetcher";
  const back = safeRedirect(form.get("redirectTo"));
  const windows = intent === "clear" ? null : parseWindowsJson(form.get("windows"));

  let result: VoteWindowsResult;
  if (!topicId || (intent === "save" && !windows)) {
    result = { ok: false, intent, message: undefined };
  } else {
    // An empty grid means "no narrowing" too (the API treats [] like null).
    const { setVoteWindows: r } = await gql<SetVoteWindowsData>(context, SET_VOTE_WINDOWS, {
      topicId,
      windows: windows && windows.length ? windows : null,
    });
    result =
      r.__typename === "MutationSetVoteWindowsSuccess"
        ? { ok: true, intent: windows && windows.length ? intent : "clear" }
        : { ok: false, intent, message: ("fieldErrors" in r && r.fieldErrors[0]?.message) || ("message" in r ? r.message : undefined) };
  }
  if (viaFetcher) return data(result, { status: result.ok ? 200 : 400 });
  throw redirect(back);
}

export async function loader() {
  throw redirect("/profile");
}
