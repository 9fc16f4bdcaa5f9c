import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageMessage } from "~/components/page-message";
import { TopicActivity } from "~/components/moderation/topic-activity";
import { TopicDetailView } from "~/components/topic-detail";
import { TOPIC, TOPIC_DISCUSSION, type TopicData, type TopicDiscussionData } from "~/lib/documents";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import { topicIdFromParam } from "~/lib/topic-path";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, (t) => data?.topic.title ?? t("topic.notFoundTitle"));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const id = topicIdFromParam(params.id ?? "");
  const [{ topic }, { topic: discussion }] = await Promise.all([
    gql<TopicData>(context, TOPIC, { id }),
    gql<TopicDiscussionData>(context, TOPIC_DISCUSSION, { id }),
  ]);
  if (!topic || !discussion) throw new Response("Topic not found", { status: 404 });
  const query = new URL(request.url).searchParams;
  const activity = {
    discussion,
    now: Date.now(),
    moderated: query.get("moderated"),
    moderationError: query.get("moderationError"),
    commentError: query.get("commentError"),
  };
  return { topic, created: query.has("created"), activity };
}

export default function TopicRoute() {
  const { topic, created, activity } = useLoaderData<typeof loader>();
  return (
    <>
      <TopicDetailView topic={topic} created={created} />
      <TopicActivity topic={topic} data={activity} />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <PageMessage title={t("topic.notFoundTitle")} text={t("topic.notFoundText")} />;
  }
  throw error;
}
