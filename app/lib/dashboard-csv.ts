/**
 * Each dashboard chart's data as a CSV table (UTF-8 BOM, RFC 4180 quoting, CRLF, formula-looking
 * text cells prefixed with an apostrophe — the encoder is the schedule export's). Pure: the caller
 * passes the data and a translator, so this runs the same in a loader and in a unit test.
 */
import { toCsv } from "../../domain/booking-schedule-csv";
import type { DashboardPageData } from "~/lib/documents/dashboard";
import type { DemandCellData } from "~/lib/documents";

export const DASHBOARD_CHARTS = [
  "headline",
  "topTopics",
  "availability",
  "topicAvailability",
  "demandByOffice",
  "demandByBlockFormat",
  "suggestionsPerWeek",
  "coverage",
] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

export function isDashboardChart(value: unknown): value is DashboardChart {
  return typeof value === "string" && (DASHBOARD_CHARTS as readonly string[]).includes(value);
}

/** A translator: i18next's `t` fits; keys are the app's translation keys. */
export type Translate = (key: string) => string;

type Cell = string | number | null;
export type CsvTable = { header: string[]; rows: Cell[][] };

/** "HH:MM" of minutes after midnight. */
function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** A share 0..1 as a percentage with one decimal ("37.5"), empty when unknown. */
export function percent(share: number | null | undefined): string | null {
  return share === null || share === undefined ? null : (Math.round(share * 1000) / 10).toFixed(1);
}

function cellsTable(cells: readonly DemandCellData[], t: Translate): CsvTable {
  const sorted = [...cells].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  return {
    header: [t("dashboard.csv.weekday"), t("dashboard.csv.from"), t("dashboard.csv.to"), t("dashboard.csv.preferred"), t("dashboard.csv.ifNeedBe")],
    rows: sorted.map((c) => [t(`availability.weekdays.${c.weekday}`), clock(c.startMinute), clock(c.endMinute), c.preferred, c.ifNeedBe]),
  };
}

/** The rows of one chart, with translated column names. */
export function dashboardTable(chart: DashboardChart, data: DashboardPageData, t: Translate): CsvTable {
  const all = data.all;
  switch (chart) {
    case "headline": {
      const h = all.headline;
      return {
        header: [t("dashboard.csv.measure"), t("dashboard.csv.value")],
        rows: [
          [t("dashboard.headline.activeVoters"), h.activeVoters],
          [t("dashboard.headline.votesThisWeek"), h.votesThisWeek],
          [t("dashboard.headline.topicsOpen"), h.topicsOpen],
          [t("dashboard.headline.seatsBooked"), h.seatsBooked],
          [t("dashboard.headline.demandServed"), percent(h.demandServedShare)],
        ],
      };
    }
    case "topTopics":
      return {
        header: [t("dashboard.csv.topic"), t("dashboard.csv.votes"), t("dashboard.csv.votesLast7Days")],
        rows: all.topTopics.map((r) => [r.topic.title, r.votes, r.votesLast7Days]),
      };
    case "availability":
      return cellsTable(data.filtered.availability, t);
    case "topicAvailability":
      return cellsTable(data.filtered.topicAvailability ?? [], t);
    case "demandByOffice":
      return {
        header: [t("dashboard.csv.office"), t("dashboard.csv.district"), t("dashboard.csv.votes"), t("dashboard.csv.voters")],
        rows: all.demandByOffice.map((r) => [r.office.name, r.office.district, r.votes, r.voters]),
      };
    case "demandByBlockFormat":
      return {
        header: [t("dashboard.csv.block"), t("dashboard.csv.format"), t("dashboard.csv.votes"), t("dashboard.csv.topics")],
        rows: all.demandByBlockFormat.map((r) => [t(`blocks.${r.block}`), t(`formats.${r.format}`), r.votes, r.topics]),
      };
    case "suggestionsPerWeek":
      return {
        header: [t("dashboard.csv.weekStart"), t("dashboard.csv.suggestions")],
        rows: all.suggestionsPerWeek.map((r) => [r.weekStart, r.count]),
      };
    case "coverage":
      return {
        header: [
          t("dashboard.csv.topic"),
          t("dashboard.csv.sessions"),
          t("dashboard.csv.seats"),
          t("dashboard.csv.booked"),
          t("dashboard.csv.demand"),
          t("dashboard.csv.unserved"),
          t("dashboard.csv.noShowRate"),
        ],
        rows: all.coverage.map((r) => [r.topic.title, r.sessions, r.seats, r.booked, r.demand, r.unserved, percent(r.noShowRate)]),
      };
  }
}

/** The CSV file of one chart (BOM first, CRLF line ends). */
export function dashboardCsv(chart: DashboardChart, data: DashboardPageData, t: Translate): string {
  const table = dashboardTable(chart, data, t);
  return toCsv(table.header, table.rows);
}

/** A file name such as "spros-topTopics-2026-11-24.csv" (the date of the figures, UTC). */
export function dashboardCsvFilename(chart: DashboardChart, asOf: string): string {
  return `spros-${chart}-${asOf.slice(0, 10)}.csv`;
}
