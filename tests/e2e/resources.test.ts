import type { Page } from "playwright-core";
import { expectAccessible } from "./helpers/axe";
import { expect, test } from "./helpers/fixtures";

// Adds only its own things to the shared demo database: a new site (no staff prefer it) with a
// room, a closed day far ahead there, and a trainer who teaches only there.

/** A centre date `days` from now, "YYYY-MM-DD" (far enough ahead for the exact day not to matter). */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const status = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

test("resources: a manager adds a site and a room (capacity checked), closes a day, and adds a trainer who then appears in the list", async ({ signIn, baseUrl }) => {
  const suffix = Date.now().toString(36);
  const siteName = `Учебный класс ${suffix}`;
  const { page } = await signIn("manager@spros.demo");

  await page.goto(`${baseUrl}/manage/resources`);
  await page.getByRole("heading", { level: 1, name: "Площадки и аудитории" }).waitFor();
  await expectAccessible(page, "resources page");

  // A new site with its own opening hours.
  const addSite = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Новая площадка" }) });
  await addSite.getByLabel("Название площадки").fill(siteName);
  await addSite.getByLabel("Адрес").fill("ул. Тестовая, 1");
  await addSite.getByLabel("Код", { exact: true }).fill(`e2e-${suffix}`);
  await addSite.getByLabel("Открывается").selectOption("540");
  await addSite.getByLabel("Закрывается").selectOption("1080");
  await addSite.getByRole("button", { name: "Добавить площадку" }).click();
  await status(page, "Площадка добавлена.").waitFor();
  const site = page.locator("section.resource-site").filter({ has: page.getByRole("heading", { level: 2, name: siteName }) });
  expect(await site.locator(".resource-site__meta").innerText()).toContain("Открыто 09:00–18:00");

  // Its hours change later: closing before opening is refused next to the field, then 17:00 is kept.
  await site.getByText("Изменить площадку").click();
  const closes = site.getByLabel(`Закрывается (${siteName})`);
  await closes.selectOption("480");
  await site.getByRole("button", { name: `Сохранить площадку «${siteName}»` }).click();
  await site.locator(".field__error").filter({ hasText: "Площадка должна закрываться позже, чем открывается." }).waitFor();
  expect(await site.locator("details.resource-site__edit").getAttribute("open")).not.toBeNull();
  await expectAccessible(page, "resources page with a site error");
  await closes.selectOption("1020");
  await site.getByRole("button", { name: `Сохранить площадку «${siteName}»` }).click();
  await status(page, "Площадка сохранена.").waitFor();
  expect(await site.locator(".resource-site__meta").innerText()).toContain("Открыто 09:00–17:00");

  // A room with no seats is refused next to the field; then it is added with 12.
  const newRoom = site.locator("form.resource-room--new");
  await newRoom.getByLabel("Название").fill("Аудитория 1");
  await newRoom.getByLabel("Мест").fill("0");
  await newRoom.getByRole("button", { name: "Добавить" }).click();
  const capacity = site.locator("form.resource-room--new").getByLabel("Мест");
  await expect.poll(() => capacity.getAttribute("aria-invalid")).toBe("true");
  expect(await site.locator("form.resource-room--new .field--invalid .field__error").innerText()).toContain("Число мест — целое, от 1 до 500.");
  expect(await site.locator("form.resource-room--new .error-summary").innerText()).toContain("Число мест — целое, от 1 до 500.");
  expect(await site.locator("form.resource-room--new").getByLabel("Название").inputValue()).toBe("Аудитория 1");
  await expectAccessible(page, "resources page with a capacity error");
  await capacity.fill("12");
  await site.locator("form.resource-room--new").getByRole("button", { name: "Добавить" }).click();
  await status(page, "Аудитория добавлена.").waitFor();
  expect(await site.getByLabel("Мест в аудитории «Аудитория 1»").inputValue()).toBe("12");

  // The site is closed for a day well ahead.
  const closedDay = daysAhead(400);
  const closedForm = page.locator("form.resource-closed__form");
  await closedForm.getByLabel("Где").selectOption({ label: siteName });
  await closedForm.getByLabel("Дата").fill(closedDay);
  await closedForm.getByLabel("Причина").fill("Санитарный день");
  await closedForm.getByRole("button", { name: "Закрыть день" }).click();
  await status(page, "День закрыт.").waitFor();
  const closedItem = page.locator(".resource-closed__item").filter({ has: page.locator(`time[datetime="${closedDay}"]`) });
  expect(await closedItem.innerText()).toContain(`${siteName} · Санитарный день`);

  // A new trainer: first without a site (refused, nothing lost), then with one.
  await page.goto(`${baseUrl}/manage/trainers`);
  await page.getByRole("link", { name: "Добавить тренера" }).click();
  await page.getByRole("heading", { level: 1, name: "Новый тренер" }).waitFor();
  await expectAccessible(page, "new trainer form");
  const trainerName = `Тестовый Тренер ${suffix}`;
  await page.getByLabel("Имя", { exact: true }).fill(trainerName);
  await page.getByLabel("Часов в неделю, не больше").fill("20");
  const topic = page.locator(".trainer-checks label").first();
  const topicTitle = (await topic.innerText()).trim();
  await topic.locator("input").check();
  await page.locator("#field-w-2-0-from").selectOption("540");
  await page.locator("#field-w-2-0-to").selectOption("780");
  await page.getByRole("button", { name: "Добавить тренера" }).click();
  await page.locator(".error-summary").filter({ hasText: "Выберите хотя бы одну площадку." }).waitFor();
  expect(await page.getByLabel("Имя", { exact: true }).inputValue()).toBe(trainerName);
  expect(await page.locator("#field-w-2-0-to").inputValue()).toBe("780");
  expect(await page.locator(".trainer-checks input:checked").count()).toBe(1);
  await expectAccessible(page, "new trainer form with an error");

  await page.getByRole("checkbox", { name: siteName }).check();
  await page.getByRole("button", { name: "Добавить тренера" }).click();
  await page.getByRole("heading", { level: 1, name: `Тренер: ${trainerName}` }).waitFor();
  await status(page, "Тренер добавлен.").waitFor();
  expect(await page.getByRole("checkbox", { name: siteName }).isChecked()).toBe(true);
  expect(await page.getByRole("checkbox", { name: topicTitle, exact: true }).isChecked()).toBe(true);
  expect(await page.locator("#field-w-2-0-from").inputValue()).toBe("540");
  await expectAccessible(page, "trainer page after creating");

  // Linking an account that does not exist is refused next to the e-mail field; nothing else changes.
  await page.getByLabel("Электронная почта учётной записи (необязательно)").fill("nobody-here@spros.demo");
  await page.getByRole("button", { name: "Сохранить", exact: true }).click();
  await page.locator(".field__error").filter({ hasText: "Учётной записи с такой почтой нет. Проверьте адрес." }).waitFor();
  expect(await page.getByLabel("Электронная почта учётной записи (необязательно)").getAttribute("aria-invalid")).toBe("true");

  await page.getByRole("link", { name: "Все тренеры" }).click();
  await page.getByRole("heading", { level: 1, name: "Тренеры" }).waitFor();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Изменить: ${trainerName}` }) });
  const cells = await row.locator("td").allInnerTexts();
  expect(cells).toEqual(["20", "1", siteName, "Вт 09:00–13:00", "0"]);
  await expectAccessible(page, "trainer list");
});
