/**
 * The Training Centre's wall clock. Sessions are planned in local dates and minutes after midnight
 * (as the scheduler contract does); instants (timestamptz) are derived here, in one place, for
 * sorting, reminders and calendar files. Dates from `@db.Date` columns arrive as UTC midnights.
 */
export const CENTRE_TIMEZONE = "Europe/Moscow";

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" of a `@db.Date` value (a UTC midnight). */
export function dateKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The `@db.Date` value (UTC midnight) of "YYYY-MM-DD"; throws on anything else. */
export function fromDateKey(key: string): Date {
  const match = DATE_KEY.exec(key);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || dateKey(date) !== key) throw new RangeError(`not a calendar date: ${key}`);
  return date;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** ISO weekday of a `@db.Date` value: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: Date): number {
  return ((date.getUTCDay() + 6) % 7) + 1;
}

/** "HH:MM" of minutes after midnight. */
export function clockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

const offsetFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: CENTRE_TIMEZONE,
  hourCycle: "h23",
  year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
});

/** Minutes the centre's clock is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(offsetFormat.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which the centre's clock shows `minute` on `date`. */
export function centreInstant(date: Date, minute: number): Date {
  const naive = date.getTime() + minute * 60_000;
  // Two passes settle the offset even across a (historical) offset change.
  let instant = new Date(naive - offsetMinutes(new Date(naive)) * 60_000);
  instant = new Date(naive - offsetMinutes(instant) * 60_000);
  return instant;
}

/** The centre's wall-clock date (UTC midnight) and minute of `instant`. */
export function centreWallClock(instant: Date): { date: Date; minute: number } {
  const local = new Date(instant.getTime() + offsetMinutes(instant) * 60_000);
  const date = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  return { date, minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}
