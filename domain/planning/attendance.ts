import type { Instance } from "../../scheduler/types";
import { fromDateKey, isoWeekday } from "../centre-time";
import { parseClock, type LiveSession, type SessionSlot } from "./review";

export type Attendance = { attendeeIds: string[]; preferredAttendees: number; ifNeedBeAttendees: number };

/**
 * Who a (moved or re-staffed) session would serve, by the contract's rules 6–7: people with a
 * demand entry for its topic that has one single window containing the session (and, in person,
 * its site among the entry's sites); not already assigned to another live session of the same
 * topic in this run, and with no overlapping session of their own in this run. People for whom the
 * session lies in a preferred window come first, then if-need-be ones, in instance order; at most
 * `capacity` of them.
 */
export function expectedAttendance(
  instance: Instance,
  slot: SessionSlot,
  capacity: number,
  runSessions: readonly LiveSession[],
): Attendance {
  const topic = instance.topics.find((entry) => entry.id === slot.topicId);
  if (!topic) return { attendeeIds: [], preferredAttendees: 0, ifNeedBeAttendees: 0 };
  const weekday = isoWeekday(fromDateKey(slot.date));
  const taken = new Set<string>();
  for (const other of runSessions) {
    const overlapping = other.date === slot.date && other.startMinute < slot.endMinute && slot.startMinute < other.endMinute;
    if (other.topicId === slot.topicId || overlapping) for (const person of other.attendeeIds) taken.add(person);
  }

  const preferred: string[] = [];
  const ifNeedBe: string[] = [];
  for (const entry of instance.demand) {
    if (entry.topicId !== slot.topicId || taken.has(entry.personId)) continue;
    if (!topic.online && (slot.siteCode === null || !entry.sites.includes(slot.siteCode))) continue;
    let best: "preferred" | "ifNeedBe" | null = null;
    for (const window of entry.windows) {
      if (window.weekday !== weekday) continue;
      if (parseClock(window.from) > slot.startMinute || slot.endMinute > parseClock(window.to)) continue;
      if (window.strength === "preferred") best = "preferred";
      else best ??= "ifNeedBe";
    }
    if (best === "preferred") preferred.push(entry.personId);
    else if (best === "ifNeedBe") ifNeedBe.push(entry.personId);
  }
  const chosenPreferred = preferred.slice(0, capacity);
  const chosenIfNeedBe = ifNeedBe.slice(0, Math.max(0, capacity - chosenPreferred.length));
  return {
    attendeeIds: [...chosenPreferred, ...chosenIfNeedBe],
    preferredAttendees: chosenPreferred.length,
    ifNeedBeAttendees: chosenIfNeedBe.length,
  };
}
