import type { Locator, Page } from "playwright-core";

/** The sign-in page, by its accessible names in Russian or English. */
export class LoginPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async goto() {
    await this.page.goto(`${this.baseUrl}/login`);
    await this.page.getByRole("heading", { level: 1, name: /Вход|Sign in/ }).waitFor();
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel(/Электронная почта|Email/).fill(email);
    await this.page.getByLabel(/Пароль|Password/).fill(password);
    await this.page.getByRole("button", { name: /^(Войти|Sign in)$/ }).click();
    await this.page.waitForURL(/\/topics(\?|$)/);
    await this.page.getByRole("heading", { level: 1, name: /Темы обучения|Training topics/ }).waitFor();
  }
}

/** The topic list with its cards; a card is found by its topic title. */
export class TopicsPage {
  constructor(readonly page: Page, private readonly baseUrl: string) {}

  async goto() {
    await this.page.goto(`${this.baseUrl}/topics`);
    await this.page.getByRole("heading", { level: 1, name: /Темы обучения|Training topics/ }).waitFor();
  }

  /**
   * Resolves once the page is hydrated and its live-updates WebSocket is connected. graphql-ws does
   * not acknowledge a subscription, so allow the server a moment to register the page's
   * subscriptions (sent right after the connection ack) before anyone votes.
   */
  async waitUntilLive() {
    await this.page.waitForFunction(() => document.documentElement.dataset.live === "on");
    await this.page.waitForTimeout(300);
  }

  card(title: string): Locator {
    return this.page.locator("article.topic-card").filter({ has: this.page.getByRole("heading", { name: title, exact: true }) });
  }

  voteButton(title: string): Locator {
    return this.card(title).getByRole("button", { name: /Поддержать|Support/ });
  }

  async voteCount(title: string): Promise<number> {
    return Number(await this.card(title).getByTestId("vote-count").getAttribute("data-count"));
  }

  /** Title of the first topic open for voting that this user has not supported yet. */
  async firstVotableTitle(): Promise<string> {
    const card = this.page
      .locator("article.topic-card")
      .filter({ has: this.page.locator('button[aria-pressed="false"]') })
      .first();
    return (await card.getByRole("heading").innerText()).trim();
  }
}

/** The suggest-a-topic form. */
export class SuggestTopicPage {
  constructor(readonly page: Page, private readonly baseUrl: string) {}

  async goto() {
    await this.page.goto(`${this.baseUrl}/topics/new`);
    await this.page.getByRole("heading", { level: 1, name: /Предложить тему|Suggest a topic/ }).waitFor();
  }

  async fill(topic: { title: string; description: string; block: string; format: string }) {
    await this.page.getByLabel(/^(Название|Title)/).fill(topic.title);
    await this.page.getByLabel(/^(Описание|Description)/).fill(topic.description);
    await this.page.getByLabel(/^(Блок|Block)/).selectOption(topic.block);
    await this.page.getByLabel(/^(Формат|Format)/).selectOption(topic.format);
  }

  submit() {
    return this.page.getByRole("button", { name: /Опубликовать тему|Publish topic/ }).click();
  }

  errorSummary(): Locator {
    return this.page.getByRole("region", { name: /Исправьте ошибки в форме|Please correct the errors/ });
  }
}

/** A topic's page: status, comments, the moderation panel and log (by accessible names, ru or en). */
export class TopicPage {
  constructor(readonly page: Page, private readonly baseUrl: string) {}

  async goto(path: string) {
    await this.page.goto(`${this.baseUrl}${path}`);
    await this.page.getByRole("heading", { level: 1 }).waitFor();
  }

  async waitUntilLive() {
    await this.page.waitForFunction(() => document.documentElement.dataset.live === "on");
    await this.page.waitForTimeout(300);
  }

  async voteCount(): Promise<number> {
    return Number(await this.page.getByTestId("vote-count").first().getAttribute("data-count"));
  }

  status(): Promise<string | null> {
    return this.page.locator(".topic-detail__main [data-status]").first().getAttribute("data-status");
  }

  moderationPanel(): Locator {
    return this.page.getByRole("region", { name: /^(Модерация|Moderation)$/ });
  }

  comments(): Locator {
    return this.page.getByTestId("comment-list").locator("li.comment");
  }

  async addComment(text: string) {
    await this.page.getByLabel(/^(Ваш комментарий|Your comment)/).fill(text);
    await this.page.getByRole("button", { name: /^(Отправить|Post)$/ }).click();
  }

  async reject(reason: string) {
    const panel = this.moderationPanel();
    await panel.getByText(/^(Отклонить тему|Reject topic)$/).click();
    await panel.getByLabel(/^(Причина|Reason)/).fill(reason);
    await panel.getByRole("button", { name: /^(Отклонить|Reject)$/ }).click();
  }

  bell(): Locator {
    return this.page.getByTestId("notification-bell");
  }

  async bellCount(): Promise<number> {
    return Number(await this.bell().getAttribute("data-count"));
  }
}

/** The availability profile (/profile): the weekly grid, sites and the save button. */
export class ProfilePage {
  constructor(readonly page: Page, private readonly baseUrl: string) {}

  async goto() {
    await this.page.goto(`${this.baseUrl}/profile`);
    await this.page.getByRole("heading", { level: 1, name: /Когда я могу|My availability/ }).waitFor();
  }

  grid(): Locator {
    return this.page.getByRole("grid", { name: /Недельная сетка|Weekly grid/ });
  }

  /** A cell by weekday (1 = Monday) and start time ("09:00"), whatever it currently holds. */
  cell(weekday: number, time: string): Locator {
    const slot = (Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) - 480) / 30;
    return this.grid().locator(`[data-cell="${(weekday - 1) * 24 + slot}"]`);
  }

  brush(name: RegExp): Locator {
    return this.page.getByRole("radio", { name });
  }

  /** Drags with the mouse from one cell to another (painting the rectangle between them). */
  async drag(from: Locator, to: Locator) {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error("cell not visible");
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await this.page.mouse.up();
  }

  summary(): Locator {
    return this.page.getByTestId("availability-summary");
  }

  async save() {
    await this.page.getByRole("button", { name: /^(Сохранить|Save)$/ }).click();
    await this.page.getByRole("status").filter({ hasText: /Сохранено|Saved/ }).waitFor();
  }
}
