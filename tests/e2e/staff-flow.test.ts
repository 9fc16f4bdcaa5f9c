import type { Page } from "playwright-core";
import { expectAccessible } from "./helpers/axe";
import { expect, test } from "./helpers/fixtures";
import { ProfilePage, SuggestTopicPage, TopicsPage } from "./helpers/pages";

/** The heat map's counts for one cell of the topic page (weekday 1–7, start minute). */
async function heatCell(page: Page, weekday: number, startMinute: number) {
  const cell = page.getByTestId("demand-heatmap").locator(`td[data-weekday="${weekday}"][data-start="${startMinute}"]`);
  return {
    preferred: Number(await cell.getAttribute("data-preferred")),
    ifNeedBe: Number(await cell.getAttribute("data-if-need-be")),
  };
}

test("staff flow: duplicate hint → vote for the existing topic → availability → heat map; a colleague sees the vote live", async ({
  signIn,
  baseUrl,
}) => {
  const anna = await signIn("staff@spros.demo");
  const igor = await signIn("staff2@spros.demo");

  // Igor starts suggesting a topic that already exists in other words.
  const form = new SuggestTopicPage(igor.page, baseUrl);
  await form.goto();
  await new TopicsPage(igor.page, baseUrl).waitUntilLive();
  await igor.page.getByLabel(/^(Название|Title)/).pressSequentially("Конфликтные ситуации с заявителями", { delay: 15 });
  const hint = igor.page.getByTestId("similar-topics");
  await hint.getByText(/Похожие темы уже есть|Similar topics already exist/).waitFor({ timeout: 10_000 });
  const existing = hint.getByRole("link").first();
  const title = (await existing.innerText()).trim();
  expect(title).toMatch(/^Конфликтные ситуации/);
  await expectAccessible(igor.page, "suggest form with the duplicate hint");

  // Anna has that topic open.
  const annasList = new TopicsPage(anna.page, baseUrl);
  await annasList.goto();
  await annasList.card(title).getByRole("link", { name: title }).click();
  await anna.page.getByRole("heading", { level: 1, name: title }).waitFor();
  await annasList.waitUntilLive();
  const annasCount = anna.page.getByTestId("vote-count");
  const before = Number(await annasCount.getAttribute("data-count"));

  // Igor votes for the existing topic from the hint instead of creating a duplicate.
  const vote = hint.getByRole("listitem").filter({ hasText: title }).locator("button[aria-pressed]");
  expect(await vote.getAttribute("aria-pressed")).toBe("false");
  await vote.click();
  await expect.poll(() => vote.getAttribute("aria-pressed")).toBe("true");
  await expect.poll(async () => Number(await annasCount.getAttribute("data-count")), { timeout: 10_000 }).toBe(before + 1);

  // The topic page's heat map before Igor changes his availability (Friday and Sunday are free for him).
  await igor.page.goto(anna.page.url());
  await igor.page.getByRole("heading", { level: 1, name: title }).waitFor();
  await igor.page.getByRole("heading", { name: /Когда могут участники|When voters can come/ }).waitFor();
  await expectAccessible(igor.page, "topic page with the heat map");
  const friBefore = await heatCell(igor.page, 5, 480);
  const sunBefore = await heatCell(igor.page, 7, 720);

  // My votes lists it.
  await igor.page.goto(`${baseUrl}/my/votes`);
  await igor.page.getByRole("heading", { level: 1, name: /Мои голоса|My votes/ }).waitFor();
  await igor.page.getByRole("heading", { level: 2, name: title }).waitFor();
  await expectAccessible(igor.page, "my votes");

  // Availability: Friday 08:00–10:00 painted with the mouse, Sunday 12:00 "if need be" by keyboard.
  const profile = new ProfilePage(igor.page, baseUrl);
  await profile.goto();
  await new TopicsPage(igor.page, baseUrl).waitUntilLive();
  await expectAccessible(igor.page, "profile");
  await profile.drag(profile.cell(5, "08:00"), profile.cell(5, "09:30"));
  await expect.poll(() => profile.cell(5, "09:00").getAttribute("aria-label")).toMatch(/Пятница, 09:00–09:30: удобно/);
  await expect.poll(() => profile.summary().innerText()).toContain("Пт 08:00–10:00 — удобно");

  await profile.brush(/Если нужно|If need be/).check();
  await profile.cell(7, "11:30").focus();
  await igor.page.keyboard.press("ArrowDown");
  expect(await igor.page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Воскресенье, 12:00–12:30: не отмечено");
  await igor.page.keyboard.press("Space");
  await expect.poll(() => profile.cell(7, "12:00").getAttribute("aria-label")).toBe("Воскресенье, 12:00–12:30: если нужно");
  expect(await profile.cell(7, "12:00").getAttribute("tabindex")).toBe("0");
  await expect.poll(() => profile.summary().innerText()).toContain("Вс 12:00–12:30 — если нужно");

  // Leaving with the painting unsaved asks first; saying no keeps it on the page.
  await igor.page.getByText("Есть несохранённые изменения.").waitFor();
  const question = new Promise<string>((resolve) => igor.page.once("dialog", (dialog) => void dialog.dismiss().then(() => resolve(dialog.message()))));
  await igor.page.getByRole("navigation").getByRole("link", { name: "Темы", exact: true }).click();
  expect(await question).toContain("не сохранены");
  expect(new URL(igor.page.url()).pathname).toBe("/profile");
  expect(await profile.summary().innerText()).toContain("Пт 08:00–10:00 — удобно");
  await profile.save();
  expect(await igor.page.getByText("Есть несохранённые изменения.").count()).toBe(0);
  // A site ticked is unsaved too; ticked back, nothing is.
  const site = igor.page.locator('input[name="site"]').first();
  await site.click();
  await igor.page.getByText("Есть несохранённые изменения.").waitFor();
  await site.click();
  await expect.poll(() => igor.page.getByText("Есть несохранённые изменения.").count()).toBe(0);
  await expectAccessible(igor.page, "profile after saving");

  // Anna, who still has the topic open, sees Igor's new time in its heat map without reloading.
  await expect
    .poll(() => heatCell(anna.page, 5, 480), { timeout: 10_000 })
    .toEqual({ preferred: friBefore.preferred + 1, ifNeedBe: friBefore.ifNeedBe });

  // Saved for real: a fresh load shows it.
  await profile.goto();
  expect(await profile.summary().innerText()).toContain("Пт 08:00–10:00 — удобно");

  // The topic's heat map now counts Igor on Friday morning (preferred) and Sunday noon (if need be).
  await igor.page.goto(anna.page.url());
  await igor.page.getByTestId("demand-heatmap").waitFor();
  expect(await heatCell(igor.page, 5, 480)).toEqual({ preferred: friBefore.preferred + 1, ifNeedBe: friBefore.ifNeedBe });
  expect(await heatCell(igor.page, 7, 720)).toEqual({ preferred: sunBefore.preferred, ifNeedBe: sunBefore.ifNeedBe + 1 });
  await expectAccessible(igor.page, "topic page after availability");

  // Leave the demo data as it was for other tests: withdraw the vote.
  await igor.page.getByRole("button", { name: new RegExp(`(Поддержать|Support).*${title.slice(0, 20)}`) }).click();
  await expect.poll(async () => Number(await annasCount.getAttribute("data-count")), { timeout: 10_000 }).toBe(before);
}, 120_000);
