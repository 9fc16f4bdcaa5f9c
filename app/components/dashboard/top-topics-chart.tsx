import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ChartSection, DataTable } from "~/components/dashboard/chart-section";
import { CHART_COLORS, EChart, type ChartOption } from "~/components/dashboard/echart";
import type { TopicDemandRow } from "~/lib/documents/dashboard";

const BAR_HEIGHT = 34;

/**
 * Top topics by votes as a bar race: ECharts sorts the bars by value (`realtimeSort`) and animates
 * them to their new places when the pulse brings new counts. Categories are topic ids, so two
 * topics with the same title stay two bars.
 */
export function TopTopicsChart({ rows, csvHref }: { rows: readonly TopicDemandRow[]; csvHref: string }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const byId = new Map(rows.map((r) => [r.topic.id, r]));
    return {
      animationDuration: 300,
      animationDurationUpdate: 700,
      animationEasing: "linear",
      animationEasingUpdate: "linear",
      grid: { left: 8, right: 150, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: "value", minInterval: 1, max: "dataMax" },
      yAxis: {
        type: "category",
        inverse: true,
        data: rows.map((r) => r.topic.id),
        animationDuration: 300,
        animationDurationUpdate: 300,
        axisLabel: { width: 260, overflow: "truncate", formatter: (id: string) => byId.get(id)?.topic.title ?? "" },
      },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      series: [
        {
          type: "bar",
          name: t("dashboard.csv.votes"),
          realtimeSort: true,
          data: rows.map((r) => r.votes),
          itemStyle: { color: CHART_COLORS[0], borderRadius: [0, 4, 4, 0] },
          label: {
            show: true,
            position: "right",
            valueAnimation: true,
            formatter: (p: { dataIndex: number; value: unknown }) =>
              t("dashboard.topTopics.barLabel", { votes: Number(p.value), trend: rows[p.dataIndex]?.votesLast7Days ?? 0 }),
          },
        },
      ],
    };
  }, [rows, t]);
  const leader = rows[0];
  const summary = leader
    ? t("dashboard.topTopics.summary", { title: leader.topic.title, votes: t("votes.count", { count: leader.votes }), count: rows.length })
    : t("dashboard.empty");
  return (
    <ChartSection id="top-topics" title={t("dashboard.topTopics.title")} summary={summary} csvHref={csvHref} wide>
      {rows.length > 0 ? (
        <EChart option={option} height={rows.length * BAR_HEIGHT + 40} label={summary} testId="top-topics-chart" />
      ) : null}
      <DataTable
        caption={t("dashboard.topTopics.title")}
        testId="top-topics-table"
        columns={[{ label: t("dashboard.csv.topic") }, { label: t("dashboard.csv.votes") }, { label: t("dashboard.csv.votesLast7Days") }]}
        rows={rows.map((r) => ({
          key: r.topic.id,
          cells: [r.topic.title, <span key="v" data-votes={r.votes}>{r.votes}</span>, r.votesLast7Days],
        }))}
      />
    </ChartSection>
  );
}
