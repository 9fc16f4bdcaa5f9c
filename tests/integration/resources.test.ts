import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centreInstant, fromDateKey } from "../../domain/centre-time";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

// Sites, rooms and the closed-day calendar: happy paths, every validation rule, the conflicts, and
// who may do what.
let db: TestDatabase;
let server: ApiServer;
let manager: ApiClient;
let admin: ApiClient;
let staff: ApiClient;
let trainerUser: ApiClient;
let anonymous: ApiClient;
let topicId: string;
let trainerId: string;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const rawId = (global: string) => Buffer.from(global, "base64").toString().split(":")[1];
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function insertSession(row: { roomId?: string; siteId?: string; date: string; status?: "SCHEDULED" | "CANCELLED" }) {
  const date = fromDateKey(row.date);
  return db.prisma.trainingSession.create({
    data: {
      topicId, trainerId, siteId: row.siteId ?? null, roomId: row.roomId ?? null, date, startMinute: 600, endMinute: 720,
      startsAt: centreInstant(date, 600), endsAt: centreInstant(date, 720), capacity: 12,
      votersOnlyUntil: centreInstant(date, 0), status: row.status ?? "SCHEDULED",
    },
  });
}

const SITE_FIELDS = "id code name address opensMinute closesMinute rooms { name capacity } closedDates { date reason }";
const CREATE_SITE = `mutation($input: SiteInput!) { createSite(input: $input) { __typename
  ... on MutationCreateSiteSuccess { data { ${SITE_FIELDS} } } ... on ValidationError { fieldErrors { path message } } } }`;
const UPDATE_SITE = `mutation($siteId: ID!, $input: SiteInput!) { updateSite(siteId: $siteId, input: $input) { __typename
  ... on MutationUpdateSiteSuccess { data { ${SITE_FIELDS} } } ... on ValidationError { fieldErrors { path message } } ... on Error { message } } }`;
const CREATE_ROOM = `mutation($siteId: ID!, $input: RoomInput!) { createRoom(siteId: $siteId, input: $input) { __typename
  ... on MutationCreateRoomSuccess { data { id name capacity upcomingSessionCount site { code } } } ... on ValidationError { fieldErrors { path message } } } }`;
const UPDATE_ROOM = `mutation($roomId: ID!, $input: RoomInput!) { updateRoom(roomId: $roomId, input: $input) { __typename
  ... on MutationUpdateRoomSuccess { data { id name capacity } } ... on ValidationError { fieldErrors { path message } } ... on Error { message } } }`;
const DELETE_ROOM = `mutation($roomId: ID!) { deleteRoom(roomId: $roomId) { __typename
  ... on MutationDeleteRoomSuccess { data { deletedRoomId site { rooms { name } } } } ... on ResourceConflictError { code message } ... on Error { message } } }`;
const ADD_CLOSED = `mutation($input: ClosedDateInput!) { addClosedDate(input: $input) { __typename
  ... on MutationAddClosedDateSuccess { data { id date reason site { code } } } ... on ValidationError { fieldErrors { path message } }
  ... on ResourceConflictError { code message } } }`;
const REMOVE_CLOSED = `mutation($id: ID!) { removeClosedDate(closedDateId: $id) { __typename
  ... on MutationRemoveClosedDateSuccess { data { removedClosedDateId } } ... on Error { message } } }`;

const site = (overrides: Record<string, unknown> = {}) => ({ code: "strogino", name: "Строгино", address: "ул. Твардовского, 1", opensMinute: 480, closesMinute: 1200, ...overrides });

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  const [m] = await createUsers(db.prisma, 1, { role: "MANAGER", prefix: "res-manager" });
  const [a] = await createUsers(db.prisma, 1, { role: "ADMIN", prefix: "res-admin" });
  const [s] = await createUsers(db.prisma, 1, { role: "STAFF", prefix: "res-staff" });
  const [t] = await createUsers(db.prisma, 1, { role: "TRAINER", prefix: "res-trainer" });
  topicId = (await createTopics(db.prisma, s.id, ["Тема для сессий"]))[0].id;
  trainerId = (await db.prisma.trainer.create({ data: { name: "Анна Тренерова", userId: t.id } })).id;
  manager = await new ApiClient(server).signIn(m.email, TEST_PASSWORD);
  admin = await new ApiClient(server).signIn(a.email, TEST_PASSWORD);
  staff = await new ApiClient(server).signIn(s.email, TEST_PASSWORD);
  trainerUser = await new ApiClient(server).signIn(t.email, TEST_PASSWORD);
  anonymous = new ApiClient(server);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe("sites", () => {
  let siteId: string;

  it("creates a site (code trimmed and lower-cased) and lists it with rooms and closed dates", async () => {
    const result = await manager.request(CREATE_SITE, { input: site({ code: "  Strogino " }) });
    expect(result.data.createSite).toMatchObject({
      __typename: "MutationCreateSiteSuccess",
      data: { code: "strogino", name: "Строгино", opensMinute: 480, closesMinute: 1200, rooms: [], closedDates: [] },
    });
    siteId = result.data.createSite.data.id;
    const listed = await manager.request("{ sites { code rooms { name } } }");
    expect(listed.data.sites).toEqual([{ code: "strogino", rooms: [] }]);
  });

  it("updates a site, keeping its own code", async () => {
    const result = await admin.request(UPDATE_SITE, { siteId, input: site({ name: "Строгино (учебный центр)", opensMinute: 540, closesMinute: 1230 }) });
    expect(result.data.updateSite.data).toMatchObject({ name: "Строгино (учебный центр)", opensMinute: 540, closesMinute: 1230 });
  });

  it.each([
    ["code", { code: "Стр" }, /latin letters/],
    ["code", { code: "a" }, /at least 2/],
    ["code", { code: "bad--code" }, /single hyphens/],
    ["name", { name: " " }, /at least 2/],
    ["address", { address: "x".repeat(301) }, /at most 300/],
    ["opensMinute", { opensMinute: 485 }, /multiple of 30/],
    ["opensMinute", { opensMinute: -30 }, /between 00:00/],
    ["closesMinute", { closesMinute: 1470 }, /between 00:00/],
    ["closesMinute", { opensMinute: 1200, closesMinute: 480 }, /after the opening time \(20:00\)/],
    ["closesMinute", { opensMinute: 600, closesMinute: 600 }, /after the opening time/],
  ])("refuses a bad %s (%j) and writes nothing", async (field, overrides, message) => {
    const result = await manager.request(CREATE_SITE, { input: site({ code: "new-site", ...overrides }) });
    expect(result.data.createSite.__typename).toBe("ValidationError");
    expect(result.data.createSite.fieldErrors).toContainEqual({ path: ["input", field], message: expect.stringMatching(message) });
    expect(await db.prisma.site.count()).toBe(1);
  });

  it("refuses a code another site uses, on create and on update", async () => {
    const created = await manager.request(CREATE_SITE, { input: site({ code: "STROGINO" }) });
    expect(created.data.createSite.fieldErrors).toEqual([{ path: ["input", "code"], message: expect.stringContaining("already used by the site «Строгино (учебный центр)»") }]);
    const other = await manager.request(CREATE_SITE, { input: site({ code: "vdnkh", name: "ВДНХ" }) });
    const updated = await manager.request(UPDATE_SITE, { siteId: other.data.createSite.data.id, input: site({ code: "strogino", name: "ВДНХ" }) });
    expect(updated.data.updateSite.__typename).toBe("ValidationError");
    expect((await db.prisma.site.findUniqueOrThrow({ where: { id: rawId(other.data.createSite.data.id) } })).code).toBe("vdnkh");
  });

  it("answers NotFoundError for an unknown site", async () => {
    const result = await manager.request(UPDATE_SITE, { siteId: globalId("Site", "nope"), input: site({ code: "nope" }) });
    expect(result.data.updateSite).toMatchObject({ __typename: "NotFoundError" });
  });

  it("reads one site by id", async () => {
    const result = await staff.request("query($id: ID!) { site(id: $id) { code } }", { id: siteId });
    expect(result.data.site).toEqual({ code: "strogino" });
  });
});

describe("rooms", () => {
  let siteId: string;
  let roomId: string;

  beforeAll(async () => {
    siteId = globalId("Site", (await db.prisma.site.findUniqueOrThrow({ where: { code: "strogino" } })).id);
  });

  it("creates rooms and lists them by name", async () => {
    const result = await manager.request(CREATE_ROOM, { siteId, input: { name: " Аудитория 2 ", capacity: 24 } });
    expect(result.data.createRoom).toMatchObject({ __typename: "MutationCreateRoomSuccess", data: { name: "Аудитория 2", capacity: 24, upcomingSessionCount: 0, site: { code: "strogino" } } });
    roomId = result.data.createRoom.data.id;
    await manager.request(CREATE_ROOM, { siteId, input: { name: "Аудитория 1", capacity: 500 } });
    const listed = await manager.request("query($id: ID!) { site(id: $id) { rooms { name capacity } } }", { id: siteId });
    expect(listed.data.site.rooms).toEqual([{ name: "Аудитория 1", capacity: 500 }, { name: "Аудитория 2", capacity: 24 }]);
  });

  it.each([
    ["capacity", { name: "Зал", capacity: 0 }, /between 1 and 500/],
    ["capacity", { name: "Зал", capacity: 501 }, /between 1 and 500/],
    ["name", { name: "  ", capacity: 10 }, /must not be empty/],
    ["name", { name: "аудитория 1", capacity: 10 }, /already exists at this site/],
  ])("refuses a bad %s (%j)", async (field, input, message) => {
    const result = await manager.request(CREATE_ROOM, { siteId, input });
    expect(result.data.createRoom.fieldErrors).toContainEqual({ path: ["input", field], message: expect.stringMatching(message) });
    expect(await db.prisma.room.count()).toBe(2);
  });

  it("names an unknown site as the siteId argument", async () => {
    const result = await manager.request(CREATE_ROOM, { siteId: globalId("Topic", topicId), input: { name: "Зал", capacity: 10 } });
    expect(result.data.createRoom.fieldErrors).toEqual([{ path: ["siteId"], message: "unknown site" }]);
  });

  it("updates capacity and name; refuses a name another room of the site has", async () => {
    const updated = await manager.request(UPDATE_ROOM, { roomId, input: { name: "Аудитория 2А", capacity: 30 } });
    expect(updated.data.updateRoom.data).toMatchObject({ name: "Аудитория 2А", capacity: 30 });
    const clash = await manager.request(UPDATE_ROOM, { roomId, input: { name: "Аудитория 1", capacity: 30 } });
    expect(clash.data.updateRoom.fieldErrors).toEqual([{ path: ["input", "name"], message: expect.stringContaining("already exists") }]);
    const missing = await manager.request(UPDATE_ROOM, { roomId: globalId("Room", "nope"), input: { name: "X", capacity: 3 } });
    expect(missing.data.updateRoom.__typename).toBe("NotFoundError");
  });

  it("refuses to delete a room with an upcoming session, then with only past ones; deletes an unused room", async () => {
    const session = await insertSession({ roomId: rawId(roomId), siteId: rawId(siteId), date: dayFromToday(3) });
    const upcoming = await manager.request(DELETE_ROOM, { roomId });
    expect(upcoming.data.deleteRoom).toEqual({
      __typename: "ResourceConflictError",
      code: "ROOM_HAS_UPCOMING_SESSIONS",
      message: expect.stringContaining("1 upcoming session"),
    });
    const counted = await manager.request("query($id: ID!) { site(id: $id) { rooms { name upcomingSessionCount } } }", { id: siteId });
    expect(counted.data.site.rooms).toContainEqual({ name: "Аудитория 2А", upcomingSessionCount: 1 });

    await db.prisma.trainingSession.update({ where: { id: session.id }, data: { date: fromDateKey(dayFromToday(-3)), endsAt: new Date(Date.now() - 3 * 86_400_000) } });
    const past = await manager.request(DELETE_ROOM, { roomId });
    expect(past.data.deleteRoom).toMatchObject({ __typename: "ResourceConflictError", code: "ROOM_HAS_PAST_SESSIONS" });
    expect(await db.prisma.room.count({ where: { id: rawId(roomId) } })).toBe(1);

    const unused = await db.prisma.room.findFirstOrThrow({ where: { name: "Аудитория 1" } });
    const deleted = await admin.request(DELETE_ROOM, { roomId: globalId("Room", unused.id) });
    expect(deleted.data.deleteRoom.data).toEqual({ deletedRoomId: globalId("Room", unused.id), site: { rooms: [{ name: "Аудитория 2А" }] } });
    const again = await admin.request(DELETE_ROOM, { roomId: globalId("Room", unused.id) });
    expect(again.data.deleteRoom.__typename).toBe("NotFoundError");
  });
});

describe("closed dates", () => {
  let siteId: string;

  beforeAll(async () => {
    siteId = globalId("Site", (await db.prisma.site.findUniqueOrThrow({ where: { code: "vdnkh" } })).id);
  });

  it("closes the whole centre and one site, lists them by date, and reopens", async () => {
    const whole = await manager.request(ADD_CLOSED, { input: { date: "2027-01-01", reason: "Новый год" } });
    expect(whole.data.addClosedDate).toMatchObject({ __typename: "MutationAddClosedDateSuccess", data: { date: "2027-01-01", reason: "Новый год", site: null } });
    const one = await manager.request(ADD_CLOSED, { input: { siteId, date: "2026-12-30", reason: "Санитарный день" } });
    expect(one.data.addClosedDate.data).toMatchObject({ date: "2026-12-30", site: { code: "vdnkh" } });

    const listed = await staff.request(`{ closedDates(from: "2026-12-01", to: "2027-01-31") { date site { code } } }`);
    expect(listed.data.closedDates).toEqual([{ date: "2026-12-30", site: { code: "vdnkh" } }, { date: "2027-01-01", site: null }]);
    const bySite = await manager.request("query($id: ID!) { site(id: $id) { closedDates { date reason } } }", { id: siteId });
    expect(bySite.data.site.closedDates).toEqual([{ date: "2026-12-30", reason: "Санитарный день" }]);

    const removed = await manager.request(REMOVE_CLOSED, { id: one.data.addClosedDate.data.id });
    expect(removed.data.removeClosedDate.data).toEqual({ removedClosedDateId: one.data.addClosedDate.data.id });
    expect((await manager.request(REMOVE_CLOSED, { id: one.data.addClosedDate.data.id })).data.removeClosedDate.__typename).toBe("NotFoundError");
  });

  it.each([
    ["date", { date: "2026-02-30", reason: "x" }, /calendar date/],
    ["date", { date: "30.12.2026", reason: "x" }, /calendar date/],
    ["reason", { date: "2026-12-29", reason: "  " }, /must not be empty/],
    ["reason", { date: "2026-12-29", reason: "x".repeat(201) }, /at most 200/],
    ["date", { date: "2027-01-01", reason: "Дубль" }, /whole centre is already closed/],
    ["siteId", { siteId: globalId("Site", "nope"), date: "2026-12-29", reason: "x" }, /unknown site/],
  ])("refuses a bad %s (%j)", async (field, input, message) => {
    const before = await db.prisma.closedDate.count();
    const result = await manager.request(ADD_CLOSED, { input });
    expect(result.data.addClosedDate.fieldErrors).toContainEqual({ path: ["input", field], message: expect.stringMatching(message) });
    expect(await db.prisma.closedDate.count()).toBe(before);
  });

  it("refuses closing a site on a day with a scheduled session there, but not a cancelled one", async () => {
    await insertSession({ siteId: rawId(siteId), date: "2027-02-10" });
    await insertSession({ siteId: rawId(siteId), date: "2027-02-11", status: "CANCELLED" });
    const busy = await manager.request(ADD_CLOSED, { input: { siteId, date: "2027-02-10", reason: "Ремонт" } });
    expect(busy.data.addClosedDate).toMatchObject({ __typename: "ResourceConflictError", code: "SESSIONS_ON_CLOSED_DATE" });
    const wholeBusy = await manager.request(ADD_CLOSED, { input: { date: "2027-02-10", reason: "Ремонт" } });
    expect(wholeBusy.data.addClosedDate.code).toBe("SESSIONS_ON_CLOSED_DATE");
    const free = await manager.request(ADD_CLOSED, { input: { siteId, date: "2027-02-11", reason: "Ремонт" } });
    expect(free.data.addClosedDate.__typename).toBe("MutationAddClosedDateSuccess");
  });

  it("refuses a bad date filter", async () => {
    const result = await staff.request(`{ closedDates(from: "2026-13-01") { date } }`);
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringContaining("from must be a calendar date"), extensions: { code: "BAD_USER_INPUT" } });
  });
});

describe("authorisation", () => {
  const writes: Array<[string, string, () => Record<string, unknown>]> = [
    ["createSite", CREATE_SITE, () => ({ input: site({ code: "auth-site" }) })],
    ["updateSite", UPDATE_SITE, () => ({ siteId: globalId("Site", "x"), input: site() })],
    ["createRoom", CREATE_ROOM, () => ({ siteId: globalId("Site", "x"), input: { name: "Зал", capacity: 0 } })],
    ["updateRoom", UPDATE_ROOM, () => ({ roomId: globalId("Room", "x"), input: { name: "Зал", capacity: 5 } })],
    ["deleteRoom", DELETE_ROOM, () => ({ roomId: globalId("Room", "x") })],
    ["addClosedDate", ADD_CLOSED, () => ({ input: { date: "bad", reason: "" } })],
    ["removeClosedDate", REMOVE_CLOSED, () => ({ id: globalId("ClosedDate", "x") })],
  ];

  it.each(writes)("%s: staff and trainers get FORBIDDEN, anonymous UNAUTHENTICATED, and nothing changes", async (_name, query, variables) => {
    const before = await Promise.all([db.prisma.site.count(), db.prisma.room.count(), db.prisma.closedDate.count()]);
    for (const [client, code] of [[staff, "FORBIDDEN"], [trainerUser, "FORBIDDEN"], [anonymous, "UNAUTHENTICATED"]] as const) {
      const result = await client.request(query, variables());
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.data).toBeNull();
    }
    expect(await Promise.all([db.prisma.site.count(), db.prisma.room.count(), db.prisma.closedDate.count()])).toEqual(before);
  });

  it("managers and admins reach every write (typed answers, not authorisation errors)", async () => {
    for (const client of [manager, admin]) {
      for (const [name, query, variables] of writes) {
        const result = await client.request(query, variables());
        expect(result.errors).toBeUndefined();
        expect(result.data[name].__typename).toBeTruthy();
      }
    }
  });

  it("rooms are for managers; staff still read sites and closed dates", async () => {
    const asStaff = await staff.request("{ sites { code closedDates { date } rooms { name } } }");
    expect(asStaff.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(asStaff.data.sites.every((one: any) => one.rooms === null && Array.isArray(one.closedDates))).toBe(true);
    expect((await staff.request("{ sites { code name opensMinute } }")).errors).toBeUndefined();
    expect((await anonymous.request("{ sites { code } }")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
