import { combineWindows, type Level, type WeeklyWindow } from "./availability";

/**
 * Demand for the scheduler (../shared/scheduler-contract.md, `demand`): one entry per (person,
 * topic) the person voted for, with the sites and weekly windows in which they can attend.
 * Pure functions; `demand-loader.ts` feeds them from the database.
 */

export type ContractStrength = "preferred" | "ifNeedBe";
export type ContractWindow = { weekday: number; from: string; to: string; strength: ContractStrength };
export type DemandEntry = { personId: string; topicId: string; sites: string[]; windows: ContractWindow[] };

/** Webinars and distance programmes are delivered on-line: they need no room and ignore sites. */
export const ONLINE_FORMATS: ReadonlySet<string> = new Set(["WEBINAR", "DISTANCE"]);
export const isOnlineFormat = (format: string) => ONLINE_FORMATS.has(format);

/**
 * Where a person can attend one topic: their general weekly availability, narrowed by the windows
 * they gave on that vote (null or empty = not narrowed). At every moment the result has the weaker
 * of the two strengths: "preferred" narrowing over "if need be" general availability stays
 * "if need be"; a moment missing from either is not available. Disjoint, sorted, maximal per strength.
 */
export function effectiveWindows(general: ReadonlyArray<WeeklyWindow>, narrowing: ReadonlyArray<WeeklyWindow> | null): WeeklyWindow[] {
  if (!narrowing || narrowing.length === 0) return combineWindows([general], ([level]) => level);
  return combineWindows([general, narrowing], ([a, b]) => Math.min(a, b) as Level);
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/**
 * Emits availability as the contract's windows. The scheduler counts a session only when it lies
 * inside ONE window, so each stretch of time the person can attend without a break becomes one
 * window: a "preferred" window for every maximal preferred stretch, and an "ifNeedBe" window over
 * the whole available stretch whenever it contains any if-need-be time. A session across the
 * boundary of preferred 09:00–11:00 and if-need-be 11:00–13:00 then fits the ifNeedBe 09:00–13:00
 * window (weight 0.5) while one inside 09:00–11:00 still scores 1 (the contract takes the best).
 */
export function contractWindows(windows: ReadonlyArray<WeeklyWindow>): ContractWindow[] {
  const disjoint = combineWindows([windows], ([level]) => level);
  const out: ContractWindow[] = [];
  let i = 0;
  while (i < disjoint.length) {
    // One stretch: consecutive disjoint windows of the same weekday that touch.
    let j = i;
    while (j + 1 < disjoint.length && disjoint[j + 1].weekday === disjoint[i].weekday && disjoint[j + 1].startMinute === disjoint[j].endMinute) j++;
    const stretch = disjoint.slice(i, j + 1);
    if (stretch.some((window) => window.strength === "IF_NEED_BE")) {
      out.push({ weekday: stretch[0].weekday, from: hhmm(stretch[0].startMinute), to: hhmm(stretch[stretch.length - 1].endMinute), strength: "ifNeedBe" });
    }
    for (const window of stretch) {
      if (window.strength === "PREFERRED") {
        out.push({ weekday: window.weekday, from: hhmm(window.startMinute), to: hhmm(window.endMinute), strength: "preferred" });
      }
    }
    i = j + 1;
  }
  return out.sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.strength.localeCompare(b.strength));
}

export type DemandInput = {
  personId: string;
  topicId: string;
  /** The topic is delivered on-line (see isOnlineFormat): the person's sites do not apply. */
  online: boolean;
  /** Codes of the sites the person prefers ("strogino", "vdnkh"). */
  siteCodes: ReadonlyArray<string>;
  general: ReadonlyArray<WeeklyWindow>;
  /** The vote's narrowing windows; null or empty when the vote does not narrow. */
  narrowing: ReadonlyArray<WeeklyWindow> | null;
};

/**
 * One contract demand entry. A voter who gave no availability (or narrowed it to nothing) still
 * gets an entry with no windows: the demand pair exists, and the scheduler can report it unserved.
 * On-line topics get `sites: []` (the contract ignores sites for them); in-person topics get the
 * preferred site codes, sorted.
 */
export function demandEntry(input: DemandInput): DemandEntry {
  return {
    personId: input.personId,
    topicId: input.topicId,
    sites: input.online ? [] : [...new Set(input.siteCodes)].sort(),
    windows: contractWindows(effectiveWindows(input.general, input.narrowing)),
  };
}
