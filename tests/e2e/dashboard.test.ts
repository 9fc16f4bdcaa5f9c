import type { Page } from "playwright-core";
import { expectAccessible } from "./helpers/axe";
import { expect, test } from "./helpers/fixtures";
import { TopicsPage } from "./helpers/pages";

/** The dashboard's top-topics table (visually hidden, the chart's numbers): a row by topic title. */
function topRow(page: Page, title: string) {
  return page.getByTestId("top-topics-table").locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: title, exact: true }) });
}

async function topVotes(page: Page, title: string): Promise<number> {
  return Number(await topRow(page, title).locator("[data-votes]").getAttribute("data-votes"));
}

test("the manager's dashboard moves live while a colleague votes, reads in English and exports CSV", async ({ signIn, baseUrl }) => {
  const manager = await signIn("manager@spros.demo");
  const igor = await signIn("staff2@spros.demo");
  const page = manager.page;

  await page.getByRole("navigation").getByRole("link", { name: "Спрос", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Панель спроса" }).waitFor();
  expect(new URL(page.url()).pathname).toBe("/manage/dashboard");
  await page.waitForFunction(() => document.documentElement.dataset.live === "on");
  await page.waitForTimeout(300);

  // The top-topics chart is drawn by ECharts (SVG with bars) and backed by a table with the numbers.
  const chart = page.getByTestId("top-topics-chart");
  await chart.locator("svg").waitFor();
  expect(await chart.getAttribute("aria-label")).toMatch(/^Первая из \d+ тем/);
  expect(await chart.locator("svg path").count()).toBeGreaterThan(10);
  await page.getByRole("heading", { level: 2, name: "Самые востребованные темы" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Когда сотрудники могут прийти" }).waitFor();
  expect(Number(await page.locator('[data-figure="activeVoters"]').getAttribute("data-value"))).toBeGreaterThan(0);
  await expectAccessible(page, "dashboard (ru)");

  // A colleague supports a topic from the top list, through the topic list.
  const titles = (await page.getByTestId("top-topics-table").locator("tbody th").allTextContents()).map((s) => s.trim());
  expect(titles.length).toBeGreaterThan(0);
  const topics = new TopicsPage(igor.page, baseUrl);
  await topics.goto();
  await topics.waitUntilLive();
  let title: string | undefined;
  for (const candidate of titles) {
    const button = topics.voteButton(candidate);
    if ((await button.count()) === 1 && (await button.getAttribute("aria-pressed")) === "false") {
      title = candidate;
      break;
    }
  }
  if (!title) throw new Error(`staff2 has already voted for every top topic: ${titles.join(" | ")}`);
  const before = await topVotes(page, title);
  // If the dashboard were reloaded, this mark would vanish.
  await page.evaluate(() => ((window as unknown as { sprosMarker: number }).sprosMarker = 6));

  await topics.voteButton(title).click();
  await expect.poll(() => topics.voteButton(title).getAttribute("aria-pressed")).toBe("true");
  await expect.poll(() => topVotes(page, title), { timeout: 10_000 }).toBe(before + 1);
  expect(await page.evaluate(() => (window as unknown as { sprosMarker?: number }).sprosMarker)).toBe(6);

  // Leave the demo data as it was: the vote is withdrawn, and the dashboard follows.
  await topics.voteButton(title).click();
  await expect.poll(() => topics.voteButton(title).getAttribute("aria-pressed")).toBe("false");
  await expect.poll(() => topVotes(page, title), { timeout: 10_000 }).toBe(before);

  // Staff do not see the link and are sent away from the page and the export.
  expect(await igor.page.getByRole("navigation").getByRole("link", { name: "Спрос", exact: true }).count()).toBe(0);
  await igor.page.goto(`${baseUrl}/manage/dashboard`);
  await igor.page.waitForURL(/\/topics(\?|$)/);
  expect((await igor.context.request.get(`${baseUrl}/manage/dashboard.csv?chart=topTopics`)).status()).toBe(403);

  // English.
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { level: 1, name: "Demand dashboard" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Top topics by votes" }).waitFor();
  expect(await page.getAttribute("html", "lang")).toBe("en");

  // CSV of the top topics: byte order mark, a header row in the page's language, one row per topic.
  const href = await page.getByTestId("top-topics-csv").getAttribute("href");
  expect(href).toBe("/manage/dashboard.csv?chart=topTopics");
  const response = await manager.context.request.get(`${baseUrl}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe("Topic,Votes,Votes in the last 7 days");
  expect(lines.filter(Boolean)).toHaveLength(titles.length + 1);

  // Back to Russian, as the demo account was.
  await page.getByRole("button", { name: "Русский" }).click();
  await page.getByRole("heading", { level: 1, name: "Панель спроса" }).waitFor();
});
