import { describe, expect, it } from "vitest";
import { buildPlanningInstance } from "../../domain/planning/instance-builder";
import { validateInstance } from "../../scheduler/validate";
import { useTestDatabase } from "./helpers/database";
import { HORIZON_START, seedPlanningWorld } from "./helpers/planning-world";

const db = useTestDatabase();

describe("buildPlanningInstance", () => {
  it("builds a valid contract instance from the database: sites, rooms, closed dates, days off, demand, on-line topics, reserved", async () => {
    const world = await seedPlanningWorld(db.prisma, { prefix: "inst", extras: true });
    // "Now" is before the approved sessions, so staff[0]'s booking is of an upcoming session.
    const instance = await buildPlanningInstance(db.prisma, { horizonStart: HORIZON_START, horizonDays: 14, now: new Date("2026-12-20T00:00:00Z") });
    expect(validateInstance(instance).ok).toBe(true);
    expect(instance).toMatchObject({ version: 1, timezone: "Europe/Moscow", slotMinutes: 30, horizon: { start: HORIZON_START, days: 14 } });

    expect(instance.sites).toEqual([
      {
        id: "strogino",
        opens: "08:00",
        closes: "20:00",
        // its own closed day and the centre-wide one; nothing outside the horizon
        closedDates: ["2027-01-06", "2027-01-07"],
        rooms: expect.arrayContaining(world.strogino.rooms.map((room) => ({ id: room.id, capacity: room.capacity }))),
      },
      { id: "vdnkh", opens: "09:00", closes: "19:00", closedDates: ["2027-01-07"], rooms: [{ id: world.vdnkh.rooms[0].id, capacity: 12 }] },
    ]);

    // Default topics: OPEN and NEW by votes; the rejected topic is not planned.
    expect(instance.topics).toEqual([
      { id: world.training.id, durationMinutes: 120, online: false, minParticipants: 2, maxParticipants: 10 },
      { id: world.webinar.id, durationMinutes: 120, online: true, minParticipants: 2, maxParticipants: 10 },
    ]);

    const anna = instance.trainers.find((trainer) => trainer.id === world.anna.id)!;
    expect(anna.topics).toEqual([world.training.id, world.webinar.id]); // not the rejected one
    expect(anna.sites).toEqual(["strogino"]);
    expect(anna.availability).toEqual([1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: "09:00", to: "18:00" })));
    // Own day off in the horizon, plus the centre-wide closed day (which blocks on-line sessions too).
    expect(anna.unavailableDates).toEqual(["2027-01-05", "2027-01-07"]);
    const boris = instance.trainers.find((trainer) => trainer.id === world.boris.id)!;
    expect(boris).toMatchObject({ topics: [world.training.id], sites: ["vdnkh"], unavailableDates: ["2027-01-07"], maxHoursPerWeek: 30 });

    // staff[0] holds a confirmed seat at an upcoming session of the training: no demand left for it.
    // staff[1]'s booking was cancelled and staff[2]'s session was cancelled: they still count.
    const pairs = instance.demand.map((entry) => `${entry.personId}:${entry.topicId}`);
    const expected = [
      ...world.staff.slice(1).map((user) => `${user.id}:${world.training.id}`),
      ...world.staff.slice(0, 3).map((user) => `${user.id}:${world.webinar.id}`),
    ];
    expect(pairs.sort()).toEqual(expected.sort());
    const trainingDemand = instance.demand.find((entry) => entry.personId === world.staff[2].id && entry.topicId === world.training.id)!;
    expect(trainingDemand.sites).toEqual(["strogino"]);
    expect(trainingDemand.windows).toContainEqual({ weekday: 1, from: "09:00", to: "13:00", strength: "preferred" });
    const webinarDemand = instance.demand.find((entry) => entry.topicId === world.webinar.id)!;
    expect(webinarDemand.sites).toEqual([]);

    // Approved, still scheduled sessions are reserved; the cancelled one is not.
    expect(instance.reserved).toEqual([
      { trainerId: world.anna.id, siteId: "strogino", roomId: world.strogino.rooms[0].id, start: "2027-01-08T10:00", end: "2027-01-08T12:00" },
      { trainerId: world.anna.id, siteId: "online", roomId: null, start: "2027-01-08T14:00", end: "2027-01-08T16:00" },
    ]);

    // Once the session has started it is no longer "upcoming": staff[0]'s demand is back.
    const later = await buildPlanningInstance(db.prisma, { horizonStart: HORIZON_START, horizonDays: 14, now: new Date("2027-01-08T12:00:00Z") });
    expect(later.demand.some((entry) => entry.personId === world.staff[0].id && entry.topicId === world.training.id)).toBe(true);

    // Explicit topics: plannable ones kept in the given order, the rejected one dropped.
    const chosen = await buildPlanningInstance(db.prisma, {
      horizonStart: HORIZON_START,
      horizonDays: 7,
      topicIds: [world.webinar.id, world.rejected.id],
    });
    expect(chosen.topics.map((topic) => topic.id)).toEqual([world.webinar.id]);
    expect(chosen.demand.every((entry) => entry.topicId === world.webinar.id)).toBe(true);
    expect(chosen.trainers.find((trainer) => trainer.id === world.anna.id)!.topics).toEqual([world.webinar.id]);
    // A horizon without approved sessions has no `reserved` field at all.
    const empty = await buildPlanningInstance(db.prisma, { horizonStart: "2027-02-01", horizonDays: 7 });
    expect(empty).not.toHaveProperty("reserved");
    expect(empty.sites[0].closedDates).toEqual([]);
  });
});
