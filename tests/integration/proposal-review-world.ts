import type { PrismaClient } from "../../prisma/client";
import { fromDateKey } from "../../domain/centre-time";
import { createTopics, createUsers } from "./helpers/users";

/**
 * A small Training Centre for the review/approve tests: two sites (A closed on Thursday 2027-03-04),
 * three rooms, three trainers, an in-person topic with six voters and an on-line topic, and a run
 * whose frozen instance is written by hand after the scheduler contract.
 */
export const HORIZON = { start: "2027-03-01", days: 14 } as const; // Monday

export type World = Awaited<ReturnType<typeof createWorld>>;

export async function createWorld(prisma: PrismaClient) {
  const [bossA, bossB] = await createUsers(prisma, 2, { role: "MANAGER", prefix: "review-boss" });
  const voters = await createUsers(prisma, 6, { prefix: "review-voter" });
  const [outsider] = await createUsers(prisma, 1, { prefix: "review-staff" });
  const [inPerson, online] = await createTopics(prisma, voters[0].id, ["Работа с конфликтами", "Вебинар по услугам"]);
  await prisma.topic.update({ where: { id: inPerson.id }, data: { format: "TRAINING", durationMinutes: 120, minParticipants: 2, maxParticipants: 16 } });
  await prisma.topic.update({ where: { id: online.id }, data: { format: "WEBINAR", durationMinutes: 60, minParticipants: 1, maxParticipants: 40 } });
  await prisma.vote.createMany({ data: voters.map((voter) => ({ userId: voter.id, topicId: inPerson.id })) });
  await prisma.topic.update({ where: { id: inPerson.id }, data: { voteCount: voters.length } });

  const siteA = await prisma.site.create({ data: { code: "rv-a", name: "Строгино (тест)", address: "ул. Тестовая, 1" } });
  const siteB = await prisma.site.create({ data: { code: "rv-b", name: "ВДНХ (тест)", address: "пр. Тестовый, 2" } });
  const r1 = await prisma.room.create({ data: { siteId: siteA.id, name: "А-1", capacity: 20 } });
  const r2 = await prisma.room.create({ data: { siteId: siteA.id, name: "А-2", capacity: 10 } });
  const r3 = await prisma.room.create({ data: { siteId: siteB.id, name: "Б-1", capacity: 12 } });
  const t1 = await prisma.trainer.create({ data: { name: "Иванова Анна", maxHoursPerWeek: 4 } });
  const t2 = await prisma.trainer.create({ data: { name: "Петров Олег", maxHoursPerWeek: 30 } });
  const t3 = await prisma.trainer.create({ data: { name: "Сидорова Мария", maxHoursPerWeek: 30 } });

  const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: "09:00", to: "18:00" }));
  const instance = {
    version: 1,
    timezone: "Europe/Moscow",
    horizon: HORIZON,
    slotMinutes: 30,
    sites: [
      { id: siteA.code, opens: "08:00", closes: "20:00", closedDates: ["2027-03-04"], rooms: [{ id: r1.id, capacity: 20 }, { id: r2.id, capacity: 10 }] },
      { id: siteB.code, opens: "08:00", closes: "20:00", closedDates: [], rooms: [{ id: r3.id, capacity: 12 }] },
    ],
    trainers: [
      { id: t1.id, topics: [inPerson.id, online.id], sites: [siteA.code, siteB.code], availability: week, unavailableDates: ["2027-03-05"], maxHoursPerWeek: 4 },
      { id: t2.id, topics: [inPerson.id], sites: [siteA.code, siteB.code], availability: week, maxHoursPerWeek: 30 },
      { id: t3.id, topics: [online.id], sites: [siteA.code], availability: week, maxHoursPerWeek: 30 },
    ],
    topics: [
      { id: inPerson.id, durationMinutes: 120, online: false, minParticipants: 2, maxParticipants: 16 },
      { id: online.id, durationMinutes: 60, online: true, minParticipants: 1, maxParticipants: 40 },
    ],
    demand: [
      // Voters 0–3: Tuesday mornings preferred at site A; voters 4–5: Tuesday if need be, all day.
      ...voters.slice(0, 4).map((voter) => ({
        personId: voter.id, topicId: inPerson.id, sites: [siteA.code],
        windows: [{ weekday: 2, from: "09:00", to: "13:00", strength: "preferred" }],
      })),
      ...voters.slice(4).map((voter) => ({
        personId: voter.id, topicId: inPerson.id, sites: [siteA.code],
        windows: [{ weekday: 2, from: "09:00", to: "18:00", strength: "ifNeedBe" }],
      })),
    ],
  };

  /** A SUCCEEDED run with three proposed sessions (S1, S2 in person on Tuesday, S3 on-line on Wednesday). */
  async function createRun() {
    const run = await prisma.planningRun.create({
      data: {
        status: "SUCCEEDED",
        createdById: bossA.id,
        horizonStart: fromDateKey(HORIZON.start),
        horizonDays: HORIZON.days,
        timeLimitSeconds: 5,
        instance,
        proposal: { version: 1, sessions: [], metrics: {} },
        finishedAt: new Date(),
      },
    });
    const tuesday = fromDateKey("2027-03-02");
    const s1 = await prisma.proposedSession.create({
      data: {
        runId: run.id, topicId: inPerson.id, trainerId: t1.id, siteId: siteA.id, roomId: r1.id, date: tuesday,
        startMinute: 9 * 60, endMinute: 11 * 60, capacity: 16,
        attendeeIds: [voters[0].id, voters[1].id], preferredAttendees: 2, ifNeedBeAttendees: 0,
      },
    });
    const s2 = await prisma.proposedSession.create({
      data: {
        runId: run.id, topicId: inPerson.id, trainerId: t2.id, siteId: siteA.id, roomId: r2.id, date: tuesday,
        startMinute: 14 * 60, endMinute: 16 * 60, capacity: 10,
        attendeeIds: [voters[4].id, voters[5].id], preferredAttendees: 0, ifNeedBeAttendees: 2,
      },
    });
    const s3 = await prisma.proposedSession.create({
      data: {
        runId: run.id, topicId: online.id, trainerId: t3.id, siteId: null, roomId: null, date: fromDateKey("2027-03-03"),
        startMinute: 10 * 60, endMinute: 11 * 60, capacity: 40, attendeeIds: [], preferredAttendees: 0, ifNeedBeAttendees: 0,
      },
    });
    return { run, s1, s2, s3 };
  }

  return { bossA, bossB, voters, outsider, inPerson, online, siteA, siteB, r1, r2, r3, t1, t2, t3, instance, createRun };
}
