/**
 * The weekly availability grid as cells (Monday–Sunday × 08:00–20:00 in 30-minute slots) and its
 * conversion to and from the API's windows (maximal runs of one strength on one weekday).
 * Pure: shared by the grid component, the profile action and unit tests.
 */

export type Strength = "PREFERRED" | "IF_NEED_BE";
export type AvailabilityWindow = { weekday: number; startMinute: number; endMinute: number; strength: Strength };
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** One value per cell, index = (weekday - 1) * SLOTS + slot; null = not available. */
export type Cells = ReadonlyArray<Strength | null>;

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
export const DAY_START = 480; // 08:00
export const DAY_END = 1200; // 20:00
export const SLOT_MINUTES = 30;
export const SLOTS = (DAY_END - DAY_START) / SLOT_MINUTES; // 24
export const CELL_COUNT = WEEKDAYS.length * SLOTS; // 168

export function emptyCells(): Array<Strength | null> {
  return new Array<Strength | null>(CELL_COUNT).fill(null);
}

export function cellIndex(weekday: number, slot: number): number {
  return (weekday - 1) * SLOTS + slot;
}

export function cellPosition(index: number): { weekday: Weekday; slot: number } {
  return { weekday: (Math.floor(index / SLOTS) + 1) as Weekday, slot: index % SLOTS };
}

export function slotStart(slot: number): number {
  return DAY_START + slot * SLOT_MINUTES;
}

/** 540 → "09:00". */
export function formatMinute(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/**
 * Windows → cells. Windows outside the grid are clipped; when windows overlap, PREFERRED wins
 * over IF_NEED_BE (the API never sends overlaps; this only keeps bad input harmless).
 */
export function windowsToCells(windows: readonly AvailabilityWindow[] | null | undefined): Array<Strength | null> {
  const cells = emptyCells();
  for (const w of windows ?? []) {
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) continue;
    const from = Math.max(0, Math.floor((w.startMinute - DAY_START) / SLOT_MINUTES));
    const to = Math.min(SLOTS, Math.ceil((w.endMinute - DAY_START) / SLOT_MINUTES));
    for (let slot = from; slot < to; slot++) {
      const i = cellIndex(w.weekday, slot);
      if (cells[i] !== "PREFERRED") cells[i] = w.strength;
    }
  }
  return cells;
}

/** Cells → maximal windows, sorted by weekday then start (the API's normal form). */
export function cellsToWindows(cells: Cells): AvailabilityWindow[] {
  const windows: AvailabilityWindow[] = [];
  for (const weekday of WEEKDAYS) {
    let slot = 0;
    while (slot < SLOTS) {
      const strength = cells[cellIndex(weekday, slot)] ?? null;
      if (!strength) {
        slot++;
        continue;
      }
      let end = slot + 1;
      while (end < SLOTS && cells[cellIndex(weekday, end)] === strength) end++;
      windows.push({ weekday, startMinute: slotStart(slot), endMinute: slotStart(end), strength });
      slot = end;
    }
  }
  return windows;
}

/** The cells of the rectangle between two cells (inclusive), for Shift+arrow selections. */
export function rectangle(a: number, b: number): number[] {
  const pa = cellPosition(a);
  const pb = cellPosition(b);
  const out: number[] = [];
  for (let d = Math.min(pa.weekday, pb.weekday); d <= Math.max(pa.weekday, pb.weekday); d++) {
    for (let s = Math.min(pa.slot, pb.slot); s <= Math.max(pa.slot, pb.slot); s++) out.push(cellIndex(d, s));
  }
  return out;
}

export type SummaryLine = { weekdays: Weekday[]; startMinute: number; endMinute: number; strength: Strength };

/**
 * A summary in words: windows with the same time and strength on several days are grouped
 * ("Tue, Thu 08:00–12:00 — preferred"). Preferred lines first, then by first weekday and time.
 */
export function summarize(windows: readonly AvailabilityWindow[]): SummaryLine[] {
  const groups = new Map<string, SummaryLine>();
  for (const w of windows) {
    const key = `${w.strength}:${w.startMinute}:${w.endMinute}`;
    const line = groups.get(key);
    if (line) {
      if (!line.weekdays.includes(w.weekday as Weekday)) line.weekdays.push(w.weekday as Weekday);
    } else {
      groups.set(key, { weekdays: [w.weekday as Weekday], startMinute: w.startMinute, endMinute: w.endMinute, strength: w.strength });
    }
  }
  const rank = (s: Strength) => (s === "PREFERRED" ? 0 : 1);
  return [...groups.values()]
    .map((l) => ({ ...l, weekdays: [...l.weekdays].sort((a, b) => a - b) }))
    .sort(
      (a, b) =>
        rank(a.strength) - rank(b.strength) || a.weekdays[0] - b.weekdays[0] || a.startMinute - b.startMinute,
    );
}

/** Parses the hidden form field (JSON) strictly: anything malformed becomes null. */
export function parseWindowsJson(value: unknown): AvailabilityWindow[] | null {
  if (typeof value !== "string") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const out: AvailabilityWindow[] = [];
  for (const item of parsed) {
    if (typeof item !== "object" || item === null) return null;
    const { weekday, startMinute, endMinute, strength } = item as Record<string, unknown>;
    if (typeof weekday !== "number" || typeof startMinute !== "number" || typeof endMinute !== "number") return null;
    if (strength !== "PREFERRED" && strength !== "IF_NEED_BE") return null;
    out.push({ weekday, startMinute, endMinute, strength });
  }
  return out;
}
