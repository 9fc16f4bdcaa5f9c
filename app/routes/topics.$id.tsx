import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageMessage } from "~/components/page-message";
import { TopicDetailView } from "~/components/topic-detail";
import { TOPIC, type TopicData } from "~/lib/documents";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import { topicIdFromParam } from "~/lib/topic-path";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => data?.topic.title ?? t("topic.notFoundTitle"));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const { topic } = await gql<TopicData>(context, TOPIC, { id: topicIdFromParam(params.id ?? "") });
  if (!topic) throw new Response("Topic not found", { status: 404 });
  return { topic, created: new URL(request.url).searchParams.has("created") };
}

export default function TopicRoute() {
  const { topic, created } = useLoaderData<typeof loader>();
  return <TopicDetailView topic={topic} created={created} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <PageMessage title={t("topic.notFoundTitle")} text={t("topic.notFoundText")} />;
  }
  throw error;
}
