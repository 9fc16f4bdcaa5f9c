import { centreInstant, fromDateKey } from "../../../domain/centre-time";
import type { PrismaClient } from "../../../prisma/client";
import { createUsers } from "./users";

/** A Monday (centre wall clock): the planning horizon of the tests starts here. */
export const HORIZON_START = "2027-01-04";

type Strength = "PREFERRED" | "IF_NEED_BE";
const window = (weekday: number, fromHour: number, toHour: number, strength: Strength = "PREFERRED") => ({
  weekday,
  startMinute: fromHour * 60,
  endMinute: toHour * 60,
  strength,
});

/**
 * A small Training Centre that a scheduler run can serve: two sites, one trainer per site, an
 * in-person training (min 2), a webinar, a rejected topic, six voters free on weekday mornings at
 * Strogino. Options add closed dates, days off and an approved session with a booking.
 */
export async function seedPlanningWorld(prisma: PrismaClient, options: { prefix: string; extras?: boolean }) {
  const staff = await createUsers(prisma, 6, { prefix: `${options.prefix}-staff` });
  const [manager] = await createUsers(prisma, 1, { prefix: `${options.prefix}-manager`, role: "MANAGER" });
  const strogino = await prisma.site.create({
    data: { code: "strogino", name: "Строгино", address: "Строгино", rooms: { create: [{ name: "1", capacity: 20 }, { name: "2", capacity: 8 }] } },
    include: { rooms: { orderBy: { name: "asc" } } },
  });
  const vdnkh = await prisma.site.create({
    data: { code: "vdnkh", name: "ВДНХ", address: "ВДНХ", opensMinute: 540, closesMinute: 1140, rooms: { create: [{ name: "A", capacity: 12 }] } },
    include: { rooms: true },
  });
  const topic = (title: string, format: "TRAINING" | "WEBINAR", status: "OPEN" | "NEW" | "REJECTED", voteCount: number) =>
    prisma.topic.create({
      data: { title, description: `Описание: ${title}`, block: "SERVICE_DELIVERY", format, status, voteCount, durationMinutes: 120, minParticipants: 2, maxParticipants: 10 },
    });
  const training = await topic("Работа с возражениями", "TRAINING", "OPEN", 6);
  const webinar = await topic("Цифровые сервисы", "WEBINAR", "NEW", 3);
  const rejected = await topic("Отклонённая тема", "TRAINING", "REJECTED", 2);

  const weekdays = [1, 2, 3, 4, 5];
  const anna = await prisma.trainer.create({
    data: {
      name: "Анна",
      maxHoursPerWeek: 20,
      topics: { create: [{ topicId: training.id }, { topicId: webinar.id }, { topicId: rejected.id }] },
      sites: { create: [{ siteId: strogino.id }] },
      availability: { create: weekdays.map((weekday) => ({ weekday, startMinute: 540, endMinute: 1080 })) },
    },
  });
  const boris = await prisma.trainer.create({
    data: {
      name: "Борис",
      topics: { create: [{ topicId: training.id }] },
      sites: { create: [{ siteId: vdnkh.id }] },
      availability: { create: [{ weekday: 6, startMinute: 600, endMinute: 1020 }] },
    },
  });

  for (const [index, user] of staff.entries()) {
    await prisma.userAvailability.createMany({
      data: weekdays.map((weekday) => window(weekday, 9, 13, index % 2 ? "IF_NEED_BE" : "PREFERRED")).map((w) => ({ userId: user.id, ...w })),
    });
    await prisma.userSitePreference.create({ data: { userId: user.id, siteId: strogino.id } });
    await prisma.vote.create({ data: { userId: user.id, topicId: training.id } });
    if (index < 3) await prisma.vote.create({ data: { userId: user.id, topicId: webinar.id } });
    if (index < 2) await prisma.vote.create({ data: { userId: user.id, topicId: rejected.id } });
  }

  let approved: { id: string } | null = null;
  if (options.extras) {
    await prisma.closedDate.createMany({
      data: [
        { siteId: strogino.id, date: fromDateKey("2027-01-06"), reason: "ремонт" },
        { siteId: null, date: fromDateKey("2027-01-07"), reason: "праздник" },
        { siteId: vdnkh.id, date: fromDateKey("2027-03-01"), reason: "вне горизонта" },
      ],
    });
    await prisma.trainerDayOff.createMany({
      data: [
        { trainerId: anna.id, date: fromDateKey("2027-01-05") },
        { trainerId: anna.id, date: fromDateKey("2027-02-15") },
      ],
    });
    // An approved session in the horizon at Strogino (staff[0] booked it) and one on-line.
    const date = fromDateKey("2027-01-08");
    const session = (data: { siteId: string | null; roomId: string | null; startMinute: number; endMinute: number; topicId: string }) =>
      prisma.trainingSession.create({
        data: {
          ...data,
          trainerId: anna.id,
          date,
          startsAt: centreInstant(date, data.startMinute),
          endsAt: centreInstant(date, data.endMinute),
          capacity: 10,
          votersOnlyUntil: centreInstant(date, 0),
        },
      });
    approved = await session({ siteId: strogino.id, roomId: strogino.rooms[0].id, startMinute: 600, endMinute: 720, topicId: training.id });
    await session({ siteId: null, roomId: null, startMinute: 840, endMinute: 960, topicId: webinar.id });
    await prisma.booking.create({ data: { sessionId: approved.id, userId: staff[0].id, status: "CONFIRMED", queueNumber: 1 } });
    await prisma.booking.create({ data: { sessionId: approved.id, userId: staff[1].id, status: "CANCELLED", queueNumber: 2 } });
    // A cancelled session is neither reserved nor a reason to drop demand.
    const cancelled = await prisma.trainingSession.create({
      data: {
        topicId: webinar.id, trainerId: anna.id, siteId: null, roomId: null, date, startMinute: 600, endMinute: 720,
        startsAt: centreInstant(date, 600), endsAt: centreInstant(date, 720), capacity: 10, votersOnlyUntil: centreInstant(date, 0), status: "CANCELLED",
      },
    });
    await prisma.booking.create({ data: { sessionId: cancelled.id, userId: staff[2].id, status: "CONFIRMED", queueNumber: 1 } });
  }
  return { staff, manager, strogino, vdnkh, training, webinar, rejected, anna, boris, approved };
}
