import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getViewer } from "~/lib/graphql.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  throw redirect(viewer ? "/topics" : "/login");
}
