import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ChartSection, DataTable } from "~/components/dashboard/chart-section";
import { EChart, type ChartOption } from "~/components/dashboard/echart";
import { TOPIC_BLOCKS, TOPIC_FORMATS } from "~/lib/documents";
import type { BlockFormatDemandRow } from "~/lib/documents/dashboard";

/** Votes by format, stacked by block (every format shown, zeros included), as horizontal bars. */
export function BlockFormatChart({ rows, csvHref }: { rows: readonly BlockFormatDemandRow[]; csvHref: string }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const votes = (block: string, format: string) => rows.find((r) => r.block === block && r.format === format)?.votes ?? 0;
    return {
      grid: { left: 8, right: 16, top: 40, bottom: 24, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      // Formats down the side: their names ("Дистанционный курс") need the width bars do not.
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: TOPIC_FORMATS.map((f) => t(`formats.${f}`)) },
      series: TOPIC_BLOCKS.map((block) => ({
        type: "bar" as const,
        name: t(`blocks.${block}`),
        stack: "votes",
        data: TOPIC_FORMATS.map((format) => votes(block, format)),
      })),
    };
  }, [rows, t]);
  const top = [...rows].sort((a, b) => b.votes - a.votes)[0];
  const summary = top
    ? t("dashboard.blockFormat.summary", { block: t(`blocks.${top.block}`), format: t(`formats.${top.format}`), votes: t("votes.count", { count: top.votes }) })
    : t("dashboard.empty");
  return (
    <ChartSection id="demand-by-block-format" title={t("dashboard.blockFormat.title")} summary={summary} csvHref={csvHref}>
      {rows.length > 0 ? <EChart option={option} height={TOPIC_FORMATS.length * 40 + 80} label={summary} /> : null}
      <DataTable
        caption={t("dashboard.blockFormat.title")}
        columns={[{ label: t("dashboard.csv.block") }, { label: t("dashboard.csv.format") }, { label: t("dashboard.csv.votes") }, { label: t("dashboard.csv.topics") }]}
        rows={rows.map((r) => ({ key: `${r.block}:${r.format}`, cells: [t(`blocks.${r.block}`), t(`formats.${r.format}`), r.votes, r.topics] }))}
      />
    </ChartSection>
  );
}
