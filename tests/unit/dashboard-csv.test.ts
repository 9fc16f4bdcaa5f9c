import { describe, expect, it } from "vitest";
import { DASHBOARD_CHARTS, dashboardCsv, dashboardCsvFilename, dashboardTable, isDashboardChart, percent } from "../../app/lib/dashboard-csv";
import type { DashboardPageData } from "../../app/lib/documents/dashboard";

/** Echoes keys, so the tests see which column names were asked for. */
const t = (key: string) => `«${key}»`;

const data: DashboardPageData = {
  all: {
    asOf: "2026-11-24T09:30:00.000Z",
    headline: { activeVoters: 312, votesThisWeek: 41, topicsOpen: 27, seatsBooked: 58, demandServedShare: 0.12345 },
    topTopics: [
      { topic: { id: "VG9waWM6MQ==", title: "Работа с жалобами, \"трудный\" заявитель" }, votes: 120, votesLast7Days: 9 },
      { topic: { id: "VG9waWM6Mg==", title: "=HYPERLINK(\"http://evil\")" }, votes: 80, votesLast7Days: 0 },
      { topic: { id: "VG9waWM6Mw==", title: "-10 % ошибок; строка\nвторая" }, votes: 75, votesLast7Days: 3 },
      { topic: { id: "VG9waWM6NA==", title: "@mention +1" }, votes: 1, votesLast7Days: 1 },
    ],
    demandByOffice: [{ office: { id: "T2ZmaWNlOjE=", name: "МФЦ района Строгино", district: "СЗАО" }, votes: 44, voters: 30 }],
    demandByBlockFormat: [{ block: "SERVICE_DELIVERY", format: "TRAINING", votes: 700, topics: 20 }],
    suggestionsPerWeek: [
      { weekStart: "2026-11-16", count: 4 },
      { weekStart: "2026-11-23", count: 0 },
    ],
    coverage: [
      { topic: { id: "VG9waWM6MQ==", title: "Работа с жалобами" }, sessions: 2, seats: 40, booked: 31, demand: 120, unserved: 89, noShowRate: 0.1 },
      { topic: { id: "VG9waWM6NQ==", title: "Без отметок" }, sessions: 1, seats: 20, booked: 0, demand: 5, unserved: 5, noShowRate: null },
    ],
    topicChoices: [],
  },
  filtered: {
    availability: [
      { weekday: 2, startMinute: 540, endMinute: 570, preferred: 3, ifNeedBe: 1 },
      { weekday: 1, startMinute: 480, endMinute: 510, preferred: 5, ifNeedBe: 0 },
    ],
  },
  sites: [],
};

const lines = (csv: string) => csv.replace(/^\uFEFF/, "").split("\r\n");

describe("dashboard CSV", () => {
  it("starts with a UTF-8 byte order mark, ends every line with CRLF and has a header row", () => {
    const csv = dashboardCsv("topTopics", data, t);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(lines(csv)[0]).toBe("«dashboard.csv.topic»,«dashboard.csv.votes»,«dashboard.csv.votesLast7Days»");
  });

  it("quotes fields with commas, quotes, semicolons and line breaks (RFC 4180) and keeps Cyrillic as is", () => {
    const csv = dashboardCsv("topTopics", data, t);
    expect(csv).toContain('"Работа с жалобами, ""трудный"" заявитель",120,9\r\n');
    expect(csv).toContain("\"'-10 % ошибок; строка\nвторая\",75,3\r\n");
  });

  it("prefixes text that a spreadsheet would run as a formula with an apostrophe", () => {
    const csv = dashboardCsv("topTopics", data, t);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")",80,0\r\n`);
    expect(csv).toContain("'@mention +1,1,1\r\n");
    expect(csv).not.toMatch(/(^|\r\n)[=+\-@]/);
  });

  it("writes shares as percentages and unknown ones as empty cells", () => {
    expect(lines(dashboardCsv("headline", data, t))).toContain("«dashboard.headline.demandServed»,12.3");
    const coverage = lines(dashboardCsv("coverage", data, t));
    expect(coverage[1]).toBe("Работа с жалобами,2,40,31,120,89,10.0");
    expect(coverage[2]).toBe("Без отметок,1,20,0,5,5,");
    expect(percent(null)).toBeNull();
    expect(percent(1)).toBe("100.0");
  });

  it("lists heat-map cells by weekday and time with translated weekdays", () => {
    const table = dashboardTable("availability", data, t);
    expect(table.rows).toEqual([
      ["«availability.weekdays.1»", "08:00", "08:30", 5, 0],
      ["«availability.weekdays.2»", "09:00", "09:30", 3, 1],
    ]);
    expect(dashboardTable("topicAvailability", data, t).rows).toEqual([]);
  });

  it("translates blocks and formats and keeps zero weeks", () => {
    expect(dashboardTable("demandByBlockFormat", data, t).rows).toEqual([["«blocks.SERVICE_DELIVERY»", "«formats.TRAINING»", 700, 20]]);
    expect(dashboardTable("suggestionsPerWeek", data, t).rows).toEqual([
      ["2026-11-16", 4],
      ["2026-11-23", 0],
    ]);
  });

  it("has a table for every chart and refuses unknown chart names", () => {
    for (const chart of DASHBOARD_CHARTS) expect(dashboardTable(chart, data, t).header.length).toBeGreaterThan(1);
    expect(isDashboardChart("topTopics")).toBe(true);
    expect(isDashboardChart("__proto__")).toBe(false);
    expect(isDashboardChart(undefined)).toBe(false);
    expect(dashboardCsvFilename("coverage", data.all.asOf)).toBe("spros-coverage-2026-11-24.csv");
  });
});
