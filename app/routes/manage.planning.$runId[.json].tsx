import type { LoaderFunctionArgs } from "@remix-run/node";
import { MODERATOR_ROLES } from "~/lib/documents";
import { PLANNING_RUN_INSTANCE, type PlanningRunInstanceData } from "~/lib/documents/planning";
import { gql, requireUser } from "~/lib/graphql.server";

/**
 * /manage/planning/<runId>.json: the run's frozen scheduler-contract instance, as a download.
 * Replay it with `npm run -s schedule -- instance.json`.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  if (!MODERATOR_ROLES.has(viewer.role)) throw new Response("Not found", { status: 404 });
  const { node } = await gql<PlanningRunInstanceData>(context, PLANNING_RUN_INSTANCE, { id: params.runId ?? "" });
  if (!node || node.__typename !== "PlanningRun" || node.instanceJson == null) throw new Response("Not found", { status: 404 });
  const horizon = (JSON.parse(node.instanceJson) as { horizon?: { start?: string } }).horizon?.start ?? "run";
  return new Response(node.instanceJson, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="spros-instance-${horizon}.json"`,
      "cache-control": "private, no-store",
    },
  });
}
