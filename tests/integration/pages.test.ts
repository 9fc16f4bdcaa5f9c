import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookingIcsPath, sessionPath } from "../../app/lib/documents/bookings";
import { topicPath } from "../../app/lib/topic-path";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { startPageServer } from "./helpers/page-server";
import { newSessionRow } from "../../graphql/user-sessions";
import { createUsers, TEST_PASSWORD } from "./helpers/users";
import { BOOK, createPlace, createSession, createTopic, globalId } from "./bookings-helpers";
import { createWorld } from "./proposal-review-world";

/** What the server-rendered pages show (the real Remix build), for facts no browser test reaches. */

let db: TestDatabase;
let api: ApiServer;
let pages: Awaited<ReturnType<typeof startPageServer>>;
let voter: ApiClient;
let colleague: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApiServer(db);
  pages = await startPageServer(db);
  const [voterUser, colleagueUser] = await createUsers(db.prisma, 2, { prefix: "pages" });
  [voter, colleague] = await Promise.all([voterUser, colleagueUser].map((user) => new ApiClient(api).signIn(user.email, TEST_PASSWORD)));
  const [managerUser] = await createUsers(db.prisma, 1, { prefix: "pages-boss", role: "MANAGER" });
  manager = await new ApiClient(api).signIn(managerUser.email, TEST_PASSWORD);
});

afterAll(async () => {
  await pages?.close();
  await api?.close();
  await db?.drop();
});

describe("topic page", () => {
  it("shows whom the topic is for, and says in words that the viewer supports it", async () => {
    const topic = await createTopic(db.prisma, "Работа с возражениями");
    await db.prisma.topic.update({ where: { id: topic.id }, data: { audience: "Администраторы залов & новые сотрудники" } });
    const id = globalId("Topic", topic.id);
    const vote = await voter.request(`mutation($id: ID!) { vote(topicId: $id) { __typename } }`, { id });
    expect(vote.data.vote.__typename).toBe("MutationVoteSuccess");

    const mine = await pages.html(topicPath(id), voter.cookie);
    expect(mine.status).toBe(200);
    expect(mine.text).toMatch(/<dt>Для кого<\/dt><dd[^>]*>Администраторы залов &amp; новые сотрудники<\/dd>/);
    expect(mine.text).toContain('<span class="vote__mine">Вы поддержали</span>');

    const theirs = await pages.html(topicPath(id), colleague.cookie);
    expect(theirs.text).toContain("Для кого");
    expect(theirs.text).not.toContain("vote__mine");
  });

  it("leaves the audience out when none was given, and the empty heat map too", async () => {
    const topic = await createTopic(db.prisma, "Тема без адресата");
    const page = await pages.html(topicPath(globalId("Topic", topic.id)), colleague.cookie);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("Для кого");
    // No voter has said when they can come: the sentence says so, without a grid of zeros.
    expect(page.text).toContain("Пока никто из проголосовавших не указал подходящее время.");
    expect(page.text).not.toContain('data-testid="demand-heatmap"');
  });
});

describe("topic search that finds nothing", () => {
  it("offers to suggest the searched words as a topic, and the suggestion form starts from them", async () => {
    const search = "Жестовый язык для администраторов";
    const empty = await pages.html(`/topics?${new URLSearchParams({ q: search })}`, voter.cookie);
    expect(empty.text).toContain("По этим условиям тем не нашлось.");
    const link = `/topics/new?${new URLSearchParams({ title: search })}`;
    expect(empty.text).toContain(`href="${link.replace(/&/g, "&amp;")}"`);
    expect(empty.text).toContain(`Предложить тему «${search}»`);
    const form = await pages.html(link, voter.cookie);
    expect(form.text).toMatch(new RegExp(`<input[^>]*name="title"[^>]*value="${search}"|<input[^>]*value="${search}"[^>]*name="title"`));
  });
});

describe("topic page with sessions", () => {
  it("lists the topic's upcoming sessions with a link to each, and tells the booked viewer so", async () => {
    const topic = await createTopic(db.prisma, "Тема в расписании");
    const topicId = globalId("Topic", topic.id);
    const none = await pages.html(topicPath(topicId), colleague.cookie);
    expect(none.text).not.toContain("Ближайшие занятия по теме");

    const place = await createPlace(db.prisma);
    const session = await createSession(db.prisma, { topicId: topic.id, place, capacity: 12 });
    const id = globalId("TrainingSession", session.id);
    expect((await voter.request(BOOK, { id })).data.bookSession.__typename).toBe("MutationBookSessionSuccess");

    const booked = await pages.html(topicPath(topicId), voter.cookie);
    expect(booked.text).toContain("Ближайшие занятия по теме");
    expect(booked.text).toContain(`href="${sessionPath(id)}"`);
    expect(booked.text).toMatch(/topic-sessions__seats">Вы записаны</);
    const other = await pages.html(topicPath(topicId), colleague.cookie);
    expect(other.text).toMatch(/topic-sessions__seats">Осталось 11 мест из 12</);
  });
});

describe("topic page for a manager", () => {
  it("puts the moderation panel beside the topic, and nothing of it for staff", async () => {
    const topic = await createTopic(db.prisma, "Тема для модерации");
    const path = topicPath(globalId("Topic", topic.id));
    const aside = (html: string) => /<aside[^>]*>([\s\S]*?)<\/aside>/.exec(html)?.[1] ?? "";
    expect(aside((await pages.html(path, manager.cookie)).text)).toContain("Модерация");
    expect((await pages.html(path, colleague.cookie)).text).not.toContain("Модерация");
  });

  it("lists merge candidates with a link to read each one and the start of its description, and marks the chosen one", async () => {
    const source = await createTopic(db.prisma, "Выгорание сотрудников зала");
    const kept = await createTopic(db.prisma, "Профилактика эмоционального выгорания");
    await db.prisma.topic.update({ where: { id: kept.id }, data: { status: "OPEN", description: "Как замечать первые признаки выгорания у себя и коллег.\n\nВторой абзац." } });
    const keptId = globalId("Topic", kept.id);
    const base = `${topicPath(globalId("Topic", source.id))}/merge`;
    const list = await pages.html(`${base}?${new URLSearchParams({ q: "выгорания" })}`, manager.cookie);
    expect(list.text).toContain(`href="${topicPath(keptId)}" target="_blank"`);
    expect(list.text).toContain('<p class="merge-list__excerpt">Как замечать первые признаки выгорания у себя и коллег.</p>');
    const chosen = await pages.html(`${base}?${new URLSearchParams({ q: "выгорания", target: keptId })}`, manager.cookie);
    expect(chosen.text).toContain("merge-list__item merge-list__item--chosen");
  });

  it("preselects no status, and says why a topic with a session ahead cannot be done", async () => {
    const topic = await createTopic(db.prisma, "Тема с занятием впереди (страница)");
    const path = topicPath(globalId("Topic", topic.id));
    expect((await pages.html(path, manager.cookie)).text).toMatch(/<option value="" disabled="" selected="">Выберите…<\/option>/);
    await createSession(db.prisma, { topicId: topic.id, place: await createPlace(db.prisma) });
    const refused = await pages.submit(`${path}/moderate`, { intent: "status", status: "DONE" }, manager.cookie);
    expect(refused.location).toContain("moderationError=moderation.errorSessionsAhead");
    expect((await pages.html(refused.location!, manager.cookie)).text).toContain("пока впереди есть её занятия");
  });
});

describe("session page", () => {
  it("says what, when, where (with the address) and who, and offers the booked viewer the .ics", async () => {
    const topic = await createTopic(db.prisma, "Сложный заявитель");
    await db.prisma.topic.update({ where: { id: topic.id }, data: { description: "Первый абзац.\n\nВторой абзац про <границы>." } });
    const place = await createPlace(db.prisma);
    const session = await createSession(db.prisma, { topicId: topic.id, place });
    const id = globalId("TrainingSession", session.id);
    const booked = await voter.request(BOOK, { id });
    const bookingId = booked.data.bookSession.data.id;

    const page = await pages.html(sessionPath(id), voter.cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain("← </span>Все занятия");
    expect(page.text).toContain("Москва, ул. Тестовая, 1");
    expect(page.text).toMatch(/<dt>Тренер<\/dt><dd>Тренер s[0-9a-f]+<\/dd>/);
    expect(page.text).toContain("<p>Первый абзац.</p><p>Второй абзац про &lt;границы&gt;.</p>");
    expect(page.text).toContain(`href="${bookingIcsPath(bookingId)}"`);

    const notBooked = await pages.html(sessionPath(id), colleague.cookie);
    expect(notBooked.text).toContain("Москва, ул. Тестовая, 1");
    expect(notBooked.text).not.toContain(".ics");
  });
});

describe("a trainer's sessions", () => {
  it("lists the sessions the trainer teaches, the held ones still waiting for attendance first, with the way to mark it", async () => {
    const [trainerUser] = await createUsers(db.prisma, 1, { prefix: "pages-trainer", role: "TRAINER" });
    const trainer = await new ApiClient(api).signIn(trainerUser!.email, TEST_PASSWORD);
    const place = await createPlace(db.prisma, { trainerUserId: trainerUser!.id });
    const [heldTopic, aheadTopic] = [await createTopic(db.prisma, "Проведённое занятие тренера"), await createTopic(db.prisma, "Будущее занятие тренера")];
    const held = await createSession(db.prisma, { topicId: heldTopic.id, place, startsAt: new Date(Date.now() - 3 * 86_400_000) });
    const [attendee] = await createUsers(db.prisma, 1, { prefix: "pages-attendee" });
    await db.prisma.booking.create({ data: { sessionId: held.id, userId: attendee!.id, status: "CONFIRMED", queueNumber: 1 } });
    await createSession(db.prisma, { topicId: aheadTopic.id, place, startsAt: new Date(Date.now() + 5 * 86_400_000) });
    // A more recent held session with its attendance all marked: it comes after the one still to mark.
    const markedTopic = await createTopic(db.prisma, "Отмеченное занятие тренера");
    const allMarked = await createSession(db.prisma, { topicId: markedTopic.id, place, startsAt: new Date(Date.now() - 1 * 86_400_000) });
    await db.prisma.booking.create({ data: { sessionId: allMarked.id, userId: attendee!.id, status: "CONFIRMED", queueNumber: 1, attendance: "ATTENDED" } });

    const page = await pages.html("/my/teaching", trainer.cookie);
    expect(page.text.indexOf("Проведённое занятие тренера")).toBeLessThan(page.text.indexOf("Отмеченное занятие тренера"));
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/my/teaching"');
    expect(page.text).toContain("Ждёт отметки явки 1 занятие.");
    expect(page.text).toContain("Проведённое занятие тренера");
    expect(page.text).toContain("Будущее занятие тренера");
    expect(page.text).toContain(`href="${sessionPath(globalId("TrainingSession", held.id))}#attendance"`);
    expect(page.text.indexOf("Проведённое занятие тренера")).toBeLessThan(page.text.indexOf("Будущее занятие тренера"));

    // A held session's page says so instead of offering seats.
    const heldPage = await pages.html(sessionPath(globalId("TrainingSession", held.id)), trainer.cookie);
    expect(heldPage.text).toContain("Занятие прошло.");
    expect(heldPage.text).not.toContain('data-testid="seats-left"');

    // Marking comes back to the same page, without a notice or a jump (the form keeps the scroll).
    const booking = await db.prisma.booking.findFirstOrThrow({ where: { sessionId: held.id } });
    const heldPath = sessionPath(globalId("TrainingSession", held.id));
    const marked = await pages.submit(heldPath, { bookingId: globalId("Booking", booking.id), attendance: "ATTENDED" }, trainer.cookie);
    expect(marked.location).toBe(heldPath);
    expect((await db.prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).attendance).toBe("ATTENDED");
    const after = await pages.html("/my/teaching", trainer.cookie);
    expect(after.text).not.toContain("Ждёт отметки явки");
    expect(after.text).toContain("Явка отмечена: пришли — 1, не пришли — 0");

    // Staff have no such item, and the page shows them nothing of anyone's.
    const staffPage = await pages.html("/my/teaching", voter.cookie);
    expect(staffPage.text).not.toContain("Проведённое занятие тренера");
    expect(staffPage.text).not.toContain('href="/my/teaching"');
  });
});

describe("sessions list filters", () => {
  it("narrows the list to on-line sessions, or to one site, says how many, and keeps the filter in the next page link", async () => {
    const place = await createPlace(db.prisma);
    const online = await createTopic(db.prisma, "Фильтр: вебинар", "WEBINAR");
    const inPerson = await createTopic(db.prisma, "Фильтр: тренинг в зале");
    await createSession(db.prisma, { topicId: online.id, place, online: true });
    await createSession(db.prisma, { topicId: inPerson.id, place });

    const onlineOnly = await pages.html("/sessions?where=online", voter.cookie);
    expect(onlineOnly.status).toBe(200);
    expect(onlineOnly.text).toContain("Фильтр: вебинар");
    expect(onlineOnly.text).not.toContain("Фильтр: тренинг в зале");
    expect(onlineOnly.text).toMatch(/Найдено \d+ заняти/);

    const atSite = await pages.html(`/sessions?where=${encodeURIComponent(globalId("Site", place.siteId))}`, voter.cookie);
    expect(atSite.text).toContain("Фильтр: тренинг в зале");
    expect(atSite.text).not.toContain("Фильтр: вебинар");
    expect(atSite.text).toContain("Найдено 1 занятие");

    const none = await pages.html("/sessions?only=suits&where=nowhere", voter.cookie);
    expect(none.text).toContain("По этим условиям занятий нет.");
  });
});

describe("a waitlist place", () => {
  it("reads as a place in line that one leaves, with no calendar file, on the session page and in my bookings", async () => {
    const topic = await createTopic(db.prisma, "Тема с очередью");
    const place = await createPlace(db.prisma);
    const session = await createSession(db.prisma, { topicId: topic.id, place, capacity: 1 });
    const id = globalId("TrainingSession", session.id);
    expect((await colleague.request(BOOK, { id })).data.bookSession.data.status).toBe("CONFIRMED");
    const waiting = (await voter.request(BOOK, { id })).data.bookSession.data;
    expect(waiting.status).toBe("WAITLISTED");

    for (const path of [sessionPath(id), "/my/bookings"]) {
      const page = await pages.html(path, voter.cookie);
      expect(page.text, path).toContain("Вы в листе ожидания: 1-й по очереди");
      expect(page.text, path).toMatch(/Выйти из листа ожидания(<!-- -->)? <span class="visually-hidden">на занятие «Тема с очередью»<\/span>/);
      expect(page.text, path).not.toContain(bookingIcsPath(waiting.id));
    }
    // Another session of the topic has seats: the full one points to it, and says to leave the waitlist first.
    const later = await createSession(db.prisma, { topicId: topic.id, place, capacity: 5, startsAt: new Date(Date.now() + 12 * 86_400_000) });
    for (const path of [sessionPath(id), "/sessions"]) {
      const page = await pages.html(path, voter.cookie);
      expect(page.text, path).toContain("Есть места на других занятиях по этой теме:");
      expect(page.text, path).toContain(`href="${sessionPath(globalId("TrainingSession", later.id))}"`);
      expect(page.text, path).toContain("свободно 5 мест");
      expect(page.text, path).toContain("перенесите туда запись");
    }
    const seated = await pages.html(sessionPath(id), colleague.cookie);
    expect(seated.text).not.toContain("Есть места на других занятиях");
    expect(seated.text).toMatch(/Отменить запись(<!-- -->)? <span class="visually-hidden">на занятие «Тема с очередью»<\/span>/);
    expect(seated.text).toContain("Добавить в календарь (.ics)");
  });
});

describe("booking a second session of a topic", () => {
  it("comes back to the card with why not, naming the session already held", async () => {
    const topic = await createTopic(db.prisma, "Одна запись на тему");
    const place = await createPlace(db.prisma);
    const held = await createSession(db.prisma, { topicId: topic.id, place, startsAt: new Date(Date.now() + 9 * 86_400_000) });
    const other = await createSession(db.prisma, { topicId: topic.id, place, startsAt: new Date(Date.now() + 3 * 86_400_000) });
    expect((await voter.request(BOOK, { id: globalId("TrainingSession", held.id) })).data.bookSession.__typename).toBe("MutationBookSessionSuccess");

    const otherId = globalId("TrainingSession", other.id);
    // The other session's page says which one is held instead of offering a button that would be refused.
    const otherPage = await pages.html(sessionPath(otherId), voter.cookie);
    expect(otherPage.text).toContain("Вы уже записаны на эту тему:");
    expect(otherPage.text).toContain(`href="${sessionPath(globalId("TrainingSession", held.id))}"`);
    expect(otherPage.text).not.toMatch(/Записаться(<!-- -->)? <span class="visually-hidden">на занятие «Одна запись на тему»/);
    // A page loaded before the first booking still posts; the refusal comes back to the card.
    const answer = await pages.submit("/sessions?index", { intent: "book", sessionId: otherId, redirectTo: "/sessions" }, voter.cookie);
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(/notice=errorTopicBooked/);
    const page = await pages.html(answer.location!, voter.cookie);
    expect(page.text).toMatch(/Вы уже записаны на эту тему — на \d{1,2} [а-я]+ в \d\d:\d\d\. Одна запись на тему/);
    expect(await db.prisma.booking.count({ where: { sessionId: other.id } })).toBe(0);

    // The page offers to move the booking here, and moving does it in one step.
    expect(otherPage.text).toContain("Перенести запись сюда");
    const heldBooking = await db.prisma.booking.findFirstOrThrow({ where: { sessionId: held.id, status: "CONFIRMED" } });
    const moved = await pages.submit(
      "/sessions?index",
      { intent: "move", sessionId: otherId, bookingId: globalId("Booking", heldBooking.id), redirectTo: sessionPath(otherId) },
      voter.cookie,
    );
    expect(moved.location).toMatch(/notice=moved/);
    expect((await pages.html(moved.location!, voter.cookie)).text).toContain("Готово: запись перенесена на это занятие.");
    expect(await db.prisma.booking.findMany({ where: { sessionId: { in: [held.id, other.id] } }, select: { sessionId: true, status: true } })).toEqual(
      expect.arrayContaining([{ sessionId: held.id, status: "CANCELLED" }, { sessionId: other.id, status: "CONFIRMED" }]),
    );
  });
});

describe("profile", () => {
  it("lists this device and the four most recently used ones, and folds the rest away", async () => {
    const [user] = await createUsers(db.prisma, 1, { prefix: "pages-devices" });
    const owner = await new ApiClient(api).signIn(user.email, TEST_PASSWORD);
    const hour = 3_600_000;
    for (let index = 0; index < 7; index++) {
      const { data } = newSessionRow(user.id, { ip: `10.0.0.${index}`, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" }, new Date(Date.now() - (index + 1) * hour));
      await db.prisma.userSession.create({ data });
    }
    const page = await pages.html("/profile", owner.cookie);
    expect(page.status).toBe(200);
    const [shown, folded] = page.text.split('<details class="session-list__more">');
    expect(shown.match(/class="session-list__item"/g)).toHaveLength(5);
    expect(shown).toContain("Это устройство");
    expect(folded).toContain("Ещё 3 устройства");
    expect(folded.match(/class="session-list__item"/g)).toHaveLength(3);
  });
});

describe("dashboard", () => {
  it("says under every headline figure what it counts and over which period", async () => {
    const page = await pages.html("/manage/dashboard", manager.cookie);
    expect(page.status).toBe(200);
    const figures = [...page.text.matchAll(/<div class="dash-figure" data-figure="(\w+)"[^>]*>(.*?)<\/div>/g)];
    expect(figures.map(([, key]) => key)).toEqual(["activeVoters", "votesThisWeek", "topicsOpen", "seatsBooked", "demandServed"]);
    for (const [, key, inner] of figures) expect(inner, key).toMatch(/<dd class="dash-figure__note">[^<]{10,}<\/dd>/);
    expect(page.text).toContain("с понедельника, 00:00 МСК");
    expect(page.text).toContain("подтверждённые места на предстоящих занятиях, без листа ожидания");
    expect(page.text).toContain("за всё время, включая прошедшие");
  });
});

describe("planning review", () => {
  it("names the session an edit would clash with and writes its date out; trainers who teach the topic come first", async () => {
    const world = await createWorld(db.prisma);
    const { run, s1, s2 } = await world.createRun();
    const boss = await new ApiClient(api).signIn(world.bossA.email, TEST_PASSWORD);
    const path = `/manage/planning/${encodeURIComponent(globalId("PlanningRun", run.id))}`;

    // S2 onto S1's trainer and hour: the trainer already teaches S1 then.
    const refused = await pages.submit(
      `${path}?edit=${encodeURIComponent(globalId("ProposedSession", s2.id))}`,
      { intent: "update", id: globalId("ProposedSession", s2.id), version: "0", date: "2027-03-02", start: "09:00", trainerId: globalId("Trainer", world.t1.id), roomId: globalId("Room", world.r2.id) },
      boss.cookie,
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Тренер в это время ведёт «Работа с конфликтами»: вт, 2 марта, 09:00–11:00.");
    expect(refused.text).toContain("Выберите другую дату, время, тренера или аудиторию.");
    expect(refused.text).not.toContain("2027-03-02 09:00");

    const form = await pages.html(`${path}?edit=${encodeURIComponent(globalId("ProposedSession", s1.id))}`, boss.cookie);
    const qualified = /<optgroup label="Ведут эту тему">(.*?)<\/optgroup>/.exec(form.text)?.[1] ?? "";
    const others = /<optgroup label="Не ведут эту тему">(.*?)<\/optgroup>/.exec(form.text)?.[1] ?? "";
    expect(qualified).toContain("Иванова Анна");
    expect(qualified).toContain("Петров Олег");
    expect(others).toContain("Сидорова Мария");
    expect(qualified).not.toContain("Сидорова Мария");
  });
});

describe("error pages", () => {
  it("name themselves in the tab: an unknown address and an unknown session are 404s titled so", async () => {
    for (const path of ["/nonsense-page", "/sessions/nonsense"]) {
      const page = await pages.html(path, voter.cookie);
      expect(page.status, path).toBe(404);
      expect(page.text, path).toContain("<title>Страница не найдена · Спрос</title>");
    }
  });
});
