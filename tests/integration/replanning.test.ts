import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { HORIZON_START, seedPlanningWorld } from "./helpers/planning-world";
import { TEST_PASSWORD } from "./helpers/users";

/**
 * Re-planning keeps what is approved and booked fixed and plans around it, end to end through the
 * API: run 1 → approve → a voter books → run 2 over the same horizon.
 *
 * The world is made so that run 2 would want the approved slot: Anna is the only trainer who can
 * teach the training at Strogino on weekdays, and every voter prefers Monday 09:00–11:00 (Tuesday
 * 09:00–11:00 only if need be). Run 1 takes Monday morning; if run 2 ignored the reservation it
 * would take it again (the remaining voters prefer it), so it must go to Tuesday.
 */

let db: TestDatabase;
let server: ApiServer;
let manager: ApiClient;
let voter: ApiClient;
let world: Awaited<ReturnType<typeof seedPlanningWorld>>;

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const rawId = (id: string) => Buffer.from(id, "base64").toString().split(":")[1];
const MONDAY = HORIZON_START; // 2027-01-04
const TUESDAY = "2027-01-05";

beforeAll(async () => {
  db = await createTestDatabase();
  world = await seedPlanningWorld(db.prisma, { prefix: "replan" });
  // Monday morning preferred, Tuesday morning if need be, for every voter (replacing the world's weekday mornings).
  await db.prisma.userAvailability.deleteMany({ where: { userId: { in: world.staff.map((user) => user.id) } } });
  await db.prisma.userAvailability.createMany({
    data: world.staff.flatMap((user) => [
      { userId: user.id, weekday: 1, startMinute: 540, endMinute: 660, strength: "PREFERRED" as const },
      { userId: user.id, weekday: 2, startMinute: 540, endMinute: 660, strength: "IF_NEED_BE" as const },
    ]),
  });
  server = await startApiServer(db, { planningRunner: { instanceId: "replan", pollMs: 100, heartbeatMs: 200 } });
  manager = await new ApiClient(server).signIn(world.manager.email, TEST_PASSWORD);
  voter = await new ApiClient(server).signIn(world.staff[0].email, TEST_PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const START = /* GraphQL */ `
  mutation Start($input: StartPlanningRunInput!) {
    startPlanningRun(input: $input) {
      __typename
      ... on MutationStartPlanningRunSuccess { data { id } }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`;

const RUN = /* GraphQL */ `
  query Run($id: ID!) {
    node(id: $id) {
      ... on PlanningRun {
        id status error
        instanceSummary { reservedSessions }
        instanceJson
        sessions { id state date start end trainerId roomId topic { id } expectedAttendees trainingSessionId }
      }
    }
  }
`;

const APPROVE = /* GraphQL */ `
  mutation Approve($runId: ID!, $sessionIds: [ID!]) {
    approveProposedSessions(runId: $runId, sessionIds: $sessionIds) {
      __typename
      ... on MutationApproveProposedSessionsSuccess { data { id trainingSessionId } }
      ... on Error { message }
    }
  }
`;

const BOOK = /* GraphQL */ `
  mutation Book($id: ID!) {
    bookSession(sessionId: $id) {
      __typename
      ... on MutationBookSessionSuccess { data { id status } }
      ... on Error { message }
    }
  }
`;

type RunView = {
  id: string;
  status: string;
  error: string | null;
  instanceSummary: { reservedSessions: number };
  instanceJson: string;
  sessions: Array<{ id: string; state: string; date: string; start: string; end: string; trainerId: string; roomId: string | null; topic: { id: string }; expectedAttendees: number; trainingSessionId: string | null }>;
};

async function plan(): Promise<RunView> {
  const started = await manager.request(START, {
    input: { horizonStart: HORIZON_START, horizonDays: 7, timeLimitSeconds: 3, topicIds: [globalId("Topic", world.training.id)] },
  });
  expect(started.data?.startPlanningRun.__typename, JSON.stringify(started)).toBe("MutationStartPlanningRunSuccess");
  const id = started.data.startPlanningRun.data.id;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const result = await manager.request<{ node: RunView }>(RUN, { id });
    expect(result.errors).toBeUndefined();
    const run = result.data!.node;
    if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(run.status)) {
      expect(run.status, run.error ?? "").toBe("SUCCEEDED");
      return run;
    }
    if (Date.now() > deadline) throw new Error(`run still ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const overlaps = (a: { date: string; start: string; end: string }, b: { date: string; start: string; end: string }) =>
  a.date === b.date && minutes(a.start) < minutes(b.end) && minutes(b.start) < minutes(a.end);

describe("re-planning around approved and booked sessions", () => {
  it("run 2 keeps the approved session's trainer and room time free, leaves out its booked voter and lists it as reserved", async () => {
    // Run 1: one training on Monday morning with Anna, the only trainer for it.
    const first = await plan();
    expect(first.instanceSummary.reservedSessions).toBe(0);
    const training = first.sessions.filter((session) => session.topic.id === globalId("Topic", world.training.id));
    expect(training).toHaveLength(1);
    const [chosen] = training;
    expect(chosen).toMatchObject({ date: MONDAY, start: "09:00", end: "11:00", trainerId: globalId("Trainer", world.anna.id) });

    const approved = await manager.request(APPROVE, { runId: first.id, sessionIds: [chosen.id] });
    expect(approved.data.approveProposedSessions.__typename, JSON.stringify(approved)).toBe("MutationApproveProposedSessionsSuccess");
    const trainingSessionId = approved.data.approveProposedSessions.data[0].trainingSessionId;
    const booked = await voter.request(BOOK, { id: trainingSessionId });
    expect(booked.data.bookSession).toMatchObject({ __typename: "MutationBookSessionSuccess", data: { status: "CONFIRMED" } });

    // Run 2 over the same horizon, for the same topic.
    const second = await plan();
    const approvedRow = await db.prisma.trainingSession.findUniqueOrThrow({ where: { id: rawId(trainingSessionId) } });
    const instance = JSON.parse(second.instanceJson);
    expect(second.instanceSummary.reservedSessions).toBe(1);
    expect(instance.reserved).toEqual([
      { trainerId: world.anna.id, siteId: "strogino", roomId: approvedRow.roomId, start: `${MONDAY}T09:00`, end: `${MONDAY}T11:00` },
    ]);
    // The booked voter's demand for the topic is gone from the instance; the other five remain.
    const demandFor = instance.demand.filter((entry: { topicId: string }) => entry.topicId === world.training.id);
    expect(demandFor.map((entry: { personId: string }) => entry.personId).sort()).toEqual(world.staff.slice(1).map((user) => user.id).sort());

    // It plans around the reservation: the remaining voters get Tuesday, not Anna's or the room's Monday morning.
    const approvedSlot = { date: MONDAY, start: "09:00", end: "11:00" };
    expect(second.sessions.length).toBeGreaterThan(0);
    for (const session of second.sessions) {
      if (session.trainerId === globalId("Trainer", world.anna.id)) expect(overlaps(session, approvedSlot), JSON.stringify(session)).toBe(false);
      if (session.roomId === globalId("Room", approvedRow.roomId!)) expect(overlaps(session, approvedSlot), JSON.stringify(session)).toBe(false);
    }
    const replanned = second.sessions.filter((session) => session.topic.id === globalId("Topic", world.training.id));
    expect(replanned.map((session) => [session.date, session.start])).toEqual([[TUESDAY, "09:00"]]);
    expect(replanned[0].expectedAttendees).toBe(5);

    // The booked voter is not among run 2's attendees for the topic.
    const rows = await db.prisma.proposedSession.findMany({ where: { runId: rawId(second.id), topicId: world.training.id }, select: { attendeeIds: true } });
    const attendees = rows.flatMap((row) => row.attendeeIds);
    expect(attendees).toHaveLength(5);
    expect(attendees).not.toContain(world.staff[0].id);
  });
});
