import type { Instance } from "../../scheduler/types";
import { addDays, centreInstant, clockTime as clock, fromDateKey, isoWeekday } from "../centre-time";

/**
 * A manager's edit of a proposed session is checked against the same hard constraints as the
 * scheduler's output (contract rules 1–5), on the run's frozen instance, and against the sessions
 * that are live now: the run's other PROPOSED/APPROVED sessions and every SCHEDULED TrainingSession.
 * Plain data in, violations out (machine codes and parameters; clients phrase them).
 */

/** Wall-clock session as the checks see it. `siteCode` is the instance's site id, null on-line. */
export type SessionSlot = {
  topicId: string;
  trainerId: string;
  siteCode: string | null;
  roomId: string | null;
  /** "YYYY-MM-DD" */
  date: string;
  startMinute: number;
  endMinute: number;
};

/** Another session that occupies a trainer, a room or a person. */
export type LiveSession = SessionSlot & { id: string; attendeeIds: readonly string[]; kind: "proposal" | "session" };

export type ViolationCode =
  | "TOPIC_NOT_IN_RUN"
  | "TRAINER_NOT_IN_RUN"
  | "TRAINER_NOT_QUALIFIED"
  | "TRAINER_NOT_AT_SITE"
  | "OUTSIDE_HORIZON"
  | "SITE_CLOSED"
  | "TRAINER_DAY_OFF"
  | "OFF_SLOT_GRID"
  | "WRONG_DURATION"
  | "OUTSIDE_OPENING_HOURS"
  | "OUTSIDE_ONLINE_HOURS"
  | "OUTSIDE_TRAINER_AVAILABILITY"
  | "ROOM_REQUIRED"
  | "ROOM_NOT_ONLINE"
  | "ROOM_NOT_AT_SITE"
  | "ROOM_OVERLAP"
  | "TRAINER_OVERLAP"
  | "TRAINER_OTHER_SITE"
  | "WEEKLY_HOURS_EXCEEDED"
  | "MAX_SESSIONS_REACHED"
  | "STARTS_IN_THE_PAST";

export const VIOLATION_CODES: readonly ViolationCode[] = [
  "TOPIC_NOT_IN_RUN", "TRAINER_NOT_IN_RUN", "TRAINER_NOT_QUALIFIED", "TRAINER_NOT_AT_SITE", "OUTSIDE_HORIZON",
  "SITE_CLOSED", "TRAINER_DAY_OFF", "OFF_SLOT_GRID", "WRONG_DURATION", "OUTSIDE_OPENING_HOURS", "OUTSIDE_ONLINE_HOURS",
  "OUTSIDE_TRAINER_AVAILABILITY", "ROOM_REQUIRED", "ROOM_NOT_ONLINE", "ROOM_NOT_AT_SITE", "ROOM_OVERLAP",
  "TRAINER_OVERLAP", "TRAINER_OTHER_SITE", "WEEKLY_HOURS_EXCEEDED", "MAX_SESSIONS_REACHED", "STARTS_IN_THE_PAST",
];

/** Parameters are facts (dates "YYYY-MM-DD", times "HH:MM", ids, numbers), never sentences. */
export type Violation = { code: ViolationCode; params: Record<string, string | number> };

export const ONLINE_DAY = { from: 8 * 60, to: 20 * 60 } as const;

/** A session nobody could attend any more: its start on the centre's clock has passed. */
export function startsInThePast(slot: Pick<SessionSlot, "date" | "startMinute">, now: Date): Violation[] {
  return centreInstant(fromDateKey(slot.date), slot.startMinute).getTime() <= now.getTime()
    ? [{ code: "STARTS_IN_THE_PAST", params: { date: slot.date, start: clock(slot.startMinute) } }]
    : [];
}

export function parseClock(text: string): number {
  const [hours, minutes] = text.split(":").map(Number);
  return hours * 60 + minutes;
}

const overlaps = (a: SessionSlot, b: SessionSlot) =>
  a.date === b.date && a.startMinute < b.endMinute && b.startMinute < a.endMinute;

/** Monday ("YYYY-MM-DD") of the ISO week holding `date`. */
export function weekStart(date: string): string {
  const day = fromDateKey(date);
  return addDays(day, 1 - isoWeekday(day)).toISOString().slice(0, 10);
}

/** The capacity the contract demands: min(room capacity, maxParticipants), maxParticipants on-line. */
export function contractCapacity(instance: Instance, topicId: string, roomId: string | null): number | null {
  const topic = instance.topics.find((entry) => entry.id === topicId);
  if (!topic) return null;
  if (roomId === null) return topic.maxParticipants;
  const room = instance.sites.flatMap((site) => site.rooms).find((entry) => entry.id === roomId);
  return room ? Math.min(room.capacity, topic.maxParticipants) : null;
}

/** The site (instance id) a room belongs to, or null when the instance has no such room. */
export function siteOfRoom(instance: Instance, roomId: string): string | null {
  return instance.sites.find((site) => site.rooms.some((room) => room.id === roomId))?.id ?? null;
}

/** Rules 1–3 and 5: the session on its own, against the frozen instance. */
function checkAgainstInstance(instance: Instance, slot: SessionSlot, others: readonly LiveSession[]): Violation[] {
  const violations: Violation[] = [];
  const topic = instance.topics.find((entry) => entry.id === slot.topicId);
  if (!topic) return [{ code: "TOPIC_NOT_IN_RUN", params: {} }];
  const trainer = instance.trainers.find((entry) => entry.id === slot.trainerId);
  const online = topic.online;
  const from = clock(slot.startMinute);
  const to = clock(slot.endMinute);

  const horizonStart = fromDateKey(instance.horizon.start);
  const day = fromDateKey(slot.date);
  const offset = Math.round((day.getTime() - horizonStart.getTime()) / 86_400_000);
  if (offset < 0 || offset >= instance.horizon.days) {
    const last = addDays(horizonStart, instance.horizon.days - 1).toISOString().slice(0, 10);
    violations.push({ code: "OUTSIDE_HORIZON", params: { date: slot.date, first: instance.horizon.start, last } });
  }
  if (slot.startMinute % instance.slotMinutes !== 0) {
    violations.push({ code: "OFF_SLOT_GRID", params: { start: from, slotMinutes: instance.slotMinutes } });
  }
  if (slot.endMinute - slot.startMinute !== topic.durationMinutes) {
    violations.push({ code: "WRONG_DURATION", params: { durationMinutes: topic.durationMinutes } });
  }

  if (online) {
    if (slot.roomId !== null) violations.push({ code: "ROOM_NOT_ONLINE", params: {} });
    if (slot.startMinute < ONLINE_DAY.from || slot.endMinute > ONLINE_DAY.to) {
      violations.push({ code: "OUTSIDE_ONLINE_HOURS", params: { from, to, opens: clock(ONLINE_DAY.from), closes: clock(ONLINE_DAY.to) } });
    }
  } else if (slot.roomId === null || slot.siteCode === null) {
    violations.push({ code: "ROOM_REQUIRED", params: {} });
  } else {
    const site = instance.sites.find((entry) => entry.id === slot.siteCode);
    if (!site || !site.rooms.some((room) => room.id === slot.roomId)) {
      violations.push({ code: "ROOM_NOT_AT_SITE", params: { roomId: slot.roomId, site: slot.siteCode } });
    } else {
      if ((site.closedDates ?? []).includes(slot.date)) {
        violations.push({ code: "SITE_CLOSED", params: { site: site.id, date: slot.date } });
      }
      if (slot.startMinute < parseClock(site.opens) || slot.endMinute > parseClock(site.closes)) {
        violations.push({ code: "OUTSIDE_OPENING_HOURS", params: { site: site.id, from, to, opens: site.opens, closes: site.closes } });
      }
    }
  }

  if (!trainer) {
    violations.push({ code: "TRAINER_NOT_IN_RUN", params: { trainerId: slot.trainerId } });
  } else {
    if (!trainer.topics.includes(topic.id)) violations.push({ code: "TRAINER_NOT_QUALIFIED", params: { trainerId: trainer.id } });
    // Any of the trainer's sites may give an on-line session; in person, the session's site must be one.
    const siteOk = online ? trainer.sites.length > 0 : slot.siteCode !== null && trainer.sites.includes(slot.siteCode);
    if (!siteOk) violations.push({ code: "TRAINER_NOT_AT_SITE", params: { trainerId: trainer.id, site: slot.siteCode ?? "online" } });
    if ((trainer.unavailableDates ?? []).includes(slot.date)) {
      violations.push({ code: "TRAINER_DAY_OFF", params: { trainerId: trainer.id, date: slot.date } });
    }
    const weekday = isoWeekday(day);
    const inside = trainer.availability.some(
      (window) => window.weekday === weekday && parseClock(window.from) <= slot.startMinute && slot.endMinute <= parseClock(window.to),
    );
    if (!inside) violations.push({ code: "OUTSIDE_TRAINER_AVAILABILITY", params: { trainerId: trainer.id, date: slot.date, from, to } });
  }

  if (topic.maxSessions !== undefined) {
    const sameTopic = others.filter((other) => other.kind === "proposal" && other.topicId === topic.id).length;
    if (sameTopic + 1 > topic.maxSessions) violations.push({ code: "MAX_SESSIONS_REACHED", params: { maxSessions: topic.maxSessions } });
  }
  return violations;
}

/** Rule 4: rooms and trainers are not double-booked, one physical site a day, weekly hours. */
function checkAgainstOthers(instance: Instance, slot: SessionSlot, others: readonly LiveSession[]): Violation[] {
  const violations: Violation[] = [];
  for (const other of others) {
    if (!overlaps(slot, other)) continue;
    const params = { date: other.date, from: clock(other.startMinute), to: clock(other.endMinute), otherId: other.id, otherKind: other.kind };
    if (slot.roomId !== null && other.roomId === slot.roomId) violations.push({ code: "ROOM_OVERLAP", params });
    if (other.trainerId === slot.trainerId) violations.push({ code: "TRAINER_OVERLAP", params });
  }
  if (slot.siteCode !== null) {
    const elsewhere = others.find(
      (other) => other.trainerId === slot.trainerId && other.date === slot.date && other.siteCode !== null && other.siteCode !== slot.siteCode,
    );
    if (elsewhere) violations.push({ code: "TRAINER_OTHER_SITE", params: { date: slot.date, site: elsewhere.siteCode! } });
  }
  const trainer = instance.trainers.find((entry) => entry.id === slot.trainerId);
  if (trainer) {
    const week = weekStart(slot.date);
    const minutes = others
      .filter((other) => other.trainerId === slot.trainerId && weekStart(other.date) === week)
      .reduce((sum, other) => sum + (other.endMinute - other.startMinute), slot.endMinute - slot.startMinute);
    if (minutes > trainer.maxHoursPerWeek * 60) {
      violations.push({
        code: "WEEKLY_HOURS_EXCEEDED",
        params: { trainerId: trainer.id, week, hours: Math.round((minutes / 60) * 10) / 10, maxHours: trainer.maxHoursPerWeek },
      });
    }
  }
  return violations;
}

/**
 * Every hard-constraint violation of `slot`; empty when it may stand. `others` must not contain the
 * session itself (nor its own TrainingSession once approved).
 */
export function checkSession(instance: Instance, slot: SessionSlot, others: readonly LiveSession[]): Violation[] {
  return [...checkAgainstInstance(instance, slot, others), ...checkAgainstOthers(instance, slot, others)];
}
