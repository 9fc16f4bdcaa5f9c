import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centreInstant, fromDateKey } from "../../domain/centre-time";
import { PrismaClient } from "../../prisma/generated/client";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { createTopics, createUsers, TEST_PASSWORD } from "./helpers/users";

// Trainers: topics, sites, weekly availability, days off; validation, authorisation, and one
// bounded set of statements for the whole list (every SQL statement counted through Prisma's log).
let db: TestDatabase;
let logged: PrismaClient<"query">;
let statements: string[] = [];
let server: ApiServer;
let manager: ApiClient;
let admin: ApiClient;
let staff: ApiClient;
let trainerUser: ApiClient;
let anonymous: ApiClient;
let topicIds: string[];
let siteIds: string[];
let trainerId: string;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const rawId = (global: string) => Buffer.from(global, "base64").toString().split(":")[1];

const TRAINER_FIELDS = "id name maxHoursPerWeek topics { title } sites { code } availability { weekday startMinute endMinute } daysOff { date reason } user { name }";
const CREATE = `mutation($input: TrainerInput!) { createTrainer(input: $input) { __typename
  ... on MutationCreateTrainerSuccess { data { ${TRAINER_FIELDS} } } ... on ValidationError { fieldErrors { path message } } } }`;
const UPDATE = `mutation($id: ID!, $input: TrainerInput!) { updateTrainer(trainerId: $id, input: $input) { __typename
  ... on MutationUpdateTrainerSuccess { data { ${TRAINER_FIELDS} } } ... on ValidationError { fieldErrors { path message } } ... on Error { message } } }`;
const DAYS_OFF = `mutation($id: ID!, $daysOff: [TrainerDayOffInput!]!) { setTrainerDaysOff(trainerId: $id, daysOff: $daysOff) { __typename
  ... on MutationSetTrainerDaysOffSuccess { data { daysOff { date reason } } } ... on ValidationError { fieldErrors { path message } } ... on Error { message } } }`;
const LIST = `{ trainers { id name maxHoursPerWeek topics { id title } sites { code name } availability { weekday startMinute endMinute } daysOff { date } } }`;

const win = (weekday: number, startMinute: number, endMinute: number) => ({ weekday, startMinute, endMinute });
const trainer = (overrides: Record<string, unknown> = {}) => ({
  name: "Борис Наставников",
  maxHoursPerWeek: 24,
  topicIds: [topicIds[1], topicIds[0]],
  siteIds: [siteIds[0]],
  availability: [win(2, 600, 720), win(1, 480, 600), win(1, 600, 660)],
  ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase();
  logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }), log: [{ emit: "event" as const, level: "query" as const }] });
  logged.$on("query", (event) => statements.push(event.query));
  server = await startApiServer({ prisma: logged, sql: db.sql }, { viewerCache: { ttlMs: 0 } });
  const [m] = await createUsers(db.prisma, 1, { role: "MANAGER", prefix: "trn-manager" });
  const [a] = await createUsers(db.prisma, 1, { role: "ADMIN", prefix: "trn-admin" });
  const [s] = await createUsers(db.prisma, 1, { role: "STAFF", prefix: "trn-staff" });
  const [t] = await createUsers(db.prisma, 1, { role: "TRAINER", prefix: "trn-trainer" });
  topicIds = (await createTopics(db.prisma, s.id, ["Работа с жалобами", "Активное слушание", "Деловая переписка"])).map((topic) => globalId("Topic", topic.id));
  for (const [code, name] of [["strogino", "Строгино"], ["vdnkh", "ВДНХ"]]) await db.prisma.site.create({ data: { code, name, address: `${name}, 1` } });
  siteIds = (await db.prisma.site.findMany({ orderBy: { code: "asc" } })).map((site) => globalId("Site", site.id));
  await db.prisma.trainer.create({ data: { name: "Анна Тренерова", userId: t.id } });
  manager = await new ApiClient(server).signIn(m.email, TEST_PASSWORD);
  admin = await new ApiClient(server).signIn(a.email, TEST_PASSWORD);
  staff = await new ApiClient(server).signIn(s.email, TEST_PASSWORD);
  trainerUser = await new ApiClient(server).signIn(t.email, TEST_PASSWORD);
  anonymous = new ApiClient(server);
});

afterAll(async () => {
  await server?.close();
  await logged?.$disconnect();
  await db?.drop();
});

describe("trainers", () => {
  it("creates a trainer with topics, sites and merged weekly windows", async () => {
    const result = await manager.request(CREATE, { input: trainer({ siteIds: [siteIds[0], siteIds[1], siteIds[0]] }) });
    expect(result.data.createTrainer).toEqual({
      __typename: "MutationCreateTrainerSuccess",
      data: {
        id: expect.any(String),
        name: "Борис Наставников",
        maxHoursPerWeek: 24,
        topics: [{ title: "Активное слушание" }, { title: "Работа с жалобами" }],
        sites: [{ code: "vdnkh" }, { code: "strogino" }],
        availability: [win(1, 480, 660), win(2, 600, 720)],
        daysOff: [],
        user: null,
      },
    });
    trainerId = result.data.createTrainer.data.id;
  });

  it("replaces every field on update", async () => {
    const input = trainer({ name: "Борис Н.", maxHoursPerWeek: 60, topicIds: [topicIds[2]], siteIds: [siteIds[1]], availability: [win(7, 1140, 1200)] });
    const result = await admin.request(UPDATE, { id: trainerId, input });
    expect(result.data.updateTrainer.data).toMatchObject({
      name: "Борис Н.", maxHoursPerWeek: 60, topics: [{ title: "Деловая переписка" }], sites: [{ code: "vdnkh" }], availability: [win(7, 1140, 1200)],
    });
    const missing = await manager.request(UPDATE, { id: globalId("Trainer", "nope"), input: trainer() });
    expect(missing.data.updateTrainer.__typename).toBe("NotFoundError");
  });

  it.each([
    [["name"], { name: " Я " }, /at least 2/],
    [["maxHoursPerWeek"], { maxHoursPerWeek: 0 }, /between 1 and 60/],
    [["maxHoursPerWeek"], { maxHoursPerWeek: 61 }, /between 1 and 60/],
    [["siteIds"], { siteIds: [] }, /at least one site/],
    [["siteIds", "0"], { siteIds: [globalId("Site", "nope")] }, /unknown site/],
    [["topicIds", "1"], { topicIds: [globalId("Topic", "nope-too"), "garbage"] }, /unknown or merged topic/],
    [["availability", "0", "weekday"], { availability: [win(8, 600, 660)] }, /1 \(Monday\) … 7 \(Sunday\)/],
    [["availability", "0", "startMinute"], { availability: [win(1, 450, 660)] }, /at or after 08:00/],
    [["availability", "0", "endMinute"], { availability: [win(1, 600, 1230)] }, /at or before 20:00/],
    [["availability", "0", "startMinute"], { availability: [win(1, 615, 660)] }, /multiple of 30/],
    [["availability", "0", "endMinute"], { availability: [win(1, 660, 600)] }, /after startMinute/],
    [["availability", "1", "startMinute"], { availability: [win(3, 600, 720), win(3, 660, 780)] }, /overlaps window 0/],
  ])("refuses %j (%j) and writes nothing", async (path, overrides, message) => {
    const before = await db.prisma.trainer.findUniqueOrThrow({ where: { id: rawId(trainerId) }, include: { topics: true, sites: true, availability: true } });
    const result = await manager.request(UPDATE, { id: trainerId, input: trainer(overrides) });
    expect(result.data.updateTrainer.__typename).toBe("ValidationError");
    expect(result.data.updateTrainer.fieldErrors).toContainEqual({ path: ["input", ...path], message: expect.stringMatching(message) });
    const after = await db.prisma.trainer.findUniqueOrThrow({ where: { id: rawId(trainerId) }, include: { topics: true, sites: true, availability: true } });
    expect(after).toEqual(before);
  });

  it("refuses a merged topic", async () => {
    await db.prisma.topic.update({ where: { id: rawId(topicIds[0]) }, data: { status: "MERGED" } });
    const result = await manager.request(CREATE, { input: trainer({ topicIds: [topicIds[1], topicIds[0]] }) });
    expect(result.data.createTrainer.fieldErrors).toEqual([{ path: ["input", "topicIds", "1"], message: "unknown or merged topic" }]);
    const options = await manager.request("{ qualificationTopics { title } }");
    expect(options.data.qualificationTopics).toEqual([{ title: "Активное слушание" }, { title: "Деловая переписка" }]);
    await db.prisma.topic.update({ where: { id: rawId(topicIds[0]) }, data: { status: "OPEN" } });
  });

  it("offers no rejected topic, except to a trainer who already holds it", async () => {
    const titleOf = (id: string) => db.prisma.topic.findUniqueOrThrow({ where: { id: rawId(id) } }).then((topic) => topic.title);
    const [held, notHeld] = [topicIds[0], topicIds[1]];
    const created = await manager.request(CREATE, { input: trainer({ name: "Держатель темы", topicIds: [held] }) });
    const holderId = created.data.createTrainer.data.id;
    await db.prisma.topic.updateMany({ where: { id: { in: [rawId(held), rawId(notHeld)] } }, data: { status: "REJECTED" } });
    try {
      const options = `query($trainerId: ID) { qualificationTopics(trainerId: $trainerId) { title } }`;
      const titles = async (trainerId?: string) =>
        ((await manager.request(options, { trainerId })).data.qualificationTopics as Array<{ title: string }>).map((topic) => topic.title);
      expect(await titles()).not.toContain(await titleOf(held));
      expect(await titles()).not.toContain(await titleOf(notHeld));
      expect(await titles(holderId)).toContain(await titleOf(held));
      expect(await titles(holderId)).not.toContain(await titleOf(notHeld));
    } finally {
      await db.prisma.topic.updateMany({ where: { id: { in: [rawId(held), rawId(notHeld)] } }, data: { status: "OPEN" } });
      await db.prisma.trainer.delete({ where: { id: rawId(holderId) } });
    }
  });
});

describe("days off", () => {
  it("replaces the set, sorted by date, reasons optional", async () => {
    const first = await manager.request(DAYS_OFF, { id: trainerId, daysOff: [{ date: "2027-03-09", reason: "Отпуск" }, { date: "2027-03-02" }] });
    expect(first.data.setTrainerDaysOff.data.daysOff).toEqual([{ date: "2027-03-02", reason: "" }, { date: "2027-03-09", reason: "Отпуск" }]);
    const second = await manager.request(DAYS_OFF, { id: trainerId, daysOff: [{ date: "2027-04-01", reason: "Конференция" }] });
    expect(second.data.setTrainerDaysOff.data.daysOff).toEqual([{ date: "2027-04-01", reason: "Конференция" }]);
  });

  it.each([
    [["daysOff", "0", "date"], [{ date: "2027-02-29" }], /calendar date/],
    [["daysOff", "1", "date"], [{ date: "2027-05-01" }, { date: "2027-05-01" }], /listed twice/],
    [["daysOff", "0", "reason"], [{ date: "2027-05-01", reason: "x".repeat(201) }], /at most 200/],
  ])("refuses %j and keeps the old set", async (path, daysOff, message) => {
    const result = await manager.request(DAYS_OFF, { id: trainerId, daysOff });
    expect(result.data.setTrainerDaysOff.fieldErrors).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await db.prisma.trainerDayOff.count({ where: { trainerId: rawId(trainerId) } })).toBe(1);
  });

  it("refuses a day off on which the trainer teaches a scheduled session, naming that day", async () => {
    const date = fromDateKey("2027-06-15");
    await db.prisma.trainingSession.create({
      data: {
        topicId: rawId(topicIds[1]), trainerId: rawId(trainerId), date, startMinute: 600, endMinute: 720,
        startsAt: centreInstant(date, 600), endsAt: centreInstant(date, 720), capacity: 10, votersOnlyUntil: centreInstant(date, 0),
      },
    });
    const result = await manager.request(DAYS_OFF, { id: trainerId, daysOff: [{ date: "2027-06-14" }, { date: "2027-06-15" }] });
    expect(result.data.setTrainerDaysOff.fieldErrors).toEqual([{ path: ["daysOff", "1", "date"], message: expect.stringContaining("teaches 1 scheduled session") }]);
    const missing = await manager.request(DAYS_OFF, { id: globalId("Trainer", "nope"), daysOff: [] });
    expect(missing.data.setTrainerDaysOff.__typename).toBe("NotFoundError");
  });
});

describe("authorisation", () => {
  it("staff and trainers get FORBIDDEN, anonymous UNAUTHENTICATED, for every trainer write and read", async () => {
    const operations: Array<[string, Record<string, unknown>]> = [
      [CREATE, { input: trainer({ maxHoursPerWeek: 0 }) }],
      [UPDATE, { id: trainerId, input: trainer() }],
      [DAYS_OFF, { id: trainerId, daysOff: [] }],
      [LIST, {}],
      ["query($id: ID!) { trainer(id: $id) { name } }", { id: trainerId }],
      ["{ qualificationTopics { title } }", {}],
    ];
    const before = await db.prisma.trainer.findMany({ include: { topics: true, sites: true, availability: true, daysOff: true }, orderBy: { id: "asc" } });
    for (const [query, variables] of operations) {
      for (const [client, code] of [[staff, "FORBIDDEN"], [trainerUser, "FORBIDDEN"], [anonymous, "UNAUTHENTICATED"]] as const) {
        const result = await client.request(query, variables);
        expect(result.errors?.[0]?.extensions?.code).toBe(code);
      }
    }
    expect(await db.prisma.trainer.findMany({ include: { topics: true, sites: true, availability: true, daysOff: true }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("admins read trainers like managers", async () => {
    const result = await admin.request("query($id: ID!) { trainer(id: $id) { name maxHoursPerWeek daysOff { date } } }", { id: trainerId });
    expect(result.errors).toBeUndefined();
    expect(result.data.trainer).toMatchObject({ name: "Борис Н.", maxHoursPerWeek: 60 });
  });
});

describe("no N+1 queries", () => {
  it("lists 14 trainers with topics, sites and availability in as many statements as 2", async () => {
    const count = async () => {
      statements = [];
      const result = await manager.request(LIST);
      expect(result.errors).toBeUndefined();
      if (process.env.SHOW_SQL) console.log(statements.length, statements.map((s) => s.slice(0, 200)).join("\n"));
      return { count: statements.length, trainers: result.data.trainers };
    };
    const small = await count();
    expect(small.trainers).toHaveLength(2);
    for (let i = 0; i < 12; i++) {
      const result = await manager.request(CREATE, { input: trainer({ name: `Тренер ${String(i).padStart(2, "0")}`, siteIds, topicIds, availability: [win(1 + (i % 7), 480, 600), win(1 + ((i + 3) % 7), 720, 900)] }) });
      expect(result.data.createTrainer.__typename).toBe("MutationCreateTrainerSuccess");
    }
    const large = await count();
    expect(large.trainers).toHaveLength(14);
    expect(large.trainers.find((one: any) => one.name === "Тренер 05")).toMatchObject({ topics: expect.arrayContaining([expect.objectContaining({ title: "Работа с жалобами" })]), sites: [{ code: "vdnkh", name: "ВДНХ" }, { code: "strogino", name: "Строгино" }] });
    expect(large.count).toBe(small.count);
    // The viewer, the trainers, then one batch per relation: topic and site links, availability,
    // days off, the topics and the sites themselves.
    expect(large.count).toBeLessThanOrEqual(8);
  });
});

describe("linked account (userEmail)", () => {
  let staffUsers: Array<{ id: string; email: string; name: string }>;
  let managerUser: { id: string; email: string };
  const userOf = (id: string) => db.prisma.user.findUniqueOrThrow({ where: { id }, select: { role: true, trainer: { select: { name: true } } } });

  beforeAll(async () => {
    staffUsers = await createUsers(db.prisma, 4, { role: "STAFF", prefix: "trn-link" });
    [managerUser] = await createUsers(db.prisma, 1, { role: "MANAGER", prefix: "trn-link-manager" });
  });

  it("links the account by e-mail (any case, spaces trimmed) and makes a STAFF account TRAINER", async () => {
    const result = await manager.request(CREATE, { input: trainer({ name: "Вера Связанная", userEmail: `  ${staffUsers[0].email.toUpperCase()} ` }) });
    expect(result.data.createTrainer).toMatchObject({ __typename: "MutationCreateTrainerSuccess", data: { name: "Вера Связанная", user: { name: staffUsers[0].name } } });
    expect(await userOf(staffUsers[0].id)).toEqual({ role: "TRAINER", trainer: { name: "Вера Связанная" } });
  });

  it("keeps the link when an update omits userEmail, removes it on an empty one; the account keeps its role", async () => {
    const created = await manager.request(CREATE, { input: trainer({ name: "Глеб Связанный", userEmail: staffUsers[1].email }) });
    const id = created.data.createTrainer.data.id;
    const kept = await manager.request(UPDATE, { id, input: trainer({ name: "Глеб С." }) });
    expect(kept.data.updateTrainer.data).toMatchObject({ name: "Глеб С.", user: { name: staffUsers[1].name } });
    const removed = await manager.request(UPDATE, { id, input: trainer({ name: "Глеб С.", userEmail: "" }) });
    expect(removed.data.updateTrainer.data.user).toBeNull();
    expect(await userOf(staffUsers[1].id)).toEqual({ role: "TRAINER", trainer: null });
    const relinked = await manager.request(UPDATE, { id, input: trainer({ name: "Глеб С.", userEmail: staffUsers[1].email }) });
    expect(relinked.data.updateTrainer.data.user).toEqual({ name: staffUsers[1].name });
    const nulled = await manager.request(UPDATE, { id, input: trainer({ name: "Глеб С.", userEmail: null }) });
    expect(nulled.data.updateTrainer.data.user).toBeNull();
  });

  it("a manager's account keeps the MANAGER role when linked", async () => {
    const result = await manager.request(CREATE, { input: trainer({ name: "Дарья Руководитель", userEmail: managerUser.email }) });
    expect(result.data.createTrainer.__typename).toBe("MutationCreateTrainerSuccess");
    expect(await userOf(managerUser.id)).toEqual({ role: "MANAGER", trainer: { name: "Дарья Руководитель" } });
  });

  it.each([
    ["an unknown e-mail", () => "nobody@test.spros", /no user has this e-mail address/],
    ["a malformed e-mail", () => "not-an-email", /must be an e-mail address/],
    ["an account linked to another trainer", () => staffUsers[0].email, /already linked to the trainer «Вера Связанная»/],
  ])("refuses %s as a field error and writes nothing", async (_label, email, message) => {
    const before = await db.prisma.trainer.count();
    const result = await manager.request(CREATE, { input: trainer({ name: "Лишний Тренер", userEmail: email() }) });
    expect(result.data.createTrainer).toEqual({ __typename: "ValidationError", fieldErrors: [{ path: ["input", "userEmail"], message: expect.stringMatching(message) }] });
    expect(await db.prisma.trainer.count()).toBe(before);
  });

  it("refuses to move a linked account to another trainer on update and keeps both", async () => {
    const other = await manager.request(CREATE, { input: trainer({ name: "Ефим Другой" }) });
    const id = other.data.createTrainer.data.id;
    const result = await manager.request(UPDATE, { id, input: trainer({ name: "Ефим Переименованный", userEmail: staffUsers[0].email }) });
    expect(result.data.updateTrainer.fieldErrors).toEqual([{ path: ["input", "userEmail"], message: expect.stringContaining("«Вера Связанная»") }]);
    expect(await db.prisma.trainer.findUniqueOrThrow({ where: { id: rawId(id) }, select: { name: true, userId: true } })).toEqual({ name: "Ефим Другой", userId: null });
  });

  it("two trainers created at once with one account: exactly one gets it, the other a field error", async () => {
    const before = await db.prisma.trainer.count();
    const results = await Promise.all(
      ["Жанна Первая", "Зоя Вторая"].map((name) => manager.request(CREATE, { input: trainer({ name, userEmail: staffUsers[2].email }) })),
    );
    const typenames = results.map((result) => result.data.createTrainer.__typename).sort();
    expect(typenames).toEqual(["MutationCreateTrainerSuccess", "ValidationError"]);
    const refused = results.find((result) => result.data.createTrainer.__typename === "ValidationError");
    expect(refused?.data.createTrainer.fieldErrors).toEqual([{ path: ["input", "userEmail"], message: expect.stringMatching(/already linked/) }]);
    expect(await db.prisma.trainer.count()).toBe(before + 1);
    expect(await userOf(staffUsers[2].id)).toMatchObject({ role: "TRAINER" });
  });
});
