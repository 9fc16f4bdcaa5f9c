import { z } from "zod";
import { NUL_MESSAGE, withoutNul } from "./plain-text";
import { AVAILABILITY_GRID, normalizeWindows, weeklyWindowsSchema, type AvailabilityStrength } from "./availability";
import { fromDateKey } from "./centre-time";

/**
 * The rules for the Training Centre's resources (sites, rooms, trainers, closed dates), as zod
 * schemas shared by the API and the web forms. Paths in their issues name the input field.
 */
export const RESOURCE_LIMITS = {
  siteCode: { min: 2, max: 32 },
  siteName: { min: 2, max: 100 },
  address: { max: 300 },
  /** Opening hours: anywhere in the day, on the half-hour grid. */
  dayMinutes: { min: 0, max: 24 * 60, step: 30 },
  roomName: { min: 1, max: 60 },
  capacity: { min: 1, max: 500 },
  trainerName: { min: 2, max: 100 },
  hoursPerWeek: { min: 1, max: 60 },
  reason: { max: 200 },
  daysOff: { max: 366 },
  topics: { max: 500 },
} as const;

const { dayMinutes } = RESOURCE_LIMITS;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, { message: min === 1 ? "must not be empty" : `must be at least ${min} characters` })
    .max(max, { message: `must be at most ${max} characters` })
    .refine(withoutNul, { message: NUL_MESSAGE });

/** "YYYY-MM-DD" naming a real calendar date (2026-02-30 is refused). */
export const dateKeySchema = z.string().refine(
  (key) => {
    try {
      fromDateKey(key);
      return true;
    } catch {
      return false;
    }
  },
  { message: "must be a calendar date as YYYY-MM-DD" },
);

const dayMinute = z
  .number()
  .int()
  .superRefine((minute, ctx) => {
    const message =
      minute < dayMinutes.min || minute > dayMinutes.max
        ? `must be between 00:00 (0) and 24:00 (${dayMinutes.max})`
        : minute % dayMinutes.step !== 0
          ? `must be a multiple of ${dayMinutes.step} minutes`
          : null;
    if (message) ctx.addIssue({ code: "custom", message });
  });

export const siteSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toLowerCase()
      .min(RESOURCE_LIMITS.siteCode.min, { message: `must be at least ${RESOURCE_LIMITS.siteCode.min} characters` })
      .max(RESOURCE_LIMITS.siteCode.max, { message: `must be at most ${RESOURCE_LIMITS.siteCode.max} characters` })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be latin letters and digits, words joined by single hyphens" }),
    name: text(RESOURCE_LIMITS.siteName.min, RESOURCE_LIMITS.siteName.max),
    address: text(0, RESOURCE_LIMITS.address.max),
    opensMinute: dayMinute,
    closesMinute: dayMinute,
  })
  .superRefine((site, ctx) => {
    if (site.opensMinute >= site.closesMinute) {
      ctx.addIssue({ code: "custom", path: ["closesMinute"], message: `must be after the opening time (${hhmm(site.opensMinute)})` });
    }
  });
export type SiteFields = z.output<typeof siteSchema>;

export const roomSchema = z.object({
  name: text(RESOURCE_LIMITS.roomName.min, RESOURCE_LIMITS.roomName.max),
  capacity: z
    .number()
    .int({ message: "must be a whole number" })
    .min(RESOURCE_LIMITS.capacity.min, { message: `must be between ${RESOURCE_LIMITS.capacity.min} and ${RESOURCE_LIMITS.capacity.max}` })
    .max(RESOURCE_LIMITS.capacity.max, { message: `must be between ${RESOURCE_LIMITS.capacity.min} and ${RESOURCE_LIMITS.capacity.max}` }),
});
export type RoomFields = z.output<typeof roomSchema>;

/** A trainer's weekly window: one strength, so the user grid's rules apply with `PREFERRED`. */
export type TrainerWindow = { readonly weekday: number; readonly startMinute: number; readonly endMinute: number };

const trainerWindowsSchema = z
  .array(z.object({ weekday: z.number(), startMinute: z.number(), endMinute: z.number() }))
  .transform((windows) => windows.map((window) => ({ ...window, strength: "PREFERRED" as AvailabilityStrength })))
  .pipe(weeklyWindowsSchema)
  .transform((windows) => normalizeWindows(windows).map(({ weekday, startMinute, endMinute }): TrainerWindow => ({ weekday, startMinute, endMinute })));

const idList = (max: number) =>
  z.array(z.string()).max(max, { message: `at most ${max}` });

export const trainerSchema = z.object({
  name: text(RESOURCE_LIMITS.trainerName.min, RESOURCE_LIMITS.trainerName.max),
  maxHoursPerWeek: z
    .number()
    .int({ message: "must be a whole number" })
    .min(RESOURCE_LIMITS.hoursPerWeek.min, { message: `must be between ${RESOURCE_LIMITS.hoursPerWeek.min} and ${RESOURCE_LIMITS.hoursPerWeek.max}` })
    .max(RESOURCE_LIMITS.hoursPerWeek.max, { message: `must be between ${RESOURCE_LIMITS.hoursPerWeek.min} and ${RESOURCE_LIMITS.hoursPerWeek.max}` }),
  topicIds: idList(RESOURCE_LIMITS.topics.max),
  siteIds: idList(20).min(1, { message: "choose at least one site" }),
  availability: trainerWindowsSchema,
  /** The trainer's own account: omitted keeps the current link, null or "" removes it. */
  userEmail: z
    .string()
    .trim()
    .toLowerCase()
    .refine((email) => email === "" || z.email().safeParse(email).success, { message: "must be an e-mail address" })
    .nullish()
    .transform((email) => (email === undefined ? undefined : email || null)),
});
export type TrainerFields = z.output<typeof trainerSchema>;

export const daysOffSchema = z
  .array(z.object({ date: dateKeySchema, reason: text(0, RESOURCE_LIMITS.reason.max).nullish().transform((reason) => reason ?? "") }))
  .max(RESOURCE_LIMITS.daysOff.max, { message: `at most ${RESOURCE_LIMITS.daysOff.max} days` })
  .superRefine((days, ctx) => {
    const seen = new Map<string, number>();
    days.forEach((day, index) => {
      const first = seen.get(day.date);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: [index, "date"], message: `is listed twice (also day ${first + 1})` });
      else seen.set(day.date, index);
    });
  });
export type DayOffFields = z.output<typeof daysOffSchema>[number];

export const closedDateSchema = z.object({
  siteId: z.string().nullish(),
  date: dateKeySchema,
  reason: text(1, RESOURCE_LIMITS.reason.max),
});

/** Trainer availability stays inside the grid staff paint: 08:00–20:00. */
export const TRAINER_DAY = { startMinute: AVAILABILITY_GRID.dayStartMinute, endMinute: AVAILABILITY_GRID.dayEndMinute } as const;
