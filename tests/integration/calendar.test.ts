import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCalendar } from "../../domain/booking-calendar";
import { toCsv, UTF8_BOM } from "../../domain/booking-schedule-csv";
import { dateKey } from "../../domain/centre-time";
import { createServerServices } from "../../graphql/services";
import { createSprosYoga } from "../../graphql/yoga";
import { createHttpApp } from "../../server/http-app";
import { startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createUsers } from "./helpers/users";
import { BOOK, clientFor, createPlace, createSession, createTopic, globalId } from "./bookings-helpers";

let db: TestDatabase;
let api: ApiServer;
let web: http.Server;
let webUrl: string;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApiServer(db);
  // The real express app (feed route included); Remix is never reached by these requests.
  const yoga = createSprosYoga(createServerServices(db));
  web = http.createServer(createHttpApp({ ready: true, yoga }, process.cwd()));
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});

afterAll(async () => {
  web?.closeAllConnections();
  await new Promise((resolve) => web?.close(resolve));
  await api?.close();
  await db?.drop();
});

const FEED = `mutation { resetCalendarFeed { calendarFeedUrl } }`;

describe("personal calendar feed", () => {
  it("lists the owner's active bookings, changes address on reset, and 404s an unknown token", async () => {
    const [owner, other] = await createUsers(db.prisma, 2, { prefix: "cal" });
    const place = await createPlace(db.prisma);
    const topic = await createTopic(db.prisma, "Работа с жалобами; «сложные» случаи");
    const online = await createTopic(db.prisma, "Вебинар по ЕПГУ", "WEBINAR");
    const inPerson = await createSession(db.prisma, { topicId: topic.id, place });
    const remote = await createSession(db.prisma, { topicId: online.id, place, online: true });
    const notMine = await createSession(db.prisma, { topicId: online.id, place });
    const client = await clientFor(api, owner.id);
    await client.request(BOOK, { id: globalId("TrainingSession", inPerson.id) });
    await client.request(BOOK, { id: globalId("TrainingSession", remote.id) });
    await (await clientFor(api, other.id)).request(BOOK, { id: globalId("TrainingSession", notMine.id) });

    expect((await client.request(`{ me { calendarFeedUrl } }`)).data.me.calendarFeedUrl).toBeNull();
    const url = (await client.request(FEED)).data.resetCalendarFeed.calendarFeedUrl as string;
    expect(url).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const response = await fetch(webUrl + url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    const body = await response.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    const unfolded = body.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain("SUMMARY:Работа с жалобами\\; «сложные» случаи");
    expect(unfolded).toContain("LOCATION:Онлайн");
    expect(unfolded).toContain(`LOCATION:Площадка ${(await db.prisma.site.findUniqueOrThrow({ where: { id: place.siteId } })).code}\\, Аудитория «1»`);
    expect(unfolded).toContain(`DTSTART:${inPerson.startsAt.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`);
    expect(unfolded).not.toContain("Вебинар по ЕПГУ\r\nLOCATION:Площадка"); // the other user's booking is not in it

    const again = (await client.request(FEED)).data.resetCalendarFeed.calendarFeedUrl as string;
    expect(again).not.toBe(url);
    expect((await fetch(webUrl + url)).status).toBe(404);
    expect((await fetch(webUrl + again)).status).toBe(200);
    expect((await fetch(`${webUrl}/calendar/${"x".repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${webUrl}/calendar/short.ics`)).status).toBe(404);
  });

  it("renders one event per booking with UTC times, summary and location", () => {
    const ics = renderCalendar(
      [
        {
          bookingId: "b1",
          title: "Тема",
          siteName: "ВДНХ",
          siteAddress: null,
          roomName: "Зал 2",
          startsAt: new Date("2026-12-01T07:00:00Z"),
          endsAt: new Date("2026-12-01T09:00:00Z"),
          waitlisted: true,
        },
      ],
      { online: "Онлайн", waitlisted: "лист ожидания", calendarName: "Спрос" },
    );
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain("DTSTART:20261201T070000Z");
    expect(ics).toContain("DTEND:20261201T090000Z");
    expect(ics).toContain("SUMMARY:Тема (лист ожидания)");
    expect(ics).toContain("LOCATION:ВДНХ\\, Зал 2");
    expect(ics).toContain("STATUS:TENTATIVE");
    expect(ics).toContain("UID:booking-b1@spros");
  });
});

describe("booking calendar entry", () => {
  it("answers the owner only", async () => {
    const [owner, other] = await createUsers(db.prisma, 2, { prefix: "ics" });
    const topic = await createTopic(db.prisma, "Файл календаря");
    const session = await createSession(db.prisma, { topicId: topic.id, place: await createPlace(db.prisma) });
    const client = await clientFor(api, owner.id);
    const booked = (await client.request(BOOK, { id: globalId("TrainingSession", session.id) })).data.bookSession.data;
    const query = `query($id: ID!) { booking(id: $id) { calendarEntry { title roomName startsAt waitlisted } } }`;
    expect((await client.request(query, { id: booked.id })).data.booking.calendarEntry).toEqual({
      title: "Файл календаря",
      roomName: "Аудитория «1»",
      startsAt: session.startsAt.toISOString(),
      waitlisted: false,
    });
    expect((await (await clientFor(api, other.id)).request(query, { id: booked.id })).data.booking).toBeNull();
  });
});

describe("schedule export", () => {
  it("is for managers, covers the date range, and the CSV quotes fields and starts with a BOM", async () => {
    const [staff] = await createUsers(db.prisma, 1, { prefix: "csvstaff" });
    const [manager] = await createUsers(db.prisma, 1, { prefix: "csvboss", role: "MANAGER" });
    const topic = await createTopic(db.prisma, "Экспорт, \"кавычки\"");
    const session = await createSession(db.prisma, { topicId: topic.id, place: await createPlace(db.prisma) });
    const day = dateKey(session.date);
    const query = `query($from: String!, $to: String!) { scheduleExport(from: $from, to: $to) { id date topic { title } } }`;
    const refused = await (await clientFor(api, staff.id)).request(query, { from: day, to: day });
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const boss = await clientFor(api, manager.id);
    const rows = (await boss.request(query, { from: day, to: day })).data.scheduleExport;
    expect(rows.map((row: any) => row.id)).toContain(globalId("TrainingSession", session.id));
    expect(rows.every((row: any) => row.date === day)).toBe(true);
    expect((await boss.request(query, { from: "2026-01-01", to: "2028-01-01" })).errors).toBeDefined();
    expect((await boss.request(query, { from: "2026-02-30", to: "2026-03-01" })).errors).toBeDefined();

    const csv = toCsv(["Тема", "Мест"], [[rows.find((row: any) => row.id === globalId("TrainingSession", session.id)).topic.title, 20], ["=HYPERLINK(1)", null], ["две\nстроки", 1]]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Тема,Мест\r\n"Экспорт, ""кавычки""",20\r\n\'=HYPERLINK(1),\r\n"две\nстроки",1\r\n');
  });
});
