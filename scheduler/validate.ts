// Boundary validation: zod for shape, then cross-references. Every message names the path,
// e.g. `topics[3].durationMinutes: must be a positive multiple of slotMinutes`.
import { z } from "zod";
import type { Instance } from "./types";
import { dayNumber, isTime, parseDateTime, parseTime } from "./time";

const time = z.string().refine(isTime, { message: 'must be a time "HH:MM"' });
const date = z.string().refine((s) => !Number.isNaN(dayNumber(s)), { message: 'must be a date "YYYY-MM-DD"' });
const id = z.string().min(1, { message: "must be a non-empty string" });
const weekday = z.number().int().min(1, { message: "must be an ISO weekday 1..7" }).max(7, { message: "must be an ISO weekday 1..7" });
const window = z.object({ weekday, from: time, to: time });
const startTime = z.string().refine((s) => !Number.isNaN(parseDateTime(s)), { message: 'must be a date-time "YYYY-MM-DDTHH:MM"' });
const endTime = z.string().refine((s) => !Number.isNaN(parseDateTime(s, true)), { message: 'must be a date-time "YYYY-MM-DDTHH:MM"' });

const schema = z.object({
  version: z.literal(1, { message: "must be 1" }),
  timezone: z.string(),
  horizon: z.object({
    start: date,
    days: z.number().int().min(1, { message: "must be an integer 1..366" }).max(366, { message: "must be an integer 1..366" }),
  }),
  slotMinutes: z
    .number()
    .int()
    .positive()
    .refine((m) => 1440 % m === 0, { message: "must divide 1440 (a day)" }),
  sites: z.array(
    z.object({
      id,
      opens: time,
      closes: time,
      closedDates: z.array(date).optional(),
      rooms: z.array(z.object({ id, capacity: z.number().int().min(1, { message: "must be a positive integer" }) })),
    }),
  ),
  trainers: z.array(
    z.object({
      id,
      topics: z.array(z.string()),
      sites: z.array(z.string()),
      availability: z.array(window),
      unavailableDates: z.array(date).optional(),
      maxHoursPerWeek: z.number().min(0, { message: "must be ≥ 0" }),
    }),
  ),
  topics: z.array(
    z.object({
      id,
      durationMinutes: z.number(),
      online: z.boolean(),
      minParticipants: z.number().int().min(1, { message: "must be an integer ≥ 1" }),
      maxParticipants: z.number().int().min(1, { message: "must be an integer ≥ 1" }),
      maxSessions: z.number().int().min(0, { message: "must be an integer ≥ 0" }).optional(),
    }),
  ),
  demand: z.array(
    z.object({
      personId: id,
      topicId: z.string(),
      sites: z.array(z.string()),
      // Demand is the bulk of a big instance (≈300k windows at Moscow scale): times are checked
      // by hand in crossCheck, which is several times faster than a zod refinement per string.
      windows: z.array(z.object({ weekday, from: z.string(), to: z.string(), strength: z.enum(["preferred", "ifNeedBe"], { message: 'must be "preferred" or "ifNeedBe"' }) })),
    }),
  ),
  // Extension: sessions that already exist (see README, "Reserved sessions").
  reserved: z
    .array(z.object({ trainerId: id, siteId: id, roomId: z.string().nullable(), start: startTime, end: endTime }))
    .optional(),
});

export type ValidationResult = { ok: true; instance: Instance } | { ok: false; errors: string[] };

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  return out || "(root)";
}

export function validateInstance(input: unknown): ValidationResult {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  }
  const inst = parsed.data as Instance;
  const errors = crossCheck(inst);
  return errors.length ? { ok: false, errors } : { ok: true, instance: inst };
}

function crossCheck(inst: Instance): string[] {
  const errors: string[] = [];
  const err = (path: string, msg: string) => errors.length < 50 && errors.push(`${path}: ${msg}`);
  const siteIds = new Set<string>();
  const roomIds = new Set<string>();
  inst.sites.forEach((s, i) => {
    if (s.id === "online") err(`sites[${i}].id`, '"online" is reserved for on-line sessions');
    if (siteIds.has(s.id)) err(`sites[${i}].id`, `duplicate site id "${s.id}"`);
    siteIds.add(s.id);
    if (parseTime(s.opens) >= parseTime(s.closes)) err(`sites[${i}].closes`, "must be after opens");
    s.rooms.forEach((r, j) => {
      if (roomIds.has(r.id)) err(`sites[${i}].rooms[${j}].id`, `duplicate room id "${r.id}"`);
      roomIds.add(r.id);
    });
  });
  const topicIds = new Set<string>();
  inst.topics.forEach((t, i) => {
    if (topicIds.has(t.id)) err(`topics[${i}].id`, `duplicate topic id "${t.id}"`);
    topicIds.add(t.id);
    const d = t.durationMinutes;
    if (!Number.isInteger(d) || d <= 0 || d % inst.slotMinutes !== 0 || d > 1440) {
      err(`topics[${i}].durationMinutes`, "must be a positive multiple of slotMinutes");
    }
    if (t.minParticipants > t.maxParticipants) err(`topics[${i}].minParticipants`, "must be ≤ maxParticipants");
  });
  const trainerIds = new Set<string>();
  inst.trainers.forEach((tr, i) => {
    if (trainerIds.has(tr.id)) err(`trainers[${i}].id`, `duplicate trainer id "${tr.id}"`);
    trainerIds.add(tr.id);
    tr.topics.forEach((t, j) => topicIds.has(t) || err(`trainers[${i}].topics[${j}]`, `unknown topic "${t}"`));
    tr.sites.forEach((s, j) => siteIds.has(s) || err(`trainers[${i}].sites[${j}]`, `unknown site "${s}"`));
    tr.availability.forEach((w, j) => {
      if (parseTime(w.from) >= parseTime(w.to)) err(`trainers[${i}].availability[${j}].to`, "must be after from");
    });
  });
  const pairs = new Set<string>();
  inst.demand.forEach((d, i) => {
    if (!topicIds.has(d.topicId)) err(`demand[${i}].topicId`, `unknown topic "${d.topicId}"`);
    const key = `${d.personId}\u0000${d.topicId}`;
    if (pairs.has(key)) err(`demand[${i}]`, `duplicate demand for person "${d.personId}" and topic "${d.topicId}"`);
    pairs.add(key);
    d.sites.forEach((s, j) => siteIds.has(s) || err(`demand[${i}].sites[${j}]`, `unknown site "${s}"`));
    d.windows.forEach((w, j) => {
      if (!isTime(w.from)) err(`demand[${i}].windows[${j}].from`, 'must be a time "HH:MM"');
      else if (!isTime(w.to)) err(`demand[${i}].windows[${j}].to`, 'must be a time "HH:MM"');
      else if (parseTime(w.from) >= parseTime(w.to)) err(`demand[${i}].windows[${j}].to`, "must be after from");
    });
  });
  inst.reserved?.forEach((x, i) => {
    const at = `reserved[${i}]`;
    if (!trainerIds.has(x.trainerId)) err(`${at}.trainerId`, `unknown trainer "${x.trainerId}"`);
    if (x.siteId === "online") {
      if (x.roomId !== null) err(`${at}.roomId`, 'must be null for an on-line session (siteId "online")');
    } else if (!siteIds.has(x.siteId)) err(`${at}.siteId`, `unknown site "${x.siteId}"`);
    else if (x.roomId === null) err(`${at}.roomId`, "must be a room of the site for an in-person session");
    else if (!roomIds.has(x.roomId)) err(`${at}.roomId`, `unknown room "${x.roomId}"`);
    else if (!inst.sites.find((s) => s.id === x.siteId)!.rooms.some((r) => r.id === x.roomId)) {
      err(`${at}.roomId`, `room "${x.roomId}" is not at site "${x.siteId}"`);
    }
    if (parseDateTime(x.end, true) <= parseDateTime(x.start)) err(`${at}.end`, "must be after start");
  });
  return errors;
}
