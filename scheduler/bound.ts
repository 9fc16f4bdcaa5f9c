// Proven upper bound on servedWeight: the LP relaxation of an aggregated model.
//
// Sessions are aggregated to counts x per (topic, trainer availability window on a date, site,
// room-capacity level), with attendees y (preferred) and z (if-need-be) per (topic, window,
// site). Every real schedule maps onto a feasible point of this LP, so its optimum bounds the
// best schedule:
//   * attendees ≤ capacity × sessions and ≥ minParticipants × sessions;
//   * a trainer's sessions fit the minutes of the window (clipped to the site's hours), at one
//     physical site per day (fractional site choice u), and the week's maxHoursPerWeek;
//   * rooms: for every interval between window boundaries at a site and day, sessions that must
//     lie inside it fit into (rooms big enough) × its length (nested by capacity level);
//   * maxSessions per topic;
//   * people: attendees of a topic within a group of sessions ≤ the number of distinct pairs who
//     could attend any of them (per window shape, per site, per weekday, per topic), and the
//     same for preferred attendees. Each pair is served at most once per topic, so this holds.
// Ignored (hence a relaxation): exact start times, overlaps of one person's sessions,
// integrality. The model has ~10⁴–10⁵ columns at Moscow scale, which HiGHS (WASM) solves in
// seconds, unlike a time-indexed model.
import type { Model } from "./model";
import type { DemandIndex } from "./demand-index";
import { LpBuilder } from "./lp";
import { siteHours } from "./model";
import { reservedWeekMinutes } from "./reserved";

interface Entry {
  lo: number;
  hi: number;
  level: number;
  dur: number;
  col: number;
}

export interface BoundResult {
  bound: number;
  /** The LP's (fractional) sessions and weight per topic: a guide for the search. */
  topicSessions: number[];
  topicWeight: number[];
  /** Dual price of a trainer-minute per (trainer × nWeeks + week): the opportunity cost of the
   * trainer's time, used to steer the search. */
  trainerPrice: Float64Array;
  columns: number;
  rows: number;
}

export async function lpBound(
  m: Model,
  idx: DemandIndex,
  timeLimitSec: number,
  best?: Float64Array,
  bestBy?: { weekday: Float64Array; site: Float64Array },
): Promise<BoundResult | null> {
  const lp = new LpBuilder();
  // Minimum-group rows only bite where demand is thin; on large (supply-bound) instances they
  // never changed the bound but cost ~15% of the LP time, so they are left out there.
  const minRows = m.nPairs <= 20_000;
  const S = m.slotsPerDay;
  const nSites = m.sites.length;
  const levels = m.sites.map((s) => [...new Set(s.rooms.map((r) => m.rooms[r].capacity))].sort((a, b) => a - b));
  const atLeast = m.sites.map((s, si) => levels[si].map((c) => s.rooms.filter((r) => m.rooms[r].capacity >= c).length));

  // Distinct pairs (and those with a preferred option) able to attend topic t on weekday wd at
  // site σ within [lo, hi).
  const stamp = new Int32Array(m.nPairs);
  let stampId = 0;
  const countCache = new Map<string, [number, number]>();
  const countPairs = (t: number, wd: number, site: number, lo: number, hi: number): [number, number] => {
    const key = `${t}|${wd}|${site}|${lo}|${hi}`;
    const hit = countCache.get(key);
    if (hit) return hit;
    stampId++;
    let all = 0;
    let pref = 0;
    const dur = m.topics[t].dur;
    const prefStamp = -stampId;
    for (let s = Math.ceil(lo / m.g); s * m.g + dur <= hi; s++) {
      const k = (t * 8 + wd) * S + s;
      for (let i = idx.invStart[k]; i < idx.invStart[k + 1]; i++) {
        const q = idx.invPair[i];
        if (site !== m.online && !m.pairSite[q * nSites + site]) continue;
        if (stamp[q] !== stampId && stamp[q] !== prefStamp) {
          all++;
          stamp[q] = stampId;
        }
        if (idx.invPref[i] && stamp[q] !== prefStamp) {
          pref++;
          stamp[q] = prefStamp;
        }
      }
    }
    const r: [number, number] = [all, pref];
    countCache.set(key, r);
    return r;
  };

  const groups = new Map<string, { y: number[]; z: number[]; all: number; pref: number }>();
  const addToGroup = (key: string, y: number, z: number, all: () => [number, number]) => {
    let gp = groups.get(key);
    if (!gp) {
      const [a, p] = all();
      gp = { y: [], z: [], all: a, pref: p };
      groups.set(key, gp);
    }
    gp.y.push(y);
    gp.z.push(z);
  };
  const topicSessions: number[][] = m.topics.map(() => []);
  const topicYZ: number[][] = m.topics.map(() => []);
  const weekRows = new Map<number, { cols: number[]; vals: number[] }>();
  const roomEntries = new Map<number, Entry[]>(); // key: site * nDays + day

  // Per-topic totals: pairs who could attend anywhere (with `best`, the best weight each pair can
  // get where the topic can run at all — see simple-bound.ts — which is tighter).
  const topicTotals = m.topics.map((t) => {
    let all = 0;
    let pref = 0;
    for (const q of t.pairs) {
      if (best) {
        if (best[q] > 0) all++;
        if (best[q] === 1) pref++;
        continue;
      }
      if (idx.optStart[q + 1] === idx.optStart[q]) continue;
      all++;
      for (let o = idx.optStart[q]; o < idx.optStart[q + 1]; o++) if (idx.optPref[o]) { pref++; break; }
    }
    return [all, pref] as [number, number];
  });
  const weekdayTotals = (t: number, wd: number): [number, number] => {
    let all = 0;
    let pref = 0;
    for (const q of m.topics[t].pairs) {
      if (bestBy) {
        const w = bestBy.weekday[q * 8 + wd];
        if (w > 0) all++;
        if (w === 1) pref++;
        continue;
      }
      let a = false;
      let p = false;
      for (let o = idx.optStart[q]; o < idx.optStart[q + 1]; o++) {
        if (Math.floor(idx.optCode[o] / S) !== wd) continue;
        a = true;
        if (idx.optPref[o]) p = true;
      }
      if (a) all++;
      if (p) pref++;
    }
    return [all, pref];
  };
  const siteTotals = (t: number, site: number): [number, number] => {
    let all = 0;
    let pref = 0;
    for (const q of m.topics[t].pairs) {
      if (bestBy) {
        const w = bestBy.site[q * (nSites + 1) + site];
        if (w > 0) all++;
        if (w === 1) pref++;
        continue;
      }
      if (site !== m.online && !m.pairSite[q * nSites + site]) continue;
      if (idx.optStart[q + 1] === idx.optStart[q]) continue;
      all++;
      for (let o = idx.optStart[q]; o < idx.optStart[q + 1]; o++) if (idx.optPref[o]) { pref++; break; }
    }
    return [all, pref];
  };

  m.trainers.forEach((tr, r) => {
    for (let d = 0; d < m.nDays; d++) {
      if (tr.unavailable[d]) continue;
      const wd = m.dayWeekday[d];
      const uCols = new Map<number, number>();
      const uFor = (site: number) => {
        let u = uCols.get(site);
        if (u === undefined) uCols.set(site, (u = lp.addCol(0, 0, 1)));
        return u;
      };
      for (const [f, to] of tr.windows[wd]) {
        const allX: number[] = [];
        const allDur: number[] = [];
        const candidates = [m.online, ...tr.sites.filter((s) => !m.sites[s].closed[d] && m.sites[s].rooms.length)];
        for (const site of candidates) {
          const [o, c] = siteHours(m, site);
          const lo = Math.max(f, o);
          const hi = Math.min(to, c);
          const sx: number[] = [];
          const sd: number[] = [];
          tr.teaches.forEach((on, t) => {
            const topic = m.topics[t];
            if (!on || topic.online !== (site === m.online) || hi - lo < topic.dur || topic.maxSessions === 0) return;
            if (topic.dur > tr.maxWeekMinutes + 1e-9) return;
            const [all, pref] = countPairs(t, wd, site, lo, hi);
            if (all < topic.min) return;
            const y = lp.addCol(1, 0, all);
            const z = lp.addCol(0.5, 0, all);
            const xs: number[] = [];
            const caps: number[] = [];
            if (site === m.online) {
              xs.push(lp.addCol(0));
              caps.push(topic.max);
            } else {
              const lv = levels[site];
              for (let l = 0; l < lv.length; l++) {
                if (lv[l] < topic.min) continue;
                const col = lp.addCol(0);
                xs.push(col);
                caps.push(Math.min(lv[l], topic.max));
                const key = site * m.nDays + d;
                const list = roomEntries.get(key) ?? [];
                list.push({ lo, hi, level: l, dur: topic.dur, col });
                roomEntries.set(key, list);
                if (lv[l] >= topic.max) break;
              }
            }
            if (!xs.length) return;
            lp.addRow(-Infinity, 0, [y, z, ...xs], [1, 1, ...caps.map((c) => -c)]);
            if (minRows) lp.addRow(0, Infinity, [y, z, ...xs], [1, 1, ...xs.map(() => -topic.min)]);
            for (const x of xs) {
              topicSessions[t].push(x);
              sx.push(x);
              sd.push(topic.dur);
              allX.push(x);
              allDur.push(topic.dur);
              const wk = r * m.nWeeks + m.dayWeek[d];
              const row = weekRows.get(wk) ?? { cols: [], vals: [] };
              row.cols.push(x);
              row.vals.push(topic.dur);
              weekRows.set(wk, row);
            }
            topicYZ[t].push(y, z);
            addToGroup(`w|${t}|${wd}|${site}|${lo}|${hi}`, y, z, () => [all, pref]);
            addToGroup(`s|${t}|${site}`, y, z, () => siteTotals(t, site));
            addToGroup(`d|${t}|${wd}`, y, z, () => weekdayTotals(t, wd));
            addToGroup(`t|${t}`, y, z, () => topicTotals[t]);
          });
          if (!sx.length) continue;
          if (site === m.online) lp.addRow(-Infinity, hi - lo, sx, sd);
          else lp.addRow(-Infinity, 0, [...sx, uFor(site)], [...sd, -(hi - lo)]);
        }
        if (allX.length) lp.addRow(-Infinity, to - f, allX, allDur);
      }
      if (uCols.size) lp.addRow(-Infinity, 1, [...uCols.values()], [...uCols.values()].map(() => 1));
    }
  });

  const weekRowIndex = new Map<number, number>();
  for (const [key, { cols, vals }] of weekRows) {
    weekRowIndex.set(key, lp.numRows);
    const r = Math.floor(key / m.nWeeks);
    const reserved = reservedWeekMinutes(m, r, key % m.nWeeks); // already existing sessions
    lp.addRow(-Infinity, Math.max(0, m.trainers[r].maxWeekMinutes - reserved), cols, vals);
  }
  m.topics.forEach((t, ti) => {
    if (Number.isFinite(t.maxSessions)) lp.addRow(-Infinity, t.maxSessions, topicSessions[ti], topicSessions[ti].map(() => 1));
  });
  for (const gp of groups.values()) {
    lp.addRow(-Infinity, gp.all, [...gp.y, ...gp.z], [...gp.y, ...gp.z].map(() => 1));
    lp.addRow(-Infinity, gp.pref, gp.y, gp.y.map(() => 1));
  }
  for (const [key, entries] of roomEntries) {
    const site = Math.floor(key / m.nDays);
    const pts = [...new Set(entries.flatMap((e) => [e.lo, e.hi]))].sort((a, b) => a - b);
    for (let i = 0; i < pts.length; i++) {
      for (let j = i + 1; j < pts.length; j++) {
        for (let l = 0; l < levels[site].length; l++) {
          const inside = entries.filter((e) => e.lo >= pts[i] && e.hi <= pts[j] && e.level >= l);
          if (!inside.length) continue;
          lp.addRow(-Infinity, atLeast[site][l] * (pts[j] - pts[i]), inside.map((e) => e.col), inside.map((e) => e.dur));
        }
      }
    }
  }
  const zeros = m.topics.map(() => 0);
  const trainerPrice = new Float64Array(m.trainers.length * m.nWeeks);
  if (lp.numCols === 0) return { bound: 0, topicSessions: zeros, topicWeight: zeros, trainerPrice, columns: 0, rows: 0 };
  const res = await lp.maximize({ time_limit: timeLimitSec, solver: "simplex", simplex_strategy: 4 });
  if (res.status !== "optimal") return null;
  // Guard against solver tolerances: the LP optimum is only known to about 1e-7 relative.
  const v = res.colValue!;
  const topicWeight = topicYZ.map((cols) => cols.reduce((acc, c) => acc + v[c] * lp.cost[c], 0));
  const sessions = topicSessions.map((cols) => cols.reduce((acc, c) => acc + v[c], 0));
  for (const [key, row] of weekRowIndex) trainerPrice[key] = Math.abs(res.rowDual?.[row] ?? 0);
  return { bound: res.objective * (1 + 1e-6) + 1e-6, topicSessions: sessions, topicWeight, trainerPrice, columns: lp.numCols, rows: lp.numRows };
}
