import type { Page } from "playwright-core";
import { expect, test } from "./helpers/fixtures";
import { ProfilePage } from "./helpers/pages";

/** A one-finger swipe through the browser's real touch pipeline (it scrolls, or paints, as a phone would). */
async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  const at = (x: number, y: number) => [{ x: Math.round(x), y: Math.round(y) }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(from.x, from.y) });
  const steps = 12;
  for (let step = 1; step <= steps; step++) {
    const x = from.x + ((to.x - from.x) * step) / steps;
    const y = from.y + ((to.y - from.y) * step) / steps;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(x, y) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

/** Brings a cell to the middle of the screen (the sticky save bar covers the bottom edge). */
const toMiddle = (cell: ReturnType<ProfilePage["cell"]>) => cell.evaluate((element) => element.scrollIntoView({ block: "center" }));

const centre = async (page: Page, selector: ReturnType<ProfilePage["cell"]>) => {
  const box = await selector.boundingBox();
  if (!box) throw new Error("cell not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

test("on a phone a tap paints a cell and a swipe over the grid scrolls the page; 'paint by dragging' makes the finger a brush", async ({ signIn, baseUrl }) => {
  const { page } = await signIn("staff2@spros.demo", { phone: true });
  const profile = new ProfilePage(page, baseUrl);
  await profile.goto();
  await page.getByRole("button", { name: "Очистить всё" }).tap();
  const painted = () => profile.grid().locator('[data-state="PREFERRED"]').count();
  expect(await painted()).toBe(0);

  // A tap marks one cell with the brush.
  const wednesday10 = profile.cell(3, "10:00");
  await toMiddle(wednesday10);
  await page.touchscreen.tap(...(Object.values(await centre(page, wednesday10)) as [number, number]));
  await expect.poll(() => wednesday10.getAttribute("data-state")).toBe("PREFERRED");

  // An upward swipe that starts on the grid scrolls the page and paints nothing.
  const before = await page.evaluate(() => window.scrollY);
  const start = await centre(page, profile.cell(2, "14:00"));
  await swipe(page, start, { x: start.x, y: start.y - 300 });
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 100);
  expect(await painted()).toBe(1);

  // With dragging on, the same gesture paints the cells it crosses and the page stays put.
  const toggle = page.getByRole("checkbox", { name: "Закрашивать протягиванием" });
  await toggle.tap();
  await expect.poll(() => toggle.isChecked()).toBe(true);
  const thursday9 = profile.cell(4, "09:00");
  await toMiddle(thursday9);
  const scrolled = await page.evaluate(() => window.scrollY);
  const from = await centre(page, thursday9);
  const to = await centre(page, profile.cell(4, "10:30"));
  await swipe(page, from, to);
  await expect.poll(() => painted()).toBe(1 + 4);
  for (const time of ["09:00", "09:30", "10:00", "10:30"]) expect(await profile.cell(4, time).getAttribute("data-state")).toBe("PREFERRED");
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});
