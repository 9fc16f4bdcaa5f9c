// Compile a validated instance into index-based arrays the search can work on quickly.
// Times are in slots of `slotMinutes` anchored at midnight; days are indices into the horizon.
import type { Instance } from "./types";
import { dayNumber, formatDate, isoWeekday, mondayWeek, parseTime } from "./time";
import type { ModelReserved } from "./reserved";
import { compileReserved } from "./reserved";

export const ONLINE_OPENS = 8 * 60;
export const ONLINE_CLOSES = 20 * 60;

export interface MSite {
  id: string;
  opens: number; // minutes
  closes: number;
  closed: Uint8Array; // per day
  rooms: number[]; // global room indices
}

export interface MTopic {
  id: string;
  dur: number; // minutes
  durSlots: number;
  online: boolean;
  min: number;
  max: number;
  maxSessions: number; // Infinity when absent
  trainers: number[];
  pairs: number[];
}

export interface MTrainer {
  id: string;
  teaches: Uint8Array; // per topic
  sites: number[]; // physical site indices
  siteOk: Uint8Array; // per physical site
  windows: [number, number][][]; // per weekday 1..7 (index 0 unused): [from, to] minutes
  unavailable: Uint8Array; // per day
  maxWeekMinutes: number;
  minTopicDur: number;
  /** Demand only this trainer can serve, in session-minutes per available minute: when several
   * trainers could give a session, the one whose time is least needed elsewhere should. */
  exclusiveLoad: number;
}

export interface Model {
  inst: Instance;
  g: number;
  slotsPerDay: number;
  nDays: number;
  dayNum: number[];
  dayWeekday: number[];
  dayWeek: number[]; // 0-based week index within the horizon
  nWeeks: number;
  sites: MSite[];
  /** Index used for on-line sessions in site-indexed arrays. */
  online: number;
  rooms: { id: string; site: number; capacity: number }[];
  topics: MTopic[];
  trainers: MTrainer[];
  persons: string[];
  nPairs: number;
  pairPerson: Int32Array;
  pairTopic: Int32Array;
  pairSite: Uint8Array; // nPairs × nSites
  winStart: Int32Array; // nPairs + 1 offsets into win arrays
  winWeekday: Uint8Array;
  winFrom: Int32Array;
  winTo: Int32Array;
  winPref: Uint8Array;
  /** Extension: occupancy of sessions that already exist; null when there are none in the horizon. */
  reserved: ModelReserved | null;
}

export function buildModel(inst: Instance): Model {
  const g = inst.slotMinutes;
  const nDays = inst.horizon.days;
  const d0 = dayNumber(inst.horizon.start);
  const dayNum: number[] = [];
  const dayWeekday: number[] = [];
  const dayWeek: number[] = [];
  const w0 = mondayWeek(d0);
  for (let i = 0; i < nDays; i++) {
    dayNum.push(d0 + i);
    dayWeekday.push(isoWeekday(d0 + i));
    dayWeek.push(mondayWeek(d0 + i) - w0);
  }
  const nWeeks = dayWeek[nDays - 1] + 1;
  const dayIndex = new Map<string, number>();
  for (let i = 0; i < nDays; i++) dayIndex.set(formatDate(d0 + i), i);
  const dayMask = (dates: readonly string[] | undefined) => {
    const m = new Uint8Array(nDays);
    for (const s of dates ?? []) {
      const i = dayIndex.get(s);
      if (i !== undefined) m[i] = 1;
    }
    return m;
  };

  const rooms: Model["rooms"] = [];
  const siteIndex = new Map<string, number>();
  const sites: MSite[] = inst.sites.map((s, si) => {
    siteIndex.set(s.id, si);
    const roomIdx = s.rooms.map((r) => rooms.push({ id: r.id, site: si, capacity: r.capacity }) - 1);
    return { id: s.id, opens: parseTime(s.opens), closes: parseTime(s.closes), closed: dayMask(s.closedDates), rooms: roomIdx };
  });
  const nSites = sites.length;

  const topicIndex = new Map<string, number>();
  const topics: MTopic[] = inst.topics.map((t, ti) => {
    topicIndex.set(t.id, ti);
    return {
      id: t.id,
      dur: t.durationMinutes,
      durSlots: t.durationMinutes / g,
      online: t.online,
      min: t.minParticipants,
      max: t.maxParticipants,
      maxSessions: t.maxSessions ?? Number.POSITIVE_INFINITY,
      trainers: [],
      pairs: [],
    };
  });

  const trainers: MTrainer[] = inst.trainers.map((tr, ri) => {
    const teaches = new Uint8Array(topics.length);
    for (const t of tr.topics) teaches[topicIndex.get(t)!] = 1;
    const siteOk = new Uint8Array(nSites);
    for (const s of tr.sites) siteOk[siteIndex.get(s)!] = 1;
    const windows: [number, number][][] = [[], [], [], [], [], [], [], []];
    for (const w of tr.availability) windows[w.weekday].push([parseTime(w.from), parseTime(w.to)]);
    let minTopicDur = Number.POSITIVE_INFINITY;
    teaches.forEach((on, ti) => {
      if (!on) return;
      topics[ti].trainers.push(ri);
      minTopicDur = Math.min(minTopicDur, topics[ti].dur);
    });
    return {
      id: tr.id,
      teaches,
      sites: [...siteOk.keys()].filter((s) => siteOk[s]),
      siteOk,
      windows,
      unavailable: dayMask(tr.unavailableDates),
      maxWeekMinutes: Math.round(tr.maxHoursPerWeek * 60 * 1000) / 1000,
      minTopicDur,
      exclusiveLoad: 0,
    };
  });

  const personIndex = new Map<string, number>();
  const persons: string[] = [];
  const nPairs = inst.demand.length;
  const pairPerson = new Int32Array(nPairs);
  const pairTopic = new Int32Array(nPairs);
  const pairSite = new Uint8Array(nPairs * nSites);
  const winStart = new Int32Array(nPairs + 1);
  let nWin = 0;
  for (const d of inst.demand) nWin += d.windows.length;
  const winWeekday = new Uint8Array(nWin);
  const winFrom = new Int32Array(nWin);
  const winTo = new Int32Array(nWin);
  const winPref = new Uint8Array(nWin);
  let k = 0;
  inst.demand.forEach((d, q) => {
    let p = personIndex.get(d.personId);
    if (p === undefined) {
      p = persons.push(d.personId) - 1;
      personIndex.set(d.personId, p);
    }
    pairPerson[q] = p;
    const t = topicIndex.get(d.topicId)!;
    pairTopic[q] = t;
    topics[t].pairs.push(q);
    for (const s of d.sites) pairSite[q * nSites + siteIndex.get(s)!] = 1;
    winStart[q] = k;
    for (const w of d.windows) {
      winWeekday[k] = w.weekday;
      winFrom[k] = parseTime(w.from);
      winTo[k] = parseTime(w.to);
      winPref[k] = w.strength === "preferred" ? 1 : 0;
      k++;
    }
  });
  winStart[nPairs] = k;

  for (const t of topics) {
    if (t.trainers.length !== 1) continue;
    const sessions = Math.min(t.maxSessions, Math.ceil(t.pairs.length / t.max));
    trainers[t.trainers[0]].exclusiveLoad += sessions * t.dur;
  }
  for (const tr of trainers) tr.exclusiveLoad /= Math.max(1, tr.maxWeekMinutes * nWeeks);

  const m = {
    inst, g, slotsPerDay: 1440 / g, nDays, dayNum, dayWeekday, dayWeek, nWeeks, sites, online: nSites, rooms,
    topics, trainers, persons, nPairs, pairPerson, pairTopic, pairSite, winStart, winWeekday, winFrom, winTo, winPref,
  };
  return { ...m, reserved: compileReserved(inst, m) };
}

/** Weight (1, 0.5 or 0) of pair q for a session on `weekday` over minutes [a, b). */
export function pairWeight(m: Model, q: number, weekday: number, a: number, b: number): number {
  let w = 0;
  for (let k = m.winStart[q]; k < m.winStart[q + 1]; k++) {
    if (m.winWeekday[k] !== weekday || m.winFrom[k] > a || m.winTo[k] < b) continue;
    if (m.winPref[k]) return 1;
    w = 0.5;
  }
  return w;
}

/** Does the trainer have one availability window containing [a, b) on that weekday? */
export function trainerCovers(tr: MTrainer, weekday: number, a: number, b: number): boolean {
  for (const [f, t] of tr.windows[weekday]) if (f <= a && b <= t) return true;
  return false;
}

/** Opening hours of a site index (or the on-line 08:00–20:00 frame). */
export function siteHours(m: Model, site: number): [number, number] {
  if (site === m.online) return [ONLINE_OPENS, ONLINE_CLOSES];
  return [m.sites[site].opens, m.sites[site].closes];
}
