import { expectAccessible } from "./helpers/axe";
import { expect, test } from "./helpers/fixtures";

test("a trainer finds their held sessions under «Мои занятия» and marks attendance without the page jumping", async ({ signIn, baseUrl }) => {
  const { page } = await signIn("trainer@spros.demo");
  await page.getByRole("link", { name: "Мои занятия" }).click();
  await page.getByRole("heading", { level: 1, name: "Занятия, которые я веду" }).waitFor();
  await expectAccessible(page, "trainer's sessions");
  const held = page.locator("section", { has: page.getByRole("heading", { name: "Прошедшие" }) }).getByTestId("teaching-item");
  expect(await held.count()).toBeGreaterThan(0);
  await held.first().getByRole("heading").getByRole("link").click();
  await page.getByRole("heading", { level: 2, name: /Явка|Attendance/ }).waitFor();

  // Far down the list: marking a row keeps the page where it is, and the row shows the mark.
  const rows = page.locator(".attendance-row");
  const last = rows.last();
  await last.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(0);
  const mark = (await last.getByRole("button", { name: "Неявка" }).getAttribute("aria-pressed")) === "true" ? "Явка" : "Неявка";
  await last.getByRole("button", { name: mark }).click();
  await expect.poll(() => last.getByRole("button", { name: mark }).getAttribute("aria-pressed")).toBe("true");
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(40);
  expect(new URL(page.url()).search).toBe("");
});
