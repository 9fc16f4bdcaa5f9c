import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { expectAccessible } from "./helpers/axe";
import { expect, test } from "./helpers/fixtures";
import { TopicsPage } from "./helpers/pages";

// The admin's account: no other browser test signs in with it, so changing its password and ending
// its sessions is safe (the trainer's account is the trainer-attendance test's).
const EMAIL = "admin@spros.demo";

test("account security: the devices list, ending another device (its live connection closes), a guessable password refused, a strong one taken with this device kept signed in, sign out everywhere", async ({ signIn, baseUrl }) => {
  const laptop = await signIn(EMAIL);
  const phone = await signIn(EMAIL);
  const laptopList = new TopicsPage(laptop.page, baseUrl);
  await laptopList.goto();
  await laptopList.waitUntilLive();

  await phone.page.goto(`${baseUrl}/profile`);
  const devices = phone.page.locator("li.session-list__item");
  const thisDevice = phone.page.getByText("Это устройство");
  await expect.poll(() => devices.count()).toBe(2);
  expect(await thisDevice.count()).toBe(1);
  await expectAccessible(phone.page, "profile with its security section");

  // End the laptop's session from the phone: the laptop's live connection is closed at once and
  // its next page asks it to sign in again.
  await devices.filter({ hasNot: thisDevice }).getByRole("button", { name: /^Завершить сеанс/ }).click();
  await phone.page.getByText("Сеанс завершён").waitFor();
  await expect.poll(() => devices.count()).toBe(1);
  await expect.poll(() => laptop.page.evaluate(() => document.documentElement.dataset.live), { timeout: 10_000 }).toBe("off");
  await laptop.page.goto(`${baseUrl}/topics`);
  await laptop.page.waitForURL(/\/login/);

  // A common password is refused with the rule explained, and nothing changes.
  await phone.page.getByLabel("Текущий пароль").fill(DEMO_PASSWORD);
  await phone.page.getByLabel("Новый пароль").fill("qwerty12345");
  await phone.page.getByRole("button", { name: "Сменить пароль" }).click();
  await phone.page.getByText("Такой пароль легко подобрать", { exact: false }).first().waitFor();
  await expectAccessible(phone.page, "password form with an error");

  // A strong one is taken; this device stays signed in under a new session (its old cookie is dead).
  const oldCookie = (await phone.context.cookies()).find((cookie) => cookie.name.includes("session"))?.value;
  await phone.page.getByLabel("Текущий пароль").fill(DEMO_PASSWORD);
  await phone.page.getByLabel("Новый пароль").fill("лодка сирень 47 маяк");
  await phone.page.getByRole("button", { name: "Сменить пароль" }).click();
  await phone.page.getByText("Пароль изменён").waitFor();
  const newCookie = (await phone.context.cookies()).find((cookie) => cookie.name.includes("session"))?.value;
  expect(newCookie).toBeTruthy();
  expect(newCookie).not.toBe(oldCookie);
  await phone.page.goto(`${baseUrl}/profile`);
  await expect.poll(() => devices.count()).toBe(1);
  expect(await thisDevice.count()).toBe(1);

  // Sign out everywhere ends this device too.
  await phone.page.getByRole("button", { name: "Выйти на всех устройствах" }).click();
  await phone.page.waitForURL(/\/login/);
  await phone.page.goto(`${baseUrl}/profile`);
  await phone.page.waitForURL(/\/login/);
});
