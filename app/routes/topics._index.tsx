import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TopicList } from "~/components/topic-list";
import { TOPICS, type TopicsData } from "~/lib/documents";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import { parseTopicQuery, topicsVariables } from "~/lib/topic-query";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("topics.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const query = parseTopicQuery(new URL(request.url).searchParams);
  const { topics } = await gql<TopicsData>(context, TOPICS, topicsVariables(query));
  return {
    query,
    totalCount: topics.totalCount,
    hasNextPage: topics.pageInfo.hasNextPage,
    topics: topics.edges.map((e) => e.node),
  };
}

export default function TopicsRoute() {
  const data = useLoaderData<typeof loader>();
  return <TopicList {...data} />;
}
