import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ChartSection, DataTable } from "~/components/dashboard/chart-section";
import { CHART_COLORS, EChart, groupedBarsOption, type ChartOption } from "~/components/dashboard/echart";
import type { OfficeDemandRow } from "~/lib/documents/dashboard";
import { withoutSharedPrefix } from "~/lib/shared-prefix";

const SHOWN = 20;

/** Votes by office, the top 20, with distinct voters beside them. */
export function OfficeChart({ rows, csvHref }: { rows: readonly OfficeDemandRow[]; csvHref: string }) {
  const { t } = useTranslation();
  const top = useMemo(() => rows.slice(0, SHOWN), [rows]);
  // "Центр госуслуг района …" on every bar: the chart shows what tells the offices apart.
  const names = useMemo(() => withoutSharedPrefix(top.map((r) => r.office.name)), [top]);
  const option = useMemo<ChartOption>(
    () =>
      groupedBarsOption(
        names.labels,
        [
          { name: t("dashboard.csv.votes"), data: top.map((r) => r.votes), color: CHART_COLORS[0] },
          { name: t("dashboard.csv.voters"), data: top.map((r) => r.voters), color: CHART_COLORS[1] },
        ],
      ),
    [top, names, t],
  );
  const leader = top[0];
  const summary = leader
    ? t("dashboard.offices.summary", {
        office: leader.office.name,
        votes: t("votes.count", { count: leader.votes }),
        voters: t("dashboard.offices.voters", { count: leader.voters }),
        count: rows.length,
      })
    : t("dashboard.empty");
  return (
    <ChartSection id="demand-by-office" title={t("dashboard.offices.title")} summary={summary} csvHref={csvHref}>
      {top.length > 0 ? <EChart option={option} height={top.length * 30 + 70} label={summary} /> : null}
      {names.prefix ? <p className="dash-card__note">{t("dashboard.offices.prefixNote", { prefix: names.prefix })}</p> : null}
      <DataTable
        caption={t("dashboard.offices.title")}
        columns={[{ label: t("dashboard.csv.office") }, { label: t("dashboard.csv.district") }, { label: t("dashboard.csv.votes") }, { label: t("dashboard.csv.voters") }]}
        rows={top.map((r) => ({ key: r.office.id, cells: [r.office.name, r.office.district, r.votes, r.voters] }))}
      />
    </ChartSection>
  );
}
