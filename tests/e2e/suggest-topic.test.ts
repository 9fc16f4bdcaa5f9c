import { expectAccessible } from "./helpers/axe";
import { expect, test } from "./helpers/fixtures";
import { SuggestTopicPage, TopicsPage } from "./helpers/pages";

test("suggesting a topic: field errors, the new topic page, and colleagues told live", async ({ signIn, baseUrl }) => {
  const anna = await signIn("staff@spros.demo");
  const igor = await signIn("staff2@spros.demo");
  const igorsList = new TopicsPage(igor.page, baseUrl);
  await igorsList.goto();
  await igorsList.waitUntilLive();

  const form = new SuggestTopicPage(anna.page, baseUrl);
  await form.goto();
  await expectAccessible(anna.page, "suggest form");

  // Too short everywhere: the form names each field, and focus lands on the summary.
  await form.fill({ title: "Шум", description: "Коротко", block: "SERVICE_DELIVERY", format: "SEMINAR" });
  await form.submit();
  await expect.poll(() => form.errorSummary().innerText()).toContain("Название должно быть не короче 5 символов");
  expect(await form.errorSummary().innerText()).toContain("Описание должно быть не короче 10 символов");
  expect(await anna.page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
  expect(await anna.page.getByLabel(/^Название/).getAttribute("aria-invalid")).toBe("true");
  await expectAccessible(anna.page, "suggest form with errors");

  const title = `Электронная очередь в часы пик ${Date.now().toString(36)}`;
  await form.fill({
    title,
    description: "Как распределять поток заявителей, когда очередь растёт: приёмы администратора зала.",
    block: "SERVICE_DELIVERY",
    format: "SEMINAR",
  });
  await form.submit();
  await anna.page.getByRole("heading", { level: 1, name: title }).waitFor();
  expect(await anna.page.getByRole("status").filter({ hasText: "Тема опубликована" }).count()).toBe(1);
  await expectAccessible(anna.page, "new topic page");

  // Igor's open list learns about it without a reload and offers to refresh.
  await igor.page.getByText("Предложена 1 новая тема").waitFor({ timeout: 10_000 });
  await igor.page.goto(`${baseUrl}/topics?sort=newest`);
  await expect.poll(() => igor.page.locator("article.topic-card h2").first().innerText()).toBe(title);
});

test("the interface switches to English and back", async ({ signIn, baseUrl }) => {
  const anna = await signIn("staff@spros.demo");
  const topics = new TopicsPage(anna.page, baseUrl);
  await topics.goto();
  await anna.page.getByRole("button", { name: "English" }).click();
  await anna.page.getByRole("heading", { level: 1, name: "Training topics" }).waitFor();
  expect(await anna.page.getAttribute("html", "lang")).toBe("en");
  await expectAccessible(anna.page, "topic list in English");
  // The choice is stored with the user: a new page load stays in English.
  await topics.goto();
  expect(await anna.page.getAttribute("html", "lang")).toBe("en");
  await anna.page.getByRole("button", { name: "Русский" }).click();
  await anna.page.getByRole("heading", { level: 1, name: "Темы обучения" }).waitFor();
  expect(await anna.page.getAttribute("html", "lang")).toBe("ru");
});
