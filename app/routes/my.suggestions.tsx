import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MyTopicsPage, myTopicsVariables } from "~/components/my-topics";
import { MY_SUGGESTED_TOPICS, type MySuggestedTopicsData } from "~/lib/documents";
import { gql, requireUser } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import availabilityStyles from "~/styles/availability.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: availabilityStyles }];

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("myTopics.suggestionsTitle"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const url = new URL(request.url);
  const variables = myTopicsVariables(url);
  const { me } = await gql<MySuggestedTopicsData>(context, MY_SUGGESTED_TOPICS, variables);
  const connection = me.suggestedTopics ?? {
    totalCount: 0,
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    edges: [],
  };
  return { connection, paged: Boolean(variables.after || variables.before) };
}

export default function MySuggestionsRoute() {
  const { connection, paged } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <MyTopicsPage
      title={t("myTopics.suggestionsTitle")}
      intro={t("myTopics.suggestionsIntro")}
      empty={t("myTopics.suggestionsEmpty")}
      connection={connection}
      paged={paged}
    />
  );
}
