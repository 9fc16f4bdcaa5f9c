import { z } from "zod";

/**
 * Weekly availability on the Training Centre's wall clock (Europe/Moscow): ISO weekday 1 = Monday …
 * 7 = Sunday, minutes after midnight. The grid is Monday–Sunday × 08:00–20:00 in 30-minute cells.
 */
export const AVAILABILITY_GRID = {
  slotMinutes: 30,
  dayStartMinute: 8 * 60,
  dayEndMinute: 20 * 60,
  /** 7 days × 24 cells would be 168 single cells; painted grids merge into far fewer windows. */
  maxWindows: 100,
} as const;

export type AvailabilityStrength = "PREFERRED" | "IF_NEED_BE";

export type WeeklyWindow = {
  readonly weekday: number;
  readonly startMinute: number;
  readonly endMinute: number;
  readonly strength: AvailabilityStrength;
};

/** 0 = not available, 1 = if need be, 2 = preferred: "weaker" is the smaller level. */
export type Level = 0 | 1 | 2;
export const levelOf = (strength: AvailabilityStrength): Level => (strength === "PREFERRED" ? 2 : 1);
export const strengthOf = (level: 1 | 2): AvailabilityStrength => (level === 2 ? "PREFERRED" : "IF_NEED_BE");

const { slotMinutes, dayStartMinute, dayEndMinute, maxWindows } = AVAILABILITY_GRID;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

// One message per bad minute: the first rule it breaks.
const gridMinute = z
  .number()
  .int()
  .superRefine((minute, ctx) => {
    const message =
      minute < dayStartMinute
        ? `must be at or after ${hhmm(dayStartMinute)} (${dayStartMinute})`
        : minute > dayEndMinute
          ? `must be at or before ${hhmm(dayEndMinute)} (${dayEndMinute})`
          : minute % slotMinutes !== 0
            ? `must be a multiple of ${slotMinutes} minutes`
            : null;
    if (message) ctx.addIssue({ code: "custom", message });
  });

export const weeklyWindowSchema = z
  .object({
    weekday: z.number().int().min(1, { message: "must be 1 (Monday) … 7 (Sunday)" }).max(7, { message: "must be 1 (Monday) … 7 (Sunday)" }),
    startMinute: gridMinute,
    endMinute: gridMinute,
    strength: z.enum(["PREFERRED", "IF_NEED_BE"]),
  })
  .superRefine((window, ctx) => {
    if (window.startMinute >= window.endMinute) {
      ctx.addIssue({ code: "custom", path: ["endMinute"], message: "must be after startMinute" });
    }
  });

/**
 * A set of windows as a grid editor paints it: on the grid, at most `maxWindows`, and no two
 * windows of one weekday overlap (a cell has one strength). Adjacent windows are fine (merged later).
 */
export const weeklyWindowsSchema = z
  .array(weeklyWindowSchema)
  .max(maxWindows, { message: `at most ${maxWindows} windows` })
  .superRefine((windows, ctx) => {
    const order = windows
      .map((window, index) => ({ window, index }))
      .filter(({ window }) => window.startMinute < window.endMinute)
      .sort((a, b) => a.window.weekday - b.window.weekday || a.window.startMinute - b.window.startMinute);
    for (let i = 1; i < order.length; i++) {
      const previous = order[i - 1];
      const current = order[i];
      if (current.window.weekday === previous.window.weekday && current.window.startMinute < previous.window.endMinute) {
        ctx.addIssue({
          code: "custom",
          path: [current.index, "startMinute"],
          message: `overlaps window ${previous.index} (weekday ${previous.window.weekday}, ${hhmm(previous.window.startMinute)}–${hhmm(previous.window.endMinute)})`,
        });
      }
    }
  });

/**
 * Combines window sets weekday by weekday: each set is read as a level per moment (the strongest of
 * its windows covering it), `combine` turns the sets' levels into one, and the result is emitted as
 * disjoint windows, sorted, with touching pieces of equal strength joined (so each is maximal for
 * its strength). Works on any minute boundaries, not only the grid.
 */
export function combineWindows(sets: ReadonlyArray<ReadonlyArray<WeeklyWindow>>, combine: (levels: Level[]) => Level): WeeklyWindow[] {
  const out: WeeklyWindow[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const day = sets.map((set) => set.filter((window) => window.weekday === weekday && window.startMinute < window.endMinute));
    const bounds = [...new Set(day.flatMap((set) => set.flatMap((window) => [window.startMinute, window.endMinute])))].sort((a, b) => a - b);
    let open: { startMinute: number; endMinute: number; level: 1 | 2 } | null = null;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = bounds[i];
      const to = bounds[i + 1];
      const level = combine(day.map((set) => levelCovering(set, from, to)));
      if (open && (level !== open.level || open.endMinute !== from)) {
        out.push({ weekday, startMinute: open.startMinute, endMinute: open.endMinute, strength: strengthOf(open.level) });
        open = null;
      }
      if (level === 0) continue;
      if (open) open.endMinute = to;
      else open = { startMinute: from, endMinute: to, level };
    }
    if (open) out.push({ weekday, startMinute: open.startMinute, endMinute: open.endMinute, strength: strengthOf(open.level) });
  }
  return out;
}

function levelCovering(windows: ReadonlyArray<WeeklyWindow>, from: number, to: number): Level {
  let level: Level = 0;
  for (const window of windows) {
    if (window.startMinute <= from && to <= window.endMinute) level = Math.max(level, levelOf(window.strength)) as Level;
  }
  return level;
}

/** Sorted, disjoint, adjacent equal-strength windows merged; where windows overlap the stronger wins. */
export function normalizeWindows(windows: ReadonlyArray<WeeklyWindow>): WeeklyWindow[] {
  return combineWindows([windows], ([level]) => level);
}
