import type { PrismaClient } from "../prisma/client";
import { fromDateKey } from "./centre-time";
import type { DayOffFields, TrainerFields } from "./resource-rules";
import { invalid, type FieldProblem, type Outcome } from "./resources";

/**
 * Trainers: qualified topics, sites, weekly availability (one strength, normalised like the staff
 * grid) and days off. Every write replaces the whole set in one transaction that first locks the
 * trainer row, so two concurrent edits apply one after the other and bad input writes nothing.
 */

/** Database ids (already decoded) that must exist; unknown ones are reported by their index. */
async function unknownIds(prisma: PrismaClient, fields: Pick<TrainerFields, "topicIds" | "siteIds">): Promise<FieldProblem[]> {
  const [topics, sites] = await Promise.all([
    prisma.topic.findMany({ where: { id: { in: fields.topicIds }, status: { not: "MERGED" } }, select: { id: true } }),
    prisma.site.findMany({ where: { id: { in: fields.siteIds } }, select: { id: true } }),
  ]);
  const knownTopics = new Set(topics.map((topic) => topic.id));
  const knownSites = new Set(sites.map((site) => site.id));
  return [
    ...fields.topicIds.flatMap((id, index) => (knownTopics.has(id) ? [] : [{ path: ["topicIds", String(index)], message: "unknown or merged topic" }])),
    ...fields.siteIds.flatMap((id, index) => (knownSites.has(id) ? [] : [{ path: ["siteIds", String(index)], message: "unknown site" }])),
  ];
}

export async function saveTrainer(prisma: PrismaClient, trainerId: string | null, fields: TrainerFields): Promise<Outcome<{ id: string }>> {
  const problems = await unknownIds(prisma, fields);
  if (problems.length) return { kind: "invalid", problems };
  const topicIds = [...new Set(fields.topicIds)];
  const siteIds = [...new Set(fields.siteIds)];
  return prisma.$transaction(async (tx) => {
    let id: string;
    if (trainerId === null) {
      id = (await tx.trainer.create({ data: { name: fields.name, maxHoursPerWeek: fields.maxHoursPerWeek }, select: { id: true } })).id;
    } else {
      const [locked] = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Trainer" WHERE "id" = ${trainerId} FOR UPDATE`;
      if (!locked) return { kind: "missing" } as const;
      id = trainerId;
      await tx.trainer.update({ where: { id }, data: { name: fields.name, maxHoursPerWeek: fields.maxHoursPerWeek }, select: { id: true } });
      await tx.trainerTopic.deleteMany({ where: { trainerId: id } });
      await tx.trainerSite.deleteMany({ where: { trainerId: id } });
      await tx.trainerAvailability.deleteMany({ where: { trainerId: id } });
    }
    await tx.trainerTopic.createMany({ data: topicIds.map((topicId) => ({ trainerId: id, topicId })) });
    await tx.trainerSite.createMany({ data: siteIds.map((siteId) => ({ trainerId: id, siteId })) });
    await tx.trainerAvailability.createMany({ data: fields.availability.map((window) => ({ trainerId: id, ...window })) });
    return { kind: "ok", value: { id } } as const;
  }, { maxWait: 10_000 });
}

/**
 * Replaces the trainer's days off. A new day off on which the trainer teaches a scheduled session
 * is refused (the session must move or be cancelled first); days already off stay allowed.
 */
export async function setTrainerDaysOff(prisma: PrismaClient, trainerId: string, days: DayOffFields[]): Promise<Outcome<{ id: string }>> {
  const dates = days.map((day) => fromDateKey(day.date));
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Trainer" WHERE "id" = ${trainerId} FOR UPDATE`;
    if (!locked) return { kind: "missing" } as const;
    const busy = await tx.trainingSession.findMany({
      where: { trainerId, status: "SCHEDULED", date: { in: dates } },
      select: { date: true },
      orderBy: { date: "asc" },
    });
    if (busy.length) {
      const busyKeys = new Set(busy.map((session) => session.date.getTime()));
      const index = dates.findIndex((date) => busyKeys.has(date.getTime()));
      return invalid(["daysOff", String(index), "date"], `the trainer teaches ${busy.length} scheduled session(s) on this day; move or cancel them first`);
    }
    await tx.trainerDayOff.deleteMany({ where: { trainerId } });
    await tx.trainerDayOff.createMany({ data: days.map((day, index) => ({ trainerId, date: dates[index], reason: day.reason })) });
    return { kind: "ok", value: { id: trainerId } } as const;
  }, { maxWait: 10_000 });
}
