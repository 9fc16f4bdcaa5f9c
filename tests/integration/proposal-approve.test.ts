import type { Client } from "graphql-ws";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { centreInstant, fromDateKey } from "../../domain/centre-time";
import { ApiClient, startApiServer, type ApiServer } from "./helpers/api-server";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { TEST_PASSWORD } from "./helpers/users";
import { gid, subscribe } from "./moderation-helpers";
import { createWorld, type World } from "./proposal-review-world";

let db: TestDatabase;
let server: ApiServer;
let world: World;
let managerA: ApiClient;
let managerB: ApiClient;
let staff: ApiClient;
let voter: ApiClient;
let run: Awaited<ReturnType<World["createRun"]>>;
const sockets: Client[] = [];

const APPROVE = /* GraphQL */ `
  mutation($runId: ID!, $sessionIds: [ID!]) {
    approveProposedSessions(runId: $runId, sessionIds: $sessionIds) {
      __typename
      ... on MutationApproveProposedSessionsSuccess { data { id state version trainingSessionId date start } }
      ... on ProposalConflictError { code sessionId }
      ... on ProposalViolationError { sessionId violations { code } }
      ... on NotFoundError { message }
    }
  }`;

const runGid = () => gid("PlanningRun", run.run.id);
const sid = (id: string) => gid("ProposedSession", id);

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startApiServer(db);
  world = await createWorld(db.prisma);
  [managerA, managerB, staff, voter] = await Promise.all([
    new ApiClient(server).signIn(world.bossA.email, TEST_PASSWORD),
    new ApiClient(server).signIn(world.bossB.email, TEST_PASSWORD),
    new ApiClient(server).signIn(world.outsider.email, TEST_PASSWORD),
    new ApiClient(server).signIn(world.voters[0].email, TEST_PASSWORD),
  ]);
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await server?.close();
  await db?.drop();
});

beforeEach(async () => {
  await db.prisma.trainingSession.deleteMany({});
  await db.prisma.notification.deleteMany({});
  await db.prisma.topic.updateMany({ data: { status: "OPEN" } });
  run = await world.createRun();
});

describe("approveProposedSessions", () => {
  it("approves every proposed session: bookable sessions, topic SCHEDULED, voters told live", async () => {
    const live = subscribe(sockets, voter, `subscription { notificationAdded { kind topic { title } } }`);
    await live.ready;
    const before = Date.now();
    const result = await managerA.request(APPROVE, { runId: runGid() });
    expect(result.errors).toBeUndefined();
    const approved = result.data.approveProposedSessions;
    expect(approved.__typename).toBe("MutationApproveProposedSessionsSuccess");
    expect(approved.data.map((s: any) => [s.id, s.state, s.version])).toEqual([
      [sid(run.s1.id), "APPROVED", 1], [sid(run.s2.id), "APPROVED", 1], [sid(run.s3.id), "APPROVED", 1],
    ]);

    const sessions = await db.prisma.trainingSession.findMany({ orderBy: [{ date: "asc" }, { startMinute: "asc" }] });
    expect(sessions.map((s) => s.proposedSessionId)).toEqual([run.s1.id, run.s2.id, run.s3.id]);
    expect(approved.data.map((s: any) => s.trainingSessionId)).toEqual(sessions.map((s) => gid("TrainingSession", s.id)));
    const first = sessions[0];
    expect(first).toMatchObject({ trainerId: world.t1.id, roomId: world.r1.id, siteId: world.siteA.id, capacity: 16, status: "SCHEDULED", approvedById: world.bossA.id });
    expect(first.startsAt.toISOString()).toBe(centreInstant(fromDateKey("2027-03-02"), 540).toISOString());
    expect(first.startsAt.toISOString()).toBe("2027-03-02T06:00:00.000Z");
    expect(first.endsAt.toISOString()).toBe("2027-03-02T08:00:00.000Z");
    const priorityMs = first.votersOnlyUntil.getTime() - before;
    expect(priorityMs).toBeGreaterThan(48 * 3_600_000 - 5_000);
    expect(priorityMs).toBeLessThan(49 * 3_600_000 + 60_000);
    // Opens for everyone on a full hour.
    expect(first.votersOnlyUntil.getTime() % 3_600_000).toBe(0);

    // Topics went OPEN → SCHEDULED with the approval, recorded in their moderation log.
    const topics = await db.prisma.topic.findMany({ where: { id: { in: [world.inPerson.id, world.online.id] } }, select: { status: true } });
    expect(topics.map((t) => t.status)).toEqual(["SCHEDULED", "SCHEDULED"]);
    const logged = await db.prisma.moderationAction.findMany({ where: { topicId: world.inPerson.id, kind: "STATUS_CHANGE" } });
    expect(logged.map((action) => action.details)).toEqual([{ fromStatus: "OPEN", toStatus: "SCHEDULED" }]);
    expect(await db.prisma.notification.count({ where: { kind: "TOPIC_STATUS_CHANGED" } })).toBe(0);

    // Each of the six voters of the in-person topic (the approver is none) is told of both of its sessions.
    const scheduled = await db.prisma.notification.findMany({ where: { kind: "SESSION_SCHEDULED" }, orderBy: { createdAt: "asc" } });
    expect(scheduled).toHaveLength(12);
    expect(new Set(scheduled.map((n) => n.userId))).toEqual(new Set(world.voters.map((v) => v.id)));
    const forS1 = scheduled.find((n) => n.userId === world.voters[0].id && n.sessionId === first.id);
    expect(forS1?.payload).toMatchObject({ date: "2027-03-02", start: "09:00", end: "11:00", actorId: world.bossA.id });
    expect(forS1?.topicId).toBe(world.inPerson.id);

    // Voter 0 hears it live: one notification per session.
    const events = await live.next(2);
    expect(events.map((e) => e.data.notificationAdded.kind)).toEqual(["SESSION_SCHEDULED", "SESSION_SCHEDULED"]);

    const again = await managerA.request(APPROVE, { runId: runGid() });
    expect(again.data.approveProposedSessions).toMatchObject({ __typename: "ProposalConflictError", code: "NOTHING_TO_APPROVE" });
  });

  it("checks today's calendar, not the run's: a day closed since the run started blocks approval, a shrunken room caps the seats", async () => {
    const closed = await db.prisma.closedDate.create({ data: { siteId: world.siteA.id, date: run.s1.date, reason: "Ремонт" } });
    try {
      const refused = await managerA.request(APPROVE, { runId: runGid(), sessionIds: [sid(run.s1.id)] });
      expect(refused.data.approveProposedSessions).toMatchObject({ __typename: "ProposalViolationError", sessionId: sid(run.s1.id) });
      expect(refused.data.approveProposedSessions.violations.map((v: { code: string }) => v.code)).toContain("SITE_CLOSED");
      expect(await db.prisma.trainingSession.count()).toBe(0);
    } finally {
      await db.prisma.closedDate.delete({ where: { id: closed.id } });
    }

    await db.prisma.room.update({ where: { id: world.r1.id }, data: { capacity: 12 } });
    try {
      const approved = await managerA.request(APPROVE, { runId: runGid(), sessionIds: [sid(run.s1.id)] });
      expect(approved.data.approveProposedSessions.__typename).toBe("MutationApproveProposedSessionsSuccess");
      const [session] = await db.prisma.trainingSession.findMany();
      expect(session.capacity).toBe(12);
    } finally {
      await db.prisma.room.update({ where: { id: world.r1.id }, data: { capacity: 20 } });
    }
  });

  it("approves only the selected sessions", async () => {
    const result = await managerA.request(APPROVE, { runId: runGid(), sessionIds: [sid(run.s1.id)] });
    expect(result.data.approveProposedSessions.data.map((s: any) => s.id)).toEqual([sid(run.s1.id)]);
    const rows = await db.prisma.proposedSession.findMany({ where: { runId: run.run.id }, orderBy: { startMinute: "asc" } });
    expect(rows.map((r) => r.state)).toEqual(["APPROVED", "PROPOSED", "PROPOSED"]);
    expect(await db.prisma.trainingSession.count()).toBe(1);
    // Approving it again is a conflict and approves nothing else in the same call.
    const again = await managerA.request(APPROVE, { runId: runGid(), sessionIds: [sid(run.s1.id), sid(run.s2.id)] });
    expect(again.data.approveProposedSessions).toMatchObject({ __typename: "ProposalConflictError", code: "NOT_PROPOSED", sessionId: sid(run.s1.id) });
    expect(await db.prisma.trainingSession.count()).toBe(1);
  });

  it("re-checks the constraints at approval time and rolls everything back on a violation", async () => {
    // Since the edit checks, someone approved a session elsewhere that takes S2's trainer at 14:00.
    await db.prisma.trainingSession.create({
      data: {
        topicId: world.inPerson.id, trainerId: world.t2.id, siteId: world.siteA.id, roomId: world.r1.id,
        date: fromDateKey("2027-03-02"), startMinute: 15 * 60, endMinute: 17 * 60,
        startsAt: new Date("2027-03-02T12:00:00Z"), endsAt: new Date("2027-03-02T14:00:00Z"), capacity: 16, votersOnlyUntil: new Date(),
      },
    });
    const result = await managerA.request(APPROVE, { runId: runGid() });
    expect(result.data.approveProposedSessions).toMatchObject({
      __typename: "ProposalViolationError", sessionId: sid(run.s2.id), violations: [{ code: "TRAINER_OVERLAP" }],
    });
    expect(await db.prisma.trainingSession.count()).toBe(1);
    const rows = await db.prisma.proposedSession.findMany({ where: { runId: run.run.id } });
    expect(rows.every((r) => r.state === "PROPOSED" && r.version === 0)).toBe(true);
    expect(await db.prisma.notification.count()).toBe(0);
  });

  it("two managers approving the same run at once: one wins, one gets a conflict, no duplicates", async () => {
    for (let round = 0; round < 5; round++) {
      if (round > 0) {
        await db.prisma.trainingSession.deleteMany({});
        run = await world.createRun();
      }
      const [a, b] = await Promise.all([
        managerA.request(APPROVE, { runId: runGid() }),
        managerB.request(APPROVE, { runId: runGid() }),
      ]);
      const outcomes = [a, b].map((r) => r.data.approveProposedSessions.__typename).sort();
      expect(outcomes, JSON.stringify([a, b])).toEqual(["MutationApproveProposedSessionsSuccess", "ProposalConflictError"]);
      const loser = [a, b].find((r) => r.data.approveProposedSessions.__typename === "ProposalConflictError")!;
      expect(["NOT_PROPOSED", "NOTHING_TO_APPROVE"]).toContain(loser.data.approveProposedSessions.code);
      const sessions = await db.prisma.trainingSession.findMany({ where: { proposedSession: { runId: run.run.id } } });
      expect(sessions.map((s) => s.proposedSessionId).sort()).toEqual([run.s1.id, run.s2.id, run.s3.id].sort());
      const rows = await db.prisma.proposedSession.findMany({ where: { runId: run.run.id } });
      expect(rows.every((r) => r.state === "APPROVED" && r.version === 1)).toBe(true);
    }
  });

  it("two managers approving different runs that clash serialise on the trainer: one is refused", async () => {
    const other = await world.createRun();
    const [a, b] = await Promise.all([
      managerA.request(APPROVE, { runId: runGid(), sessionIds: [sid(run.s1.id)] }),
      managerB.request(APPROVE, { runId: gid("PlanningRun", other.run.id), sessionIds: [sid(other.s1.id)] }),
    ]);
    const kinds = [a, b].map((r) => r.data.approveProposedSessions.__typename).sort();
    expect(kinds).toEqual(["MutationApproveProposedSessionsSuccess", "ProposalViolationError"]);
    expect(await db.prisma.trainingSession.count()).toBe(1);
  });

  it("refuses staff and unknown runs", async () => {
    const refused = await staff.request(APPROVE, { runId: runGid() });
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const unknown = await managerA.request(APPROVE, { runId: gid("PlanningRun", "nope") });
    expect(unknown.data.approveProposedSessions.__typename).toBe("NotFoundError");
    const notARun = await managerA.request(APPROVE, { runId: gid("Topic", run.run.id) });
    expect(notARun.data.approveProposedSessions.__typename).toBe("NotFoundError");
    expect(await db.prisma.trainingSession.count()).toBe(0);
  });

  it("refuses runs that have not succeeded", async () => {
    await db.prisma.planningRun.update({ where: { id: run.run.id }, data: { status: "RUNNING" } });
    const result = await managerA.request(APPROVE, { runId: runGid() });
    expect(result.data.approveProposedSessions).toMatchObject({ __typename: "ProposalConflictError", code: "RUN_NOT_READY" });
  });
});
