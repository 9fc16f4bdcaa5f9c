import { expect, test } from "./helpers/fixtures";

// Every page fits a 390-pixel phone: wide content (tables, calendars, charts) scrolls inside its
// own box, never the whole page sideways.
const PAGES = [
  "/topics",
  "/topics/new",
  "/sessions",
  "/my/bookings",
  "/my/votes",
  "/notifications",
  "/profile",
  "/manage/planning",
  "/manage/dashboard",
  "/manage/resources",
  "/manage/trainers",
];

test("no page scrolls sideways on a phone", async ({ signIn, baseUrl }) => {
  const { page } = await signIn("manager@spros.demo", { phone: true });
  const overflowing: string[] = [];
  for (const path of PAGES) {
    await page.goto(`${baseUrl}${path}`);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    const excess = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (excess > 0) overflowing.push(`${path}: ${excess}px`);
  }
  expect(overflowing).toEqual([]);
});
