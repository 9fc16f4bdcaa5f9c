import type { Proposal } from "../../scheduler/types";
import { fromDateKey } from "../centre-time";

/** A contract session mapped back to the database: local date, minutes, site id (null on-line). */
export type ProposedSessionRow = {
  runId: string;
  topicId: string;
  trainerId: string;
  siteId: string | null;
  roomId: string | null;
  date: Date;
  startMinute: number;
  endMinute: number;
  capacity: number;
  attendeeIds: string[];
  preferredAttendees: number;
  ifNeedBeAttendees: number;
};

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** "YYYY-MM-DDTHH:MM" (centre wall clock) → the `@db.Date` day and minutes after midnight. */
export function parseStamp(stamp: string): { date: Date; minute: number } {
  const match = STAMP.exec(stamp);
  if (!match) throw new RangeError(`not a local date-time: ${stamp}`);
  return { date: fromDateKey(match[1]), minute: Number(match[2]) * 60 + Number(match[3]) };
}

/**
 * The proposal's sessions as ProposedSession rows. `siteIdByCode` maps the instance's site codes
 * back to Site ids; an unknown code (a site deleted since the run started) throws.
 */
export function proposedSessionRows(runId: string, proposal: Pick<Proposal, "sessions">, siteIdByCode: ReadonlyMap<string, string>): ProposedSessionRow[] {
  return proposal.sessions.map((session) => {
    const start = parseStamp(session.start);
    const end = parseStamp(session.end);
    // A session never crosses midnight (it lies inside one day's window); "24:00" ends the day.
    const endMinute = end.date.getTime() === start.date.getTime() ? end.minute : end.minute + 1440;
    let siteId: string | null = null;
    if (session.siteId !== "online") {
      const id = siteIdByCode.get(session.siteId);
      if (!id) throw new Error(`the proposal names an unknown site "${session.siteId}"`);
      siteId = id;
    }
    return {
      runId,
      topicId: session.topicId,
      trainerId: session.trainerId,
      siteId,
      roomId: siteId ? session.roomId : null,
      date: start.date,
      startMinute: start.minute,
      endMinute,
      capacity: session.capacity,
      attendeeIds: [...session.attendees],
      preferredAttendees: session.preferredAttendees ?? 0,
      ifNeedBeAttendees: session.ifNeedBeAttendees ?? 0,
    };
  });
}
