import type { LoaderFunctionArgs } from "@remix-run/node";
import { dashboardCsv, dashboardCsvFilename, isDashboardChart } from "~/lib/dashboard-csv";
import { DASHBOARD_PAGE, dashboardVariables, readDashboardQuery, type DashboardPageData } from "~/lib/documents/dashboard";
import { requireUser } from "~/lib/graphql.server";
import { getFixedT } from "~/lib/i18n";
import { resolveLocale } from "~/lib/locale.server";

/**
 * GET /manage/dashboard.csv?chart=topTopics[&topic=&site=&office=&online=1] — one dashboard chart's
 * data as CSV (managers only), under the same filter as the page.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  if (viewer.role !== "MANAGER" && viewer.role !== "ADMIN") throw new Response("Forbidden", { status: 403 });
  const params = new URL(request.url).searchParams;
  const chart = params.get("chart");
  if (!isDashboardChart(chart)) throw new Response("Unknown chart", { status: 400 });
  const query = readDashboardQuery(params);
  if (chart === "topicAvailability" && !query.topicId) throw new Response("Choose a topic", { status: 400 });
  const result = await context.graphql<DashboardPageData>(DASHBOARD_PAGE, dashboardVariables(query));
  if (result.errors?.length || !result.data) throw new Response("Bad filter", { status: 400 });
  // The language the page is shown in (a language cookie may override the profile's).
  const t = getFixedT(resolveLocale(request, viewer));
  return new Response(dashboardCsv(chart, result.data, (key) => t(key as "dashboard.title")), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${dashboardCsvFilename(chart, result.data.all.asOf)}"`,
      "cache-control": "private, no-store",
    },
  });
}
