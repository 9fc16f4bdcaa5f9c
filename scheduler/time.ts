// Calendar arithmetic on wall-clock dates. Everything goes through UTC day numbers so the
// server's time zone can never leak in (tests run in America/Los_Angeles on purpose).

const DAY_MS = 86_400_000;

/** "HH:MM" → minutes after midnight; "24:00" allowed as an end of day. */
export function parseTime(hhmm: string): number {
  const h = Number(hhmm.slice(0, 2));
  const m = Number(hhmm.slice(3, 5));
  return h * 60 + m;
}

export function isTime(s: string): boolean {
  if (!/^\d{2}:\d{2}$/.test(s)) return false;
  const h = Number(s.slice(0, 2));
  const m = Number(s.slice(3, 5));
  return (h < 24 && m < 60) || (h === 24 && m === 0);
}

export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** "YYYY-MM-DD" → days since 1970-01-01, or NaN if not a real date. */
export function dayNumber(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN;
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return Number.NaN;
  }
  return ms / DAY_MS;
}

export function formatDate(dayNum: number): string {
  return new Date(dayNum * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday (4). */
export function isoWeekday(dayNum: number): number {
  return ((((dayNum + 3) % 7) + 7) % 7) + 1;
}

/** Index of the Monday–Sunday week containing the day (1970-01-05 was a Monday). */
export function mondayWeek(dayNum: number): number {
  return Math.floor((dayNum - 4) / 7);
}

/** "YYYY-MM-DDTHH:MM" → minutes since 1970-01-01 00:00 (wall clock), or NaN. "T24:00" is allowed
 * only with `endOfDay` (an end time), as in "HH:MM" times. */
export function parseDateTime(s: string, endOfDay = false): number {
  if (s.length !== 16 || s[10] !== "T") return Number.NaN;
  const day = dayNumber(s.slice(0, 10));
  const hhmm = s.slice(11);
  if (Number.isNaN(day) || !isTime(hhmm) || (!endOfDay && hhmm === "24:00")) return Number.NaN;
  return day * 1440 + parseTime(hhmm);
}
