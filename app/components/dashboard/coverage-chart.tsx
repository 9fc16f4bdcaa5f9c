import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ChartSection, DataTable } from "~/components/dashboard/chart-section";
import { CHART_COLORS, EChart, groupedBarsOption, type ChartOption } from "~/components/dashboard/echart";
import type { TopicCoverageRow } from "~/lib/documents/dashboard";
import { intlLocale } from "~/lib/format";

/** For topics with approved sessions: seats offered, seats booked and demand side by side; unserved and no-shows in the text and table. */
export function CoverageChart({ rows, csvHref }: { rows: readonly TopicCoverageRow[]; csvHref: string }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(intlLocale(i18n.language), { style: "percent", maximumFractionDigits: 1 });
  const option = useMemo<ChartOption>(
    () =>
      groupedBarsOption(
        rows.map((r) => r.topic.title),
        [
          { name: t("dashboard.csv.seats"), data: rows.map((r) => r.seats), color: CHART_COLORS[0] },
          { name: t("dashboard.csv.booked"), data: rows.map((r) => r.booked), color: CHART_COLORS[2] },
          { name: t("dashboard.csv.demand"), data: rows.map((r) => r.demand), color: CHART_COLORS[1] },
        ],
      ),
    [rows, t],
  );
  const unserved = rows.reduce((sum, r) => sum + r.unserved, 0);
  const marked = rows.filter((r) => r.noShowRate !== null);
  const noShow = marked.length ? marked.reduce((sum, r) => sum + (r.noShowRate ?? 0), 0) / marked.length : null;
  const summary = rows.length
    ? t("dashboard.coverage.summary", {
        count: rows.length,
        seats: rows.reduce((sum, r) => sum + r.seats, 0),
        unserved,
        noShow: noShow === null ? t("dashboard.coverage.noShowUnknown") : percent.format(noShow),
      })
    : t("dashboard.coverage.empty");
  return (
    <ChartSection id="coverage" title={t("dashboard.coverage.title")} summary={summary} csvHref={csvHref} wide>
      {rows.length > 0 ? <EChart option={option} height={rows.length * 54 + 70} label={summary} /> : null}
      {rows.length > 0 ? (
        <DataTable
          caption={t("dashboard.coverage.tableCaption")}
          visible
          columns={[
            { label: t("dashboard.csv.topic") },
            { label: t("dashboard.csv.sessions") },
            { label: t("dashboard.csv.seats") },
            { label: t("dashboard.csv.booked") },
            { label: t("dashboard.csv.demand") },
            { label: t("dashboard.csv.unserved") },
            { label: t("dashboard.csv.noShowRate") },
          ]}
          rows={rows.map((r) => ({
            key: r.topic.id,
            cells: [r.topic.title, r.sessions, r.seats, r.booked, r.demand, r.unserved, r.noShowRate === null ? "—" : percent.format(r.noShowRate)],
          }))}
        />
      ) : null}
    </ChartSection>
  );
}
