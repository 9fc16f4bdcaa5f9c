import { expectAccessible } from "./helpers/axe";
import { expect, test } from "./helpers/fixtures";
import { TopicPage, TopicsPage } from "./helpers/pages";

/**
 * The last `n` topics on the first page that are open for voting and not supported by this user
 * (the least voted: the other browser tests work with the top of the list).
 */
async function votableTopics(topics: TopicsPage, n: number) {
  const cards = topics.page.locator("article.topic-card").filter({ has: topics.page.locator('button[aria-pressed="false"]') });
  const total = await cards.count();
  const result: Array<{ title: string; path: string }> = [];
  for (let i = total - n; i < total; i++) {
    const link = cards.nth(i).getByRole("heading").getByRole("link");
    result.push({ title: (await link.innerText()).trim(), path: (await link.getAttribute("href"))! });
  }
  return result;
}

/** The relay id in a topic path (base64url in the URL, standard base64 in the API). */
function topicIdOf(path: string): string {
  const b64 = path.split("/").pop()!.replace(/-/g, "+").replace(/_/g, "/");
  return b64 + "=".repeat((4 - (b64.length % 4)) % 4);
}

test("a manager rejects, reopens and merges topics; voters are told live; comments appear live", async ({ signIn, baseUrl }) => {
  const staff = await signIn("staff2@spros.demo");
  const manager = await signIn("manager@spros.demo");

  const list = new TopicsPage(staff.page, baseUrl);
  await list.goto();
  await list.waitUntilLive();
  const [rejected, duplicate, kept] = await votableTopics(list, 3);

  // Staff votes for the topic that will be rejected and for the duplicate that will be merged.
  for (const topic of [rejected, duplicate]) {
    await list.voteButton(topic.title).click();
    await expect.poll(() => list.voteButton(topic.title).getAttribute("aria-pressed")).toBe("true");
  }

  // Staff waits on the rejected topic's page; it has no moderation panel.
  const staffTopic = new TopicPage(staff.page, baseUrl);
  await staffTopic.goto(rejected.path);
  await staffTopic.waitUntilLive();
  expect(await staffTopic.moderationPanel().count()).toBe(0);
  expect(await staff.page.locator(".vote-narrow").count()).toBe(1); // a voter may narrow their time
  const bellBefore = await staffTopic.bellCount();
  await staff.page.evaluate(() => ((window as unknown as { sprosMarker: number }).sprosMarker = 7));

  // The manager rejects it with a reason.
  const managerTopic = new TopicPage(manager.page, baseUrl);
  await managerTopic.goto(rejected.path);
  await expect.poll(() => managerTopic.moderationPanel().count()).toBe(1);
  await expectAccessible(manager.page, "topic page with the moderation panel");
  const reason = "Эта тема уже входит в программу адаптации новых сотрудников.";
  await managerTopic.reject(reason);
  await expect.poll(() => managerTopic.status()).toBe("REJECTED");
  await manager.page.getByRole("status").filter({ hasText: /Готово|Done/ }).waitFor();

  // Staff sees it live: the bell's count rises and the page shows the reason, without a reload.
  await expect.poll(() => staffTopic.bellCount(), { timeout: 10_000 }).toBe(bellBefore + 1);
  await expect.poll(() => staffTopic.status(), { timeout: 10_000 }).toBe("REJECTED");
  await expect(staff.page.getByTestId("rejection-reason").innerText()).resolves.toContain(reason);
  await expect.poll(() => staff.page.locator(".vote-narrow").count()).toBe(0); // nothing left to plan
  expect(await staff.page.evaluate(() => (window as unknown as { sprosMarker?: number }).sprosMarker)).toBe(7);
  await expect(staffTopic.bell().getAttribute("aria-label")).resolves.toMatch(/непрочитанн/);
  await expectAccessible(staff.page, "topic page (rejected, staff)");

  // The notification list phrases it in Russian.
  await staffTopic.bell().click();
  await staff.page.getByRole("heading", { level: 1, name: /Уведомления|Notifications/ }).waitFor();
  const first = staff.page.getByTestId("notification-list").locator("li").first();
  await expect(first.innerText()).resolves.toContain(`Тема «${rejected.title}» отклонена: ${reason}`);
  await expectAccessible(staff.page, "notifications page");
  // Marking one read takes its button away: the keyboard stays on that notification.
  const firstId = await first.getAttribute("data-notification-id");
  await first.getByRole("button", { name: /^Отметить прочитанным/ }).click();
  await expect
    .poll(() => staff.page.evaluate(() => document.activeElement?.closest("[data-notification-id]")?.getAttribute("data-notification-id")))
    .toBe(firstId);
  await expect.poll(() => staffTopic.bellCount()).toBe(0);
  expect(await first.getByRole("button", { name: /^Отметить прочитанным/ }).count()).toBe(0);

  // The manager puts the topic back to the vote; its voter hears that live too.
  await managerTopic.moderationPanel().getByRole("button", { name: /^(Вернуть в голосование|Reopen)/ }).click();
  await expect.poll(() => managerTopic.status()).toBe("OPEN");
  await expect.poll(() => staff.page.getByTestId("unread-count").getAttribute("data-count"), { timeout: 10_000 }).toBe("1");
  await expect(first.innerText()).resolves.toContain(`Тема «${rejected.title}» снова открыта для голосования`);
  // Marking all read clears the count and keeps the keyboard there, not at the page start.
  await staff.page.getByRole("button", { name: /Отметить все прочитанными|Mark all as read/ }).click();
  await expect.poll(() => staffTopic.bellCount()).toBe(0);
  await expect.poll(() => staff.page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("unread-count");

  // A comment by staff appears live for the manager, who watches the kept topic.
  await managerTopic.goto(kept.path);
  await managerTopic.waitUntilLive();
  const keptBefore = await managerTopic.voteCount();
  const commentsBefore = await managerTopic.comments().count();
  await staffTopic.goto(kept.path);
  await staffTopic.waitUntilLive();
  const comment = `Хорошо бы разобрать случаи из практики <b>ВДНХ</b> ${Date.now()}`;
  await staffTopic.addComment(comment);
  await expect.poll(() => staffTopic.comments().count()).toBe(commentsBefore + 1);
  await expect.poll(() => managerTopic.comments().count(), { timeout: 10_000 }).toBe(commentsBefore + 1);
  // Rendered as text: the tag shows literally.
  await expect(managerTopic.comments().last().innerText()).resolves.toContain("<b>ВДНХ</b>");
  await expectAccessible(staff.page, "topic page with comments");

  // A comment its author deletes leaves the manager's open page too, without a reload.
  const slip = `Опечатка ${Date.now()}`;
  await staffTopic.addComment(slip);
  await expect.poll(() => managerTopic.comments().count(), { timeout: 10_000 }).toBe(commentsBefore + 2);
  // Too long a text is kept, not cut: the counter says by how much, sending says why not, and the
  // error goes once the text changes.
  const field = staff.page.getByLabel(/^(Ваш комментарий|Your comment)/);
  await field.fill("б".repeat(2001));
  expect((await field.inputValue()).length).toBe(2001);
  await staff.page.getByText("На 1 символ больше, чем можно").waitFor();
  await staff.page.getByRole("button", { name: /^(Отправить|Post)$/ }).click();
  await staff.page.getByRole("alert").filter({ hasText: "Комментарий длиннее 2000 символов." }).waitFor();
  await field.press("Backspace");
  await expect.poll(() => staff.page.getByRole("alert").filter({ hasText: "Комментарий длиннее" }).count()).toBe(0);
  await field.fill("");

  // Deleting asks first (it cannot be undone); saying no keeps the comment, yes removes it everywhere.
  const deleteRequests: string[] = [];
  const countDeletes = (request: { method(): string; postData(): string | null }) =>
    void (request.method() === "POST" && request.postData()?.includes("deleteComment") && deleteRequests.push("deleteComment"));
  staff.page.on("request", countDeletes);
  staff.page.once("dialog", (dialog) => void dialog.dismiss());
  await staffTopic.comments().filter({ hasText: slip }).getByRole("button", { name: /^(Удалить|Delete)/ }).click();
  // The delete would be sent at once: a short wait is enough to see that it was not.
  await staff.page.waitForTimeout(300);
  staff.page.off("request", countDeletes);
  expect(deleteRequests).toEqual([]);
  expect(await staffTopic.comments().filter({ hasText: slip }).count()).toBe(1);
  staff.page.once("dialog", (dialog) => void dialog.accept());
  await staffTopic.comments().filter({ hasText: slip }).getByRole("button", { name: /^(Удалить|Delete)/ }).click();
  await expect.poll(() => managerTopic.comments().count(), { timeout: 10_000 }).toBe(commentsBefore + 1);

  // The manager edits the kept topic (the edit page) …
  await manager.page.goto(`${baseUrl}${kept.path}/edit`);
  await manager.page.getByRole("heading", { level: 1, name: /Редактирование темы|Edit topic/ }).waitFor();
  await expectAccessible(manager.page, "edit page");
  await manager.page.getByLabel(/^(Для кого|Audience)/).fill("Специалисты приёма");
  await manager.page.getByRole("button", { name: /Сохранить изменения|Save changes/ }).click();
  await manager.page.waitForURL(/moderated=edited/);
  await expect(manager.page.getByTestId("moderation-log").innerText()).resolves.toMatch(/Изменены поля: для кого/);

  // … and merges the duplicate into it: the duplicate's votes move.
  const duplicatePage = new TopicPage(manager.page, baseUrl);
  await duplicatePage.goto(duplicate.path);
  const duplicateVotes = await duplicatePage.voteCount();
  await manager.page.goto(`${baseUrl}${duplicate.path}/merge?${new URLSearchParams({ q: kept.title })}`);
  await manager.page.getByRole("link", { name: `Выбрать «${kept.title}»` }).click();
  const confirm = manager.page.getByTestId("merge-confirm");
  await confirm.waitFor();
  await expect(confirm.innerText()).resolves.toContain("голосовавшие получат уведомление");
  await expectAccessible(manager.page, "merge confirmation");
  await confirm.getByRole("button", { name: /^(Объединить|Merge)$/ }).click();
  await manager.page.waitForURL(/moderated=merged/);
  const keptAfter = await managerTopic.voteCount();
  expect(keptAfter).toBeGreaterThan(keptBefore);
  expect(keptAfter).toBeLessThanOrEqual(keptBefore + duplicateVotes);
  await expect(managerTopic.comments().count()).resolves.toBeGreaterThanOrEqual(commentsBefore + 1);

  await duplicatePage.goto(duplicate.path);
  expect(await duplicatePage.status()).toBe("MERGED");
  expect(await duplicatePage.voteCount()).toBe(0);
  await expect(manager.page.getByTestId("merged-into").innerText()).resolves.toContain(kept.title);

  // Staff, who voted for the duplicate, is told where the vote went.
  await expect.poll(() => staffTopic.bellCount(), { timeout: 10_000 }).toBe(1);
  await staff.page.goto(`${baseUrl}/notifications`);
  await expect(staff.page.getByTestId("notification-list").locator("li").first().innerText()).resolves.toContain(
    `Тема «${duplicate.title}» объединена с «${kept.title}»`,
  );
  // Following it opens the kept topic and marks it read.
  await staff.page.getByTestId("notification-list").locator("li").first().getByRole("link").click();
  await staff.page.waitForURL((url) => url.pathname === kept.path);
  await expect.poll(() => staffTopic.bellCount()).toBe(0);

  // Leave staff2 without votes, as the other browser tests expect (a rejected topic shows no
  // vote button, so withdraw through the API, as the signed-in user).
  for (const path of [rejected.path, kept.path]) {
    const response = await staff.context.request.post(`${baseUrl}/graphql`, {
      headers: { "content-type": "application/json", "x-graphql-yoga-csrf": "spros" },
      data: { query: "mutation ($id: ID!) { unvote(topicId: $id) { __typename } }", variables: { id: topicIdOf(path) } },
    });
    expect(JSON.stringify(await response.json())).toContain("MutationUnvoteSuccess");
  }
}, 120_000);
