import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { expectAccessible } from "./helpers/axe";
import { expect, test } from "./helpers/fixtures";
import { TopicsPage } from "./helpers/pages";

/** The proposed sessions on the review page, as the calendar shows them. */
const proposedSessions = (page: Page): Locator => page.locator("article.planning-session").filter({ has: page.locator('input[type="checkbox"]') });

const topicOf = async (session: Locator) => (await session.locator(".planning-session-topic").innerText()).trim();

function shiftClock(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(":").map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** Makes the viewer a voter of the topic (wanted = true) or not, through the topic list. */
async function setVote(page: Page, baseUrl: string, title: string, wanted: boolean) {
  const topics = new TopicsPage(page, baseUrl);
  await page.goto(`${baseUrl}/topics?${new URLSearchParams({ q: title })}`);
  await topics.waitUntilLive();
  const button = topics.card(title).locator("button[aria-pressed]");
  if ((await button.getAttribute("aria-pressed")) !== String(wanted)) {
    await button.click();
    await expect.poll(() => button.getAttribute("aria-pressed")).toBe(String(wanted));
  }
}

test("plan → edit → approve → book: a manager plans with a live progress bar, staff book the session they voted for, a colleague sees the seats live", async ({
  signIn,
  baseUrl,
}) => {
  const manager = await signIn("manager@spros.demo");
  const anna = await signIn("staff@spros.demo");
  const igor = await signIn("staff2@spros.demo");

  // The manager starts a one-week run over the top-demand topics and watches it progress.
  await manager.page.goto(`${baseUrl}/manage/planning`);
  await manager.page.getByRole("heading", { level: 1, name: /Планирование занятий|Planning/ }).waitFor();
  await new TopicsPage(manager.page, baseUrl).waitUntilLive();
  await expectAccessible(manager.page, "planning page");
  // The managers' links get a row of their own: nothing spills past a 1280-pixel window.
  expect(await manager.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await manager.page.locator("#planning-weeks").selectOption("1");
  await manager.page.locator("#planning-timeLimit").fill("6");
  await manager.page.getByRole("button", { name: /^(Запустить расчёт|Start)/ }).click();
  const run = manager.page.locator("article.planning-run").first();
  // The page comes back to the new run's card, which says it started and holds the keyboard.
  await expect.poll(() => manager.page.evaluate(() => document.activeElement?.id)).toBe("started-run");
  await expect(run.getByRole("status").innerText()).resolves.toMatch(/Расчёт запущен|Run started/);
  await run.locator("progress").waitFor({ timeout: 15_000 });
  await expect.poll(() => run.locator("progress").isVisible()).toBe(true);
  const review = run.getByRole("link", { name: /Проверить предложение|Review/ });
  await review.waitFor({ timeout: 60_000 });
  await review.click();
  await manager.page.getByRole("heading", { level: 1, name: /Проверка предложения|Review/ }).waitFor();
  await expectAccessible(manager.page, "proposal review");

  // On a phone the week is a list by day that fits the screen, not a 7-column table.
  const phone = await signIn("manager@spros.demo", { phone: true });
  await phone.page.goto(manager.page.url());
  await expect.poll(() => phone.page.locator(".planning-day").count()).toBeGreaterThan(0);
  expect(await phone.page.locator("table.planning-calendar").count()).toBe(0);
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await phone.context.close();

  // Two sessions of different topics: Anna votes for the second one only.
  const sessions = proposedSessions(manager.page);
  expect(await sessions.count()).toBeGreaterThanOrEqual(2);
  const edited = sessions.first();
  const editedTopic = await topicOf(edited);
  let otherIndex = 1;
  while ((await topicOf(sessions.nth(otherIndex))) === editedTopic) otherIndex++;
  const votedTopic = await topicOf(sessions.nth(otherIndex));
  await setVote(anna.page, baseUrl, editedTopic, false);
  await setVote(anna.page, baseUrl, votedTopic, true);

  // The manager moves the first session by half an hour (or, if that breaks a rule, to another
  // room); an edit that breaks a constraint is refused with the reasons and changes nothing.
  await edited.getByRole("link", { name: /^(Изменить|Edit)/ }).click();
  const form = manager.page.locator("section#edit");
  await form.waitFor();
  const start = await form.locator('input[name="start"]').inputValue();
  const attempts: Array<(form: Locator) => Promise<void>> = [
    (f) => f.locator('input[name="start"]').fill(shiftClock(start, 30)),
    (f) => f.locator('input[name="start"]').fill(shiftClock(start, -30)),
    (f) => f.locator('input[name="start"]').fill(shiftClock(start, 60)),
  ];
  const rooms = form.locator('select[name="roomId"] option');
  for (let i = 0; i < (await rooms.count()); i++) {
    const value = await rooms.nth(i).getAttribute("value");
    attempts.push(async (f) => {
      await f.locator('input[name="start"]').fill(start);
      await f.locator('select[name="roomId"]').selectOption(value!);
    });
  }
  let saved = false;
  for (const attempt of attempts) {
    await attempt(manager.page.locator("section#edit"));
    const answered = manager.page.waitForResponse((response) => response.request().method() === "POST");
    await manager.page.locator("section#edit").getByRole("button", { name: /^(Сохранить|Save)$/ }).click();
    await answered;
    // Saved: the page navigates to ?done=updated and the form closes; refused: the form stays with its reasons.
    const outcome = await Promise.race([
      manager.page.waitForURL(/done=updated/, { timeout: 10_000 }).then(() => "saved"),
      manager.page.locator("section#edit [role=alert]").waitFor({ timeout: 10_000 }).then(async () => {
        await manager.page.waitForTimeout(1_000);
        return /done=updated/.test(manager.page.url()) ? "saved" : "refused";
      }),
    ]);
    if (outcome === "saved") {
      saved = true;
      break;
    }
  }
  expect(saved).toBe(true);
  await manager.page.getByRole("status").getByText(/Занятие изменено|Session changed/).waitFor();

  // Removing asks first, naming the session; saying no keeps it.
  const proposedBefore = await proposedSessions(manager.page).count();
  const removeQuestion = new Promise<string>((resolve) =>
    manager.page.once("dialog", (dialog) => void dialog.dismiss().then(() => resolve(dialog.message()))),
  );
  const removePosts: string[] = [];
  const countPosts = (request: { method(): string; url(): string }) => void (request.method() === "POST" && removePosts.push(request.url()));
  manager.page.on("request", countPosts);
  await proposedSessions(manager.page).filter({ hasText: editedTopic }).first().getByRole("button", { name: /^(Удалить|Remove)/ }).click();
  expect(await removeQuestion).toContain(`Удалить «${editedTopic}»`);
  // A POST would start at once on submit: a short wait is enough to see that none did.
  await manager.page.waitForTimeout(300);
  manager.page.off("request", countPosts);
  expect(removePosts).toEqual([]);
  expect(await proposedSessions(manager.page).count()).toBe(proposedBefore);

  // Anna and Igor open the bookable sessions before anything is approved.
  await anna.page.goto(`${baseUrl}/sessions`);
  await igor.page.goto(`${baseUrl}/sessions`);
  await new TopicsPage(igor.page, baseUrl).waitUntilLive();
  const annaBellBefore = Number((await anna.page.getByTestId("notification-bell").getAttribute("data-count")) ?? 0);

  // Approve the edited session and the one Anna voted for.
  const pick = async (title: string) => {
    const box = proposedSessions(manager.page).filter({ hasText: title }).first().locator('input[type="checkbox"]');
    await box.check();
  };
  await pick(editedTopic);
  await pick(votedTopic);
  await manager.page.getByRole("button", { name: /^(Утвердить выбранные|Approve selected)$/ }).click();
  await manager.page.getByRole("status").getByText(/Утверждено 2 занятия|2 sessions approved/).waitFor();

  // Anna, a voter, is told live; the session she voted for is offered first.
  await expect
    .poll(async () => Number((await anna.page.getByTestId("notification-bell").getAttribute("data-count")) ?? 0), { timeout: 10_000 })
    .toBeGreaterThan(annaBellBefore);
  await anna.page.goto(`${baseUrl}/sessions`);
  await new TopicsPage(anna.page, baseUrl).waitUntilLive();
  const annaCards = anna.page.getByTestId("session-card");
  await expect.poll(() => annaCards.count()).toBeGreaterThanOrEqual(2);
  await expect(annaCards.first().getByRole("heading").innerText()).resolves.toContain(votedTopic);
  await expectAccessible(anna.page, "bookable sessions");
  if (process.env.E2E_SCREENSHOTS) await anna.page.screenshot({ path: "/tmp/e2e-sessions.png", fullPage: true });

  // Igor (not a voter) sees the same session; its seats change live when Anna books.
  await igor.page.reload();
  await new TopicsPage(igor.page, baseUrl).waitUntilLive();
  const igorCard = igor.page.getByTestId("session-card").filter({ hasText: votedTopic });
  const igorSeats = igorCard.getByTestId("seats-left");
  const seatsBefore = Number(await igorSeats.getAttribute("data-seats-left"));
  // Seats go to voters first: Igor is told when booking opens for everyone instead of being offered a button.
  await expect(igorCard.getByTestId("voters-only").innerText()).resolves.toMatch(/Запись для всех откроется/);
  expect(await igorCard.getByRole("button", { name: /^Записаться/ }).count()).toBe(0);
  await annaCards.first().getByRole("button", { name: /^(Записаться|Book)/ }).click();
  // The outcome shows on the card she used (the page comes back to it), not only at the top.
  await annaCards.first().getByText(/Готово: вы записаны на занятие|You are booked/).waitFor();
  expect(new URL(anna.page.url()).hash).toMatch(/^#session-/);
  // …and takes the focus, so the keyboard goes on from that card.
  await expect.poll(() => anna.page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("booking-notice");
  // Once shown, the outcome leaves the address: reloading does not announce it again.
  await expect.poll(() => new URL(anna.page.url()).search).not.toContain("notice=");
  expect(new URL(anna.page.url()).hash).toMatch(/^#session-/);
  await anna.page.reload();
  await annaCards.first().waitFor();
  expect(await anna.page.getByTestId("booking-notice").count()).toBe(0);
  await expect.poll(async () => Number(await igorSeats.getAttribute("data-seats-left")), { timeout: 10_000 }).toBe(seatsBefore - 1);

  // Anna downloads the calendar file of her booking.
  await anna.page.goto(`${baseUrl}/my/bookings`);
  const download = anna.page.waitForEvent("download");
  await anna.page.getByRole("link", { name: /Добавить в календарь|Add to calendar/ }).first().click();
  const ics = await readFile((await (await download).path())!, "utf8");
  expect(ics).toContain("BEGIN:VEVENT");
  expect(ics.replace(/\r\n[ \t]/g, "")).toContain(`SUMMARY:${votedTopic}`);
  await expectAccessible(anna.page, "my bookings");

  // Cancelling asks first; saying no keeps the seat.
  const bookingsBefore = await anna.page.getByTestId("booking-item").count();
  const question = new Promise<string>((resolve) => anna.page.once("dialog", (dialog) => void dialog.dismiss().then(() => resolve(dialog.message()))));
  const cancelPosts: string[] = [];
  const countCancelPosts = (request: { method(): string; url(): string }) => void (request.method() === "POST" && cancelPosts.push(request.url()));
  anna.page.on("request", countCancelPosts);
  await anna.page.getByRole("button", { name: /^Отменить запись/ }).first().click();
  expect(await question).toContain(`Отменить запись на занятие «`);
  await anna.page.waitForTimeout(300);
  anna.page.off("request", countCancelPosts);
  expect(cancelPosts).toEqual([]);
  expect(await anna.page.getByTestId("booking-notice").count()).toBe(0);
  expect(await anna.page.getByTestId("booking-item").count()).toBe(bookingsBefore);
  if (process.env.E2E_SCREENSHOTS) {
    await anna.page.screenshot({ path: "/tmp/e2e-bookings.png", fullPage: true });
    await manager.page.screenshot({ path: "/tmp/e2e-review.png", fullPage: true });
  }

  // Leave no unread notifications behind for the other browser tests.
  await anna.page.goto(`${baseUrl}/notifications`);
  const readAll = anna.page.getByRole("button", { name: /Отметить все прочитанными|Mark all read/ });
  if (await readAll.isVisible()) await readAll.click();
}, 180_000);
