import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ChartSection, DataTable } from "~/components/dashboard/chart-section";
import { CHART_COLORS, EChart, type ChartOption } from "~/components/dashboard/echart";
import type { WeekCountRow } from "~/lib/documents/dashboard";
import { intlLocale } from "~/lib/format";

/** "2026-11-23" → "23.11" (ru) or "23 Nov" (en); the date is a calendar day, so no time zone. */
function weekLabel(weekStart: string, locale: string): string {
  const [y, m, d] = weekStart.split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** New suggestions per week, the last 12 weeks, oldest first. */
export function SuggestionsChart({ rows, csvHref }: { rows: readonly WeekCountRow[]; csvHref: string }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 24, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: rows.map((r) => weekLabel(r.weekStart, i18n.language)), axisLabel: { interval: 0, rotate: 45 } },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          type: "line",
          name: t("dashboard.csv.suggestions"),
          data: rows.map((r) => r.count),
          symbolSize: 7,
          areaStyle: { opacity: 0.12 },
          itemStyle: { color: CHART_COLORS[1] },
          label: { show: true, position: "top" },
        },
      ],
    }),
    [rows, t, i18n.language],
  );
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const last = rows[rows.length - 1];
  const summary = t("dashboard.suggestions.summary", { count: total, weeks: rows.length, thisWeek: last?.count ?? 0 });
  return (
    <ChartSection id="suggestions-per-week" title={t("dashboard.suggestions.title")} summary={summary} csvHref={csvHref}>
      {rows.length > 0 ? <EChart option={option} height={260} label={summary} /> : null}
      <DataTable
        caption={t("dashboard.suggestions.title")}
        columns={[{ label: t("dashboard.csv.weekStart") }, { label: t("dashboard.csv.suggestions") }]}
        rows={rows.map((r) => ({ key: r.weekStart, cells: [weekLabel(r.weekStart, i18n.language), r.count] }))}
      />
    </ChartSection>
  );
}
