import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fromDateKey } from "../../domain/centre-time";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { TEST_PASSWORD } from "./helpers/users";
import { gid } from "./moderation-helpers";
import { createWorld, type World } from "./proposal-review-world";

let db: TestDatabase;
let server: ApiServer;
let world: World;
let manager: ApiClient;
let staff: ApiClient;
let run: Awaited<ReturnType<World["createRun"]>>;

const UPDATE = /* GraphQL */ `
  mutation($id: ID!, $version: Int!, $input: UpdateProposedSessionInput!) {
    updateProposedSession(id: $id, version: $version, input: $input) {
      __typename
      ... on MutationUpdateProposedSessionSuccess { data {
        id date start end startsAt capacity preferredAttendees ifNeedBeAttendees expectedAttendees version state
        trainerId trainerName roomId roomName online site { code } topic { title }
      } }
      ... on ProposalViolationError { sessionId violations { code params { name value } } }
      ... on ProposalConflictError { code sessionId message }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { message }
    }
  }`;
const REMOVE = /* GraphQL */ `
  mutation($id: ID!, $version: Int!) {
    removeProposedSession(id: $id, version: $version) {
      __typename
      ... on MutationRemoveProposedSessionSuccess { data { id state version } }
      ... on ProposalConflictError { code }
    }
  }`;

const sid = (id: string) => gid("ProposedSession", id);
const codes = (result: any) => result.data.updateProposedSession.violations.map((v: { code: string }) => v.code);

async function update(id: string, version: number, input: Record<string, unknown>) {
  const result = await manager.request(UPDATE, { id: sid(id), version, input });
  expect(result.errors).toBeUndefined();
  return result;
}

async function expectUnchanged(id: string, before: { version: number; startMinute: number; trainerId: string; roomId: string | null }) {
  const row = await db.prisma.proposedSession.findUniqueOrThrow({ where: { id } });
  expect({ version: row.version, startMinute: row.startMinute, trainerId: row.trainerId, roomId: row.roomId }).toEqual({
    version: before.version, startMinute: before.startMinute, trainerId: before.trainerId, roomId: before.roomId,
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  world = await createWorld(db.prisma);
  manager = await new ApiClient(server).signIn(world.bossA.email, TEST_PASSWORD);
  staff = await new ApiClient(server).signIn(world.outsider.email, TEST_PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

beforeEach(async () => {
  await db.prisma.trainingSession.deleteMany({});
  run = await world.createRun();
});

describe("the run's figures follow the review", () => {
  const FIGURES = /* GraphQL */ `
    query($id: ID!) { node(id: $id) { ... on PlanningRun {
      currentMetrics { servedWeight servedPairs demandPairs proposed approved removed }
      unserved { topic { title } unservedPairs currentUnservedPairs }
    } } }`;
  const figures = async () => (await manager.request(FIGURES, { id: gid("PlanningRun", run.run.id) })).data.node;

  it("recomputes what the plan serves after a move and a removal; the solver's unserved count stays beside the current one", async () => {
    // S1: 2 preferred, S2: 2 if need be (weight 2 + 0.5 × 2), of the in-person topic's 6 voters.
    expect(await figures()).toEqual({
      currentMetrics: { servedWeight: 3, servedPairs: 4, demandPairs: 6, proposed: 3, approved: 0, removed: 0 },
      unserved: [{ topic: { title: "Работа с конфликтами" }, unservedPairs: 0, currentUnservedPairs: 2 }],
    });

    // S2 at 11:00 also takes voters 2–3, at a preferred time: everyone is served.
    expect((await update(run.s2.id, 0, { start: "11:00" })).data.updateProposedSession.__typename).toBe("MutationUpdateProposedSessionSuccess");
    expect(await figures()).toEqual({
      currentMetrics: { servedWeight: 5, servedPairs: 6, demandPairs: 6, proposed: 3, approved: 0, removed: 0 },
      unserved: [],
    });

    const removed = await manager.request(REMOVE, { id: sid(run.s1.id), version: 0 });
    expect(removed.data.removeProposedSession.__typename).toBe("MutationRemoveProposedSessionSuccess");
    expect(await figures()).toEqual({
      currentMetrics: { servedWeight: 3, servedPairs: 4, demandPairs: 6, proposed: 2, approved: 0, removed: 1 },
      unserved: [{ topic: { title: "Работа с конфликтами" }, unservedPairs: 0, currentUnservedPairs: 2 }],
    });
  });
});

describe("updateProposedSession", () => {
  it("moves a session, recomputes capacity and expected attendance, bumps the version", async () => {
    // S2 at 14:00 serves the two if-need-be voters; at 11:00 voters 2–3 (preferred, not in S1) join them.
    const result = await update(run.s2.id, 0, { start: "11:00" });
    const data = result.data.updateProposedSession.data;
    expect(result.data.updateProposedSession.__typename).toBe("MutationUpdateProposedSessionSuccess");
    expect(data).toMatchObject({
      date: "2027-03-02", start: "11:00", end: "13:00", capacity: 10, version: 1, state: "PROPOSED",
      preferredAttendees: 2, ifNeedBeAttendees: 2, expectedAttendees: 4, trainerName: "Петров Олег", roomName: "А-2",
      online: false, site: { code: "rv-a" },
    });
    expect(data.startsAt).toBe("2027-03-02T08:00:00.000Z"); // 11:00 in Moscow
    const row = await db.prisma.proposedSession.findUniqueOrThrow({ where: { id: run.s2.id } });
    expect(row.attendeeIds).toEqual([world.voters[2].id, world.voters[3].id, world.voters[4].id, world.voters[5].id]);

    // Into the larger room of site B: capacity min(12, 16); the demand is for site A only, so nobody comes.
    const moved = await update(run.s2.id, 1, { roomId: gid("Room", world.r3.id) });
    expect(moved.data.updateProposedSession.data).toMatchObject({ capacity: 12, expectedAttendees: 0, version: 2, site: { code: "rv-b" } });
  });

  it("refuses a trainer who does not teach the topic", async () => {
    const result = await update(run.s3.id, 0, { trainerId: gid("Trainer", world.t2.id) });
    expect(result.data.updateProposedSession.__typename).toBe("ProposalViolationError");
    expect(codes(result)).toContain("TRAINER_NOT_QUALIFIED");
    await expectUnchanged(run.s3.id, run.s3);
  });

  it("refuses a time outside the trainer's availability", async () => {
    const result = await update(run.s1.id, 0, { start: "17:00" });
    expect(codes(result)).toEqual(["OUTSIDE_TRAINER_AVAILABILITY"]);
    const params = Object.fromEntries(result.data.updateProposedSession.violations[0].params.map((p: any) => [p.name, p.value]));
    expect(params).toMatchObject({ from: "17:00", to: "19:00", date: "2027-03-02" });
    await expectUnchanged(run.s1.id, run.s1);
  });

  it("refuses a room already taken by another proposed session", async () => {
    const result = await update(run.s2.id, 0, { start: "10:00", roomId: gid("Room", world.r1.id) });
    expect(codes(result)).toEqual(["ROOM_OVERLAP"]);
    await expectUnchanged(run.s2.id, run.s2);
  });

  it("refuses a trainer already teaching an approved session then (and at another site that day)", async () => {
    await db.prisma.trainingSession.create({
      data: {
        topicId: world.inPerson.id, trainerId: world.t2.id, siteId: world.siteB.id, roomId: world.r3.id,
        date: fromDateKey("2027-03-02"), startMinute: 16 * 60, endMinute: 18 * 60,
        startsAt: new Date("2027-03-02T13:00:00Z"), endsAt: new Date("2027-03-02T15:00:00Z"), capacity: 12, votersOnlyUntil: new Date(),
      },
    });
    const result = await update(run.s2.id, 0, { start: "15:00" });
    expect(codes(result)).toEqual(expect.arrayContaining(["TRAINER_OVERLAP", "TRAINER_OTHER_SITE"]));
    const overlap = result.data.updateProposedSession.violations.find((v: any) => v.code === "TRAINER_OVERLAP");
    expect(overlap.params).toEqual(expect.arrayContaining([{ name: "otherKind", value: "session" }, { name: "from", value: "16:00" }]));
    await expectUnchanged(run.s2.id, run.s2);
  });

  it("refuses a date when the site is closed, a trainer's day off and a date outside the horizon", async () => {
    expect(codes(await update(run.s1.id, 0, { date: "2027-03-04" }))).toEqual(["SITE_CLOSED"]);
    expect(codes(await update(run.s1.id, 0, { date: "2027-03-05" }))).toEqual(["TRAINER_DAY_OFF"]);
    expect(codes(await update(run.s1.id, 0, { date: "2027-03-20" }))).toEqual(["OUTSIDE_HORIZON"]);
    await expectUnchanged(run.s1.id, run.s1);
  });

  it("refuses more weekly hours than the trainer's maximum", async () => {
    // T1 (max 4 h) already gives S1 (2 h) and an approved Monday session (2 h): one more on-line hour is too much.
    await db.prisma.trainingSession.create({
      data: {
        topicId: world.inPerson.id, trainerId: world.t1.id, siteId: world.siteA.id, roomId: world.r2.id,
        date: fromDateKey("2027-03-01"), startMinute: 9 * 60, endMinute: 11 * 60,
        startsAt: new Date("2027-03-01T06:00:00Z"), endsAt: new Date("2027-03-01T08:00:00Z"), capacity: 10, votersOnlyUntil: new Date(),
      },
    });
    const result = await update(run.s3.id, 0, { trainerId: gid("Trainer", world.t1.id) });
    expect(codes(result)).toEqual(["WEEKLY_HOURS_EXCEEDED"]);
    const params = Object.fromEntries(result.data.updateProposedSession.violations[0].params.map((p: any) => [p.name, p.value]));
    expect(params).toMatchObject({ hours: "5", maxHours: "4", week: "2027-03-01" });
    // The following week has room for it.
    const nextWeek = await update(run.s3.id, 0, { trainerId: gid("Trainer", world.t1.id), date: "2027-03-10" });
    expect(nextWeek.data.updateProposedSession.__typename).toBe("MutationUpdateProposedSessionSuccess");
  });

  it("refuses off-grid starts, rooms for on-line sessions and malformed input", async () => {
    expect(codes(await update(run.s1.id, 0, { start: "09:15" }))).toEqual(["OFF_SLOT_GRID"]);
    expect(codes(await update(run.s3.id, 0, { roomId: gid("Room", world.r1.id) }))).toEqual(["ROOM_NOT_ONLINE"]);
    const bad = await update(run.s1.id, 0, { date: "2027-02-30", start: "25:00" });
    expect(bad.data.updateProposedSession.__typename).toBe("ValidationError");
    expect(bad.data.updateProposedSession.fieldErrors.map((e: any) => e.path.join("."))).toEqual(["input.date", "input.start"]);
    await expectUnchanged(run.s1.id, run.s1);
  });

  it("refuses a stale version with a conflict and changes nothing", async () => {
    expect((await update(run.s1.id, 0, { start: "10:00" })).data.updateProposedSession.data.version).toBe(1);
    const stale = await update(run.s1.id, 0, { start: "11:00" });
    expect(stale.data.updateProposedSession).toMatchObject({ __typename: "ProposalConflictError", code: "STALE_VERSION", sessionId: sid(run.s1.id) });
    const row = await db.prisma.proposedSession.findUniqueOrThrow({ where: { id: run.s1.id } });
    expect([row.startMinute, row.version]).toEqual([600, 1]);
  });

  it("refuses staff", async () => {
    const result = await staff.request(UPDATE, { id: sid(run.s1.id), version: 0, input: { start: "10:00" } });
    expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    await expectUnchanged(run.s1.id, run.s1);
  });
});

describe("removeProposedSession", () => {
  it("removes a session once; the old version is then a conflict", async () => {
    const removed = await manager.request(REMOVE, { id: sid(run.s2.id), version: 0 });
    expect(removed.data.removeProposedSession).toMatchObject({ __typename: "MutationRemoveProposedSessionSuccess", data: { state: "REMOVED", version: 1 } });
    const again = await manager.request(REMOVE, { id: sid(run.s2.id), version: 1 });
    expect(again.data.removeProposedSession).toMatchObject({ __typename: "ProposalConflictError", code: "NOT_PROPOSED" });
    // A removed session no longer holds its room: S1 may move into A-2 at 14:00.
    const moved = await update(run.s1.id, 0, { start: "14:00", roomId: gid("Room", world.r2.id) });
    expect(moved.data.updateProposedSession.__typename).toBe("MutationUpdateProposedSessionSuccess");
  });

  it("refuses staff", async () => {
    const result = await staff.request(REMOVE, { id: sid(run.s2.id), version: 0 });
    expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await db.prisma.proposedSession.findUniqueOrThrow({ where: { id: run.s2.id } })).state).toBe("PROPOSED");
  });
});

describe("PlanningRun review fields", () => {
  it("lists the run's live sessions by time, with the instance's trainers and rooms for the edit form", async () => {
    await manager.request(REMOVE, { id: sid(run.s3.id), version: 0 });
    const query = /* GraphQL */ `
      query($id: ID!) { node(id: $id) { ... on PlanningRun {
        sessions { id start trainerName expectedAttendees }
        removed: sessions(states: [REMOVED]) { id }
        reviewTrainers { id name topicIds }
        reviewRooms { id name capacity siteName }
      } } }`;
    const result = await manager.request(query, { id: gid("PlanningRun", run.run.id) });
    expect(result.errors).toBeUndefined();
    const node = result.data.node;
    expect(node.sessions.map((s: any) => [s.id, s.start, s.expectedAttendees])).toEqual([[sid(run.s1.id), "09:00", 2], [sid(run.s2.id), "14:00", 2]]);
    expect(node.removed).toEqual([{ id: sid(run.s3.id) }]);
    expect(node.reviewTrainers.map((t: any) => t.name)).toEqual(["Иванова Анна", "Петров Олег", "Сидорова Мария"]);
    expect(node.reviewTrainers[1].topicIds).toEqual([gid("Topic", world.inPerson.id)]);
    expect(node.reviewRooms.map((r: any) => [r.name, r.capacity, r.siteName])).toEqual([["Б-1", 12, "ВДНХ (тест)"], ["А-1", 20, "Строгино (тест)"], ["А-2", 10, "Строгино (тест)"]]);
    const refused = await staff.request(query, { id: gid("PlanningRun", run.run.id) });
    expect(refused.data?.node ?? null).toBeNull();
  });
});
