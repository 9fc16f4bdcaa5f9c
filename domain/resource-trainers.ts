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

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const linkedElsewhere = (name: string) => invalid(["userEmail"], `is already linked to the trainer «${name}»`);

/**
 * The account `email` names, for linking to the trainer: undefined keeps the link as it is, null
 * removes it. A STAFF account becomes TRAINER (it marks attendance of its sessions); other roles
 * keep theirs, and an unlinked account keeps its role too.
 */
async function linkedUser(tx: Tx, trainerId: string | null, email: string | null | undefined): Promise<Outcome<{ userId?: string | null }>> {
  if (email === undefined) return { kind: "ok", value: {} };
  if (email === null) return { kind: "ok", value: { userId: null } };
  const user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, trainer: { select: { id: true, name: true } } } });
  if (!user) return invalid(["userEmail"], "no user has this e-mail address");
  if (user.trainer && user.trainer.id !== trainerId) return linkedElsewhere(user.trainer.name);
  if (user.role === "STAFF") await tx.user.update({ where: { id: user.id }, data: { role: "TRAINER" }, select: { id: true } });
  return { kind: "ok", value: { userId: user.id } };
}

export async function saveTrainer(prisma: PrismaClient, trainerId: string | null, fields: TrainerFields): Promise<Outcome<{ id: string }>> {
  const problems = await unknownIds(prisma, fields);
  if (problems.length) return { kind: "invalid", problems };
  try {
    return await writeTrainer(prisma, trainerId, fields);
  } catch (error) {
    // Two trainers linked to one account at the same moment: Trainer.userId is unique.
    if ((error as { code?: string }).code === "P2002") return invalid(["userEmail"], "is already linked to another trainer");
    throw error;
  }
}

function writeTrainer(prisma: PrismaClient, trainerId: string | null, fields: TrainerFields): Promise<Outcome<{ id: string }>> {
  const topicIds = [...new Set(fields.topicIds)];
  const siteIds = [...new Set(fields.siteIds)];
  return prisma.$transaction(async (tx) => {
    let id: string;
    if (trainerId !== null) {
      const [locked] = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Trainer" WHERE "id" = ${trainerId} FOR UPDATE`;
      if (!locked) return { kind: "missing" } as const;
    }
    const link = await linkedUser(tx, trainerId, fields.userEmail);
    if (link.kind !== "ok") return link;
    const data = { name: fields.name, maxHoursPerWeek: fields.maxHoursPerWeek, ...link.value };
    if (trainerId === null) {
      id = (await tx.trainer.create({ data, select: { id: true } })).id;
    } else {
      id = trainerId;
      await tx.trainer.update({ where: { id }, data, select: { id: true } });
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
