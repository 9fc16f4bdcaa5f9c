import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageMessage } from "~/components/page-message";
import { TopicActivity, TopicModeration } from "~/components/moderation/topic-activity";
import { TopicDetailView } from "~/components/topic-detail";
import { TopicSessions } from "~/components/topic-sessions";
import { TopicDemandSection } from "~/components/demand-heatmap";
import { MY_AVAILABILITY_WINDOWS, type MyAvailabilityWindowsData } from "~/lib/documents";
import availabilityStyles from "~/styles/availability.css";
import heatmapStyles from "~/styles/heatmap.css";
import { TOPIC, TOPIC_DISCUSSION, type TopicData, type TopicDiscussionData } from "~/lib/documents";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import { topicIdFromParam } from "~/lib/topic-path";

export const links: LinksFunction = () => [availabilityStyles, heatmapStyles].map((href) => ({ rel: "stylesheet", href }));

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
  // The viewer's weekly availability: where the "narrow my time for this topic" grid starts.
  const { me } = await gql<MyAvailabilityWindowsData>(context, MY_AVAILABILITY_WINDOWS);
  return { topic, created: query.has("created"), activity, myAvailability: me.availability ?? [] };
}

export default function TopicRoute() {
  const { topic, created, activity, myAvailability } = useLoaderData<typeof loader>();
  return (
    <TopicDetailView topic={topic} created={created} side={<TopicModeration topic={topic} data={activity} />}>
      <TopicSessions sessions={topic.upcomingSessions ?? []} />
      <TopicDemandSection topic={topic} availability={myAvailability} />
      <TopicActivity topic={topic} data={activity} />
    </TopicDetailView>
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
