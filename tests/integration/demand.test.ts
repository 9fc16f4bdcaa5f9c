import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemandEntries } from "../../domain/demand-loader";
import type { Demand } from "../../scheduler/types";
import { validateInstance } from "../../scheduler/validate";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

let db: TestDatabase;
let server: ApiServer;
let client: ApiClient;
let users: Awaited<ReturnType<typeof createUsers>>;
let webinar: { id: string };
let training: { id: string };

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
type Strength = "PREFERRED" | "IF_NEED_BE";
const w = (weekday: number, startHour: number, endHour: number, strength: Strength = "PREFERRED") => ({
  weekday,
  startMinute: startHour * 60,
  endMinute: endHour * 60,
  strength,
});

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  users = await createUsers(db.prisma, 5, { prefix: "demand" });
  [webinar, training] = await createTopics(db.prisma, users[4].id, ["Вебинар о цифровых сервисах", "Тренинг по работе с возражениями"]);
  const [strogino, vdnkh] = await Promise.all(
    ["strogino", "vdnkh"].map((code) => db.prisma.site.create({ data: { code, name: code, address: code } })),
  );
  const [a, b, c, d] = users;
  const prefs: Array<[{ id: string }, ReturnType<typeof w>[], string[]]> = [
    [a, [w(2, 8, 12), w(2, 12, 14, "IF_NEED_BE")], [strogino.id]],
    [b, [w(2, 10, 12, "IF_NEED_BE"), w(4, 14, 16)], [vdnkh.id, strogino.id]],
    [c, [], []],
    [d, [w(1, 8, 10)], [strogino.id]],
  ];
  for (const [user, windows, siteIds] of prefs) {
    await db.prisma.userAvailability.createMany({ data: windows.map((window) => ({ userId: user.id, ...window })) });
    await db.prisma.userSitePreference.createMany({ data: siteIds.map((siteId) => ({ userId: user.id, siteId })) });
  }
  const vote = async (user: { id: string }, topic: { id: string }, narrowing: ReturnType<typeof w>[] = []) => {
    await db.prisma.vote.create({ data: { userId: user.id, topicId: topic.id, windows: { create: narrowing } } });
    await db.prisma.topic.update({ where: { id: topic.id }, data: { voteCount: { increment: 1 } } });
  };
  await vote(a, training);
  await vote(b, training, [w(2, 8, 20)]); // preferred narrowing over if-need-be time stays if-need-be
  await vote(c, training);
  await vote(d, training, [w(5, 8, 20)]); // narrowed to a day they are never free
  await vote(a, webinar);
  client = await new ApiClient(server).signIn(users[4].email, TEST_PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const HEATMAP = /* GraphQL */ `
  query($id: ID!) { topic(id: $id) { votersWithoutAvailability demandHeatmap { weekday startMinute endMinute preferred ifNeedBe } } }
`;

describe("topic demand heat map", () => {
  it("counts every voter's effective availability per 30-minute cell", async () => {
    const result = await client.request(HEATMAP, { id: globalId("Topic", training.id) });
    const { demandHeatmap: cells, votersWithoutAvailability } = result.data.topic;
    expect(cells).toHaveLength(7 * 24);
    expect(cells[0]).toEqual({ weekday: 1, startMinute: 480, endMinute: 510, preferred: 0, ifNeedBe: 0 });
    expect(cells.at(-1)).toMatchObject({ weekday: 7, startMinute: 1170, endMinute: 1200 });
    const at = (weekday: number, hour: number, minute = 0) =>
      cells.find((cell: any) => cell.weekday === weekday && cell.startMinute === hour * 60 + minute);
    expect(at(2, 8)).toMatchObject({ preferred: 1, ifNeedBe: 0 }); // a
    expect(at(2, 11, 30)).toMatchObject({ preferred: 1, ifNeedBe: 1 }); // a + b (narrowed, weaker wins)
    expect(at(2, 13, 30)).toMatchObject({ preferred: 0, ifNeedBe: 1 }); // a, if need be
    expect(at(2, 14)).toMatchObject({ preferred: 0, ifNeedBe: 0 });
    expect(at(4, 14)).toMatchObject({ preferred: 0, ifNeedBe: 0 }); // b narrowed Thursday away
    expect(at(1, 8)).toMatchObject({ preferred: 0, ifNeedBe: 0 }); // d narrowed everything away
    const total = cells.reduce((sum: number, cell: any) => sum + cell.preferred + cell.ifNeedBe, 0);
    expect(total).toBe(12 + 4); // a: 6 h on Tuesday; b: 2 h
    expect(votersWithoutAvailability).toBe(2); // c (none) and d (narrowed to nothing)
  });

  it("is all zeros for a topic without votes", async () => {
    const [fresh] = await createTopics(db.prisma, users[4].id, ["Тема без голосов"]);
    const result = await client.request(HEATMAP, { id: globalId("Topic", fresh.id) });
    expect(result.data.topic.votersWithoutAvailability).toBe(0);
    expect(result.data.topic.demandHeatmap.every((cell: any) => cell.preferred + cell.ifNeedBe === 0)).toBe(true);
  });
});

describe("buildDemandEntries", () => {
  it("emits one contract entry per vote: intersected, maximal windows, sites only in person", async () => {
    const entries = await buildDemandEntries(db.prisma, { topicIds: [training.id, webinar.id, training.id] });
    const [a, b, c, d] = users.map((user) => user.id);
    const aWindows = [
      { weekday: 2, from: "08:00", to: "12:00", strength: "preferred" },
      { weekday: 2, from: "08:00", to: "14:00", strength: "ifNeedBe" },
    ];
    const expected = [
      { personId: a, topicId: training.id, sites: ["strogino"], windows: aWindows },
      { personId: b, topicId: training.id, sites: ["strogino", "vdnkh"], windows: [{ weekday: 2, from: "10:00", to: "12:00", strength: "ifNeedBe" }] },
      { personId: c, topicId: training.id, sites: [], windows: [] },
      { personId: d, topicId: training.id, sites: ["strogino"], windows: [] },
      { personId: a, topicId: webinar.id, sites: [], windows: aWindows },
    ];
    const key = (entry: { topicId: string; personId: string }) => `${entry.topicId}/${entry.personId}`;
    expect(entries).toEqual([...expected].sort((x, y) => (key(x) < key(y) ? -1 : 1)));
    expect(await buildDemandEntries(db.prisma, { topicIds: [] })).toEqual([]);
  });

  it("is accepted by the scheduler's own instance validator", async () => {
    const demand: Demand[] = await buildDemandEntries(db.prisma, { topicIds: [training.id, webinar.id] });
    const topic = (id: string, online: boolean) => ({ id, durationMinutes: 120, online, minParticipants: 1, maxParticipants: 10 });
    const instance = {
      version: 1,
      timezone: "Europe/Moscow",
      horizon: { start: "2026-12-07", days: 14 },
      slotMinutes: 30,
      sites: ["strogino", "vdnkh"].map((id) => ({ id, opens: "08:00", closes: "20:00", rooms: [{ id: `${id}-1`, capacity: 10 }] })),
      trainers: [{ id: "t1", topics: [training.id, webinar.id], sites: ["strogino"], availability: [{ weekday: 2, from: "08:00", to: "20:00" }], maxHoursPerWeek: 30 }],
      topics: [topic(training.id, false), topic(webinar.id, true)],
      demand,
    };
    const result = validateInstance(instance);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
