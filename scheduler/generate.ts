// Realistic instances, tiny to Moscow scale (15,000 staff, 170 topics, ~60k demand pairs,
// 14 trainers, 2 sites with 7 rooms, 28 days, 30-minute grid). Deterministic for a seed.
import type { DemandWindow, Instance, Site, Topic, Trainer, TimeWindow } from "./types";
import { makeRng, randInt } from "./rng";
import type { Rng } from "./rng";
import { dayNumber, formatDate, formatTime, isoWeekday } from "./time";

export interface GenParams {
  staff: number;
  topics: number;
  trainers: number;
  days: number;
  pairsPerPerson: number;
  /** Rooms per site, e.g. [4, 3]. */
  rooms: number[];
  onlineShare: number;
  seed: number;
  start?: string;
}

export const SIZES: Record<string, Omit<GenParams, "seed">> = {
  tiny: { staff: 40, topics: 4, trainers: 2, days: 7, pairsPerPerson: 1.5, rooms: [2], onlineShare: 0.25 },
  small: { staff: 300, topics: 12, trainers: 3, days: 14, pairsPerPerson: 2, rooms: [2, 1], onlineShare: 0.3 },
  medium: { staff: 2000, topics: 40, trainers: 5, days: 28, pairsPerPerson: 3, rooms: [2, 2], onlineShare: 0.3 },
  large: { staff: 6000, topics: 90, trainers: 9, days: 28, pairsPerPerson: 3.5, rooms: [3, 2], onlineShare: 0.3 },
  moscow: { staff: 15000, topics: 170, trainers: 14, days: 28, pairsPerPerson: 4, rooms: [4, 3], onlineShare: 0.3 },
};

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[randInt(rng, xs.length)];
const w = (weekday: number, from: number, to: number): TimeWindow => ({ weekday, from: formatTime(from), to: formatTime(to) });

export function generateInstance(p: GenParams): Instance {
  const rng = makeRng(p.seed);
  const start = p.start ?? "2026-12-07";
  const d0 = dayNumber(start);
  const siteNames = ["strogino", "vdnkh", "maryino", "tushino"];
  const sites: Site[] = p.rooms.map((n, si) => {
    const closedDates: string[] = [];
    for (let d = 0; d < p.days; d++) if (isoWeekday(d0 + d) === 7) closedDates.push(formatDate(d0 + d));
    if (p.days > 20 && si === 0) closedDates.push(formatDate(d0 + 11)); // a sanitary day
    const id = siteNames[si] ?? `site${si}`;
    return {
      id,
      opens: "08:00",
      closes: "20:00",
      closedDates,
      rooms: Array.from({ length: n }, (_, r) => ({ id: `${id}-${r + 1}`, capacity: pick(rng, [12, 16, 20, 24, 30]) })),
    };
  });

  const topics: Topic[] = Array.from({ length: p.topics }, (_, i) => {
    const online = rng() < p.onlineShare;
    const dur = pick(rng, [60, 90, 120, 120, 120, 180, 180, 240]);
    const max = online ? pick(rng, [25, 30, 40, 50]) : pick(rng, [12, 14, 16, 20, 24]);
    const t: Topic = {
      id: `topic-${String(i + 1).padStart(3, "0")}`,
      durationMinutes: dur,
      online,
      minParticipants: pick(rng, [4, 5, 6, 8]),
      maxParticipants: max,
      ...(rng() < 0.3 ? { maxSessions: 1 + randInt(rng, 6) } : {}),
    };
    return t;
  });

  // Each topic gets one or two trainers; trainers then pick up extra topics.
  const teach: Set<string>[] = Array.from({ length: p.trainers }, () => new Set());
  if (p.trainers > 0) {
    topics.forEach((t, i) => {
      teach[i % p.trainers].add(t.id);
      if (rng() < 0.6) teach[randInt(rng, p.trainers)].add(t.id);
    });
  }
  const patterns: ((wd: number) => [number, number][] | null)[] = [
    (wd) => (wd <= 5 ? [[9 * 60, 18 * 60]] : null), // office hours
    (wd) => (wd <= 5 ? [[12 * 60, 20 * 60]] : null), // late shift
    (wd) => (wd <= 4 ? [[8 * 60, 14 * 60], [15 * 60, 19 * 60]] : null), // split day
    (wd) => (wd === 1 || wd === 3 || wd === 5 || wd === 6 ? [[10 * 60, 19 * 60]] : null), // incl. Saturday
    (wd) => (wd >= 2 && wd <= 6 ? [[9 * 60, 17 * 60]] : null),
  ];
  const trainers: Trainer[] = teach.map((set, i) => {
    const pat = patterns[i % patterns.length];
    const availability: TimeWindow[] = [];
    for (let wd = 1; wd <= 7; wd++) for (const [f, t] of pat(wd) ?? []) availability.push(w(wd, f, t));
    const unavailableDates: string[] = [];
    const vac = randInt(rng, Math.max(1, p.days));
    for (let d = vac; d < Math.min(p.days, vac + (rng() < 0.3 ? 5 : 1)); d++) unavailableDates.push(formatDate(d0 + d));
    const mySites = sites.length ? (rng() < 0.5 ? sites.map((s) => s.id) : [sites[i % sites.length].id]) : [];
    return {
      id: `trainer-${i + 1}`,
      topics: [...set].sort(),
      sites: mySites,
      availability,
      unavailableDates,
      maxHoursPerWeek: pick(rng, [24, 30, 32, 36]),
    };
  });

  // Popularity: Zipf-like, so a few topics are wanted by many.
  const pop = topics.map((_, i) => 1 / Math.pow(i + 1, 0.7));
  const popSum = pop.reduce((a, b) => a + b, 0);
  const cum: number[] = [];
  pop.reduce((acc, x) => (cum.push((acc + x) / popSum), acc + x), 0);
  const sampleTopic = () => {
    const u = rng();
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Staff work shifts; they can study in their shift (preferred on quiet days, if need be otherwise).
  const shifts: [number, number][] = [[8 * 60, 14 * 60], [14 * 60, 20 * 60], [9 * 60, 18 * 60], [10 * 60, 16 * 60]];
  const demand: Instance["demand"][number][] = [];
  for (let s = 0; s < p.staff && topics.length; s++) {
    const personId = `p${String(s + 1).padStart(5, "0")}`;
    const home = sites.length ? sites[randInt(rng, sites.length)].id : null;
    const personSites = home === null ? [] : rng() < 0.25 ? sites.map((x) => x.id) : [home];
    const [sf, stt] = pick(rng, shifts);
    const workdays = [1, 2, 3, 4, 5, 6].filter(() => rng() < 0.75);
    const prefDays = new Set(workdays.filter(() => rng() < 0.5));
    const base: DemandWindow[] = workdays.map((wd) => ({
      ...w(wd, sf, stt),
      strength: prefDays.has(wd) ? ("preferred" as const) : ("ifNeedBe" as const),
    }));
    const n = Math.max(1, Math.round(p.pairsPerPerson * (0.5 + rng())));
    const chosen = new Set<number>();
    for (let k = 0; k < n * 3 && chosen.size < Math.min(n, topics.length); k++) chosen.add(sampleTopic());
    for (const ti of [...chosen].sort((a, b) => a - b)) {
      // Some votes narrow the time (e.g. "only mornings for this one").
      const windows = rng() < 0.2 ? base.filter(() => rng() < 0.6) : base;
      demand.push({ personId, topicId: topics[ti].id, sites: personSites, windows });
    }
  }
  return {
    version: 1,
    timezone: "Europe/Moscow",
    horizon: { start, days: p.days },
    slotMinutes: 30,
    sites,
    trainers,
    topics,
    demand,
  };
}
