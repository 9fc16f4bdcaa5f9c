import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MyTopicsPage, myTopicsVariables } from "~/components/my-topics";
import { MY_VOTED_TOPICS, type MyVotedTopicsData } from "~/lib/documents";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import availabilityStyles from "~/styles/availability.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: availabilityStyles }];

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("myTopics.votesTitle"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const url = new URL(request.url);
  const variables = myTopicsVariables(url);
  const { me } = await gql<MyVotedTopicsData>(context, MY_VOTED_TOPICS, variables);
  const connection = me.votedTopics ?? {
    totalCount: 0,
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    edges: [],
  };
  return { connection, paged: Boolean(variables.after || variables.before) };
}

export default function MyVotesRoute() {
  const { connection, paged } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <MyTopicsPage
      title={t("myTopics.votesTitle")}
      intro={t("myTopics.votesIntro")}
      empty={t("myTopics.votesEmpty")}
      connection={connection}
      paged={paged}
    />
  );
}
