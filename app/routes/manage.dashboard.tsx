import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { AvailabilitySection } from "~/components/dashboard/availability-section";
import { BlockFormatChart } from "~/components/dashboard/block-format-chart";
import { CoverageChart } from "~/components/dashboard/coverage-chart";
import { HeadlineFigures } from "~/components/dashboard/headline-figures";
import { useDashboardPulse } from "~/components/dashboard/live-pulse";
import { OfficeChart } from "~/components/dashboard/office-chart";
import { PrintButton } from "~/components/dashboard/print-button";
import { SuggestionsChart } from "~/components/dashboard/suggestions-chart";
import { TopTopicsChart } from "~/components/dashboard/top-topics-chart";
import type { DashboardChart } from "~/lib/dashboard-csv";
import {
  DASHBOARD_PAGE,
  dashboardSearch,
  dashboardVariables,
  readDashboardQuery,
  type DashboardPageData,
} from "~/lib/documents/dashboard";
import { dataOrThrow, requireManager } from "~/lib/graphql.server";
import { pageMeta } from "~/lib/meta";
import dashboardStyles from "~/styles/dashboard.css";
import heatmapStyles from "~/styles/heatmap.css";
import { CENTRE_TIME_ZONE, intlLocale } from "~/lib/format";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: heatmapStyles },
  { rel: "stylesheet", href: dashboardStyles },
];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("dashboard.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireManager(request, context);
  const query = readDashboardQuery(new URL(request.url).searchParams);
  const result = await context.graphql<DashboardPageData>(DASHBOARD_PAGE, dashboardVariables(query));
  // A filter id in the URL that is not an office, site or topic: a bad request, not a server error.
  if (result.errors?.length && dashboardSearch(query).size > 0) throw new Response("Bad filter", { status: 400 });
  return { data: dataOrThrow(result), query };
}

export default function ManageDashboardRoute() {
  const { data, query } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const live = useDashboardPulse({ asOf: data.all.asOf, headline: data.all.headline, topTopics: data.all.topTopics });
  const search = dashboardSearch(query).toString();
  const csv = (chart: DashboardChart) => `/manage/dashboard.csv?chart=${chart}${search ? `&${search}` : ""}`;
  const topics = useMemo(() => data.all.topicChoices.map((c) => ({ id: c.topic.id, label: c.topic.title })), [data.all.topicChoices]);
  const offices = useMemo(
    () =>
      [...data.all.demandByOffice]
        .sort((a, b) => a.office.name.localeCompare(b.office.name, i18n.language))
        .map((r) => ({ id: r.office.id, label: r.office.name })),
    [data.all.demandByOffice, i18n.language],
  );
  const sites = data.sites.map((s) => ({ id: s.id, label: s.name }));
  const topicTitle = topics.find((c) => c.id === query.topicId)?.label ?? null;
  const asOf = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long", timeStyle: "short", timeZone: CENTRE_TIME_ZONE }).format(new Date(live.asOf));

  return (
    <div className="dashboard">
      <div className="dashboard__top">
        <div>
          <h1>{t("dashboard.title")}</h1>
          <p className="page-intro">{t("dashboard.intro")}</p>
          <p className="dashboard__as-of" data-testid="dashboard-as-of">
            {t("dashboard.asOf", { time: asOf })}
          </p>
        </div>
        <PrintButton />
      </div>
      <HeadlineFigures headline={live.headline} csvHref={csv("headline")} />
      <div className="dashboard__grid">
        <TopTopicsChart rows={live.topTopics} csvHref={csv("topTopics")} />
        <AvailabilitySection
          query={query}
          topics={topics}
          sites={sites}
          offices={offices}
          overall={data.filtered.availability}
          topic={data.filtered.topicAvailability ?? null}
          topicTitle={topicTitle}
          csvHref={csv}
        />
        <OfficeChart rows={data.all.demandByOffice} csvHref={csv("demandByOffice")} />
        <BlockFormatChart rows={data.all.demandByBlockFormat} csvHref={csv("demandByBlockFormat")} />
        <SuggestionsChart rows={data.all.suggestionsPerWeek} csvHref={csv("suggestionsPerWeek")} />
        <CoverageChart rows={data.all.coverage} csvHref={csv("coverage")} />
      </div>
    </div>
  );
}
