import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject, test as base } from "vitest";
import { DEMO_PASSWORD } from "../../../prisma/seed/demo-accounts";
import { expectAccessible } from "./axe";
import { launchChromium } from "./browser";
import { LoginPage } from "./pages";

export type SignedIn = { context: BrowserContext; page: Page };

/** A phone: small touch screen, touch events, mobile viewport rules. */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } as const;
const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;

type Fixtures = {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (its own cookies) signed in through the sign-in page, in Russian. */
  signIn: (email: string, device?: { phone?: boolean }) => Promise<SignedIn>;
};

export const test = base.extend<Fixtures>({
  baseUrl: [async ({}, use) => use(inject("e2eBaseUrl")), { scope: "file" }],
  browser: [
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: "file" },
  ],
  signIn: async ({ browser, baseUrl }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (email, device) => {
      const context = await browser.newContext({ locale: "ru-RU", ...(device?.phone ? PHONE : DESKTOP) });
      contexts.push(context);
      const page = await context.newPage();
      page.on("pageerror", (error) => console.error(`[${email}] page error:`, error.message));
      const login = new LoginPage(page, baseUrl);
      await login.goto();
      await expectAccessible(page, "sign-in page");
      await login.signIn(email, DEMO_PASSWORD);
      return { context, page };
    });
    for (const context of contexts) await context.close();
  },
});

export { expect } from "vitest";
