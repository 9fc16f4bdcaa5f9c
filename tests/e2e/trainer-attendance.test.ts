import { expectAccessible } from "./helpers/axe";
import { expect, test } from "./helpers/fixtures";

test("a trainer finds their held sessions under «Мои занятия» (linked for trainers) and marks attendance on a phone without the page jumping", async ({ signIn, baseUrl }) => {
  // A phone: the attendance list runs below the fold even when a session has few people.
  const { page } = await signIn("trainer@spros.demo", { phone: true });
  await page.goto(`${baseUrl}/my/teaching`);
  await page.getByRole("heading", { level: 1, name: "Занятия, которые я веду" }).waitFor();
  expect(await page.locator('a[href="/my/teaching"]').count()).toBeGreaterThan(0);
  await expectAccessible(page, "trainer's sessions");
  const held = page.getByRole("region", { name: "Идут и прошли" }).getByTestId("teaching-item");
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
