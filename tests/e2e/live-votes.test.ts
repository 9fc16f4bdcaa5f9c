import { expectAccessible } from "./helpers/axe";
import { expect, test } from "./helpers/fixtures";
import { TopicsPage } from "./helpers/pages";

test("a vote in one browser moves the count in another, live and without reloading", async ({ signIn, baseUrl }) => {
  const anna = await signIn("staff@spros.demo");
  const igor = await signIn("staff2@spros.demo");
  const topicsA = new TopicsPage(anna.page, baseUrl);
  const topicsB = new TopicsPage(igor.page, baseUrl);
  await Promise.all([topicsA.goto(), topicsB.goto()]);
  await Promise.all([topicsA.waitUntilLive(), topicsB.waitUntilLive()]);
  await expectAccessible(anna.page, "topic list");

  const title = await topicsA.firstVotableTitle();
  const before = await topicsB.voteCount(title);
  expect(await topicsA.voteCount(title)).toBe(before);
  // Marks this document: if B's page were reloaded or re-rendered from the server, it would vanish.
  await igor.page.evaluate(() => ((window as unknown as { sprosMarker: number }).sprosMarker = 42));

  await topicsA.voteButton(title).click();
  await expect.poll(() => topicsA.voteButton(title).getAttribute("aria-pressed")).toBe("true");
  await expect.poll(() => topicsA.voteCount(title)).toBe(before + 1);
  await expect.poll(() => topicsB.voteCount(title), { timeout: 10_000 }).toBe(before + 1);
  expect(await topicsB.voteButton(title).getAttribute("aria-pressed")).toBe("false");
  await expectAccessible(anna.page, "topic list after voting");

  await topicsA.voteButton(title).click();
  await expect.poll(() => topicsA.voteButton(title).getAttribute("aria-pressed")).toBe("false");
  await expect.poll(() => topicsB.voteCount(title), { timeout: 10_000 }).toBe(before);

  expect(await igor.page.evaluate(() => (window as unknown as { sprosMarker?: number }).sprosMarker)).toBe(42);
  await expectAccessible(igor.page, "topic list (second user)");
});

test("the topic page shows the live count and passes the accessibility check", async ({ signIn, baseUrl }) => {
  const anna = await signIn("staff@spros.demo");
  const igor = await signIn("staff2@spros.demo");
  const topicsA = new TopicsPage(anna.page, baseUrl);
  await topicsA.goto();
  const title = await topicsA.firstVotableTitle();
  await topicsA.card(title).getByRole("link", { name: title }).click();
  await anna.page.getByRole("heading", { level: 1, name: title }).waitFor();
  await topicsA.waitUntilLive();
  await expectAccessible(anna.page, "topic page");
  const count = anna.page.getByTestId("vote-count");
  const before = Number(await count.getAttribute("data-count"));

  const topicsB = new TopicsPage(igor.page, baseUrl);
  await topicsB.goto();
  await topicsB.waitUntilLive();
  await topicsB.voteButton(title).click();
  await expect.poll(async () => Number(await count.getAttribute("data-count")), { timeout: 10_000 }).toBe(before + 1);
  await topicsB.voteButton(title).click();
  await expect.poll(async () => Number(await count.getAttribute("data-count")), { timeout: 10_000 }).toBe(before);
});

test("server-rendered pages are clean UTF-8 without stray NUL bytes (React 18 streaming bug)", async ({ signIn, baseUrl }) => {
  const anna = await signIn("staff@spros.demo");
  for (const path of ["/topics?limit=240", "/topics?sort=newest&limit=240"]) {
    const body = await (await anna.context.request.get(`${baseUrl}${path}`)).body();
    expect(body.length).toBeGreaterThan(20_000);
    expect(body.indexOf(0), `NUL byte in ${path}`).toBe(-1);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(body)).not.toThrow();
  }
});
