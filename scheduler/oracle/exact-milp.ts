// Exact MILP of the whole contract, for small instances: a test oracle and a benchmark column.
// One binary per possible session (topic, trainer, day, start, site, room) and per (pair,
// session) assignment; every hard constraint written out slot by slot. HiGHS proves optimality
// on tiny instances only — that is all an oracle needs. Reserved (already existing) sessions
// remove the candidates they block and take their minutes off the weekly hours.
import type { Instance, Proposal } from "../types";
import type { Model } from "../model";
import { buildModel, pairWeight, siteHours, trainerCovers } from "../model";
import { reservedWeekMinutes } from "../reserved";
import { LpBuilder } from "../lp";
import { oneShotProposal } from "../output";
import { formatDate, formatTime } from "../time";

export interface ExactResult {
  status: "optimal" | "timeLimit" | "tooLarge" | "other";
  /** Served weight of the best schedule found (excluding the tiny per-session penalty). */
  servedWeight: number | null;
  /** Proven upper bound on servedWeight. */
  bound: number | null;
  proposal: Proposal | null;
  columns: number;
}

interface Cand {
  topic: number;
  trainer: number;
  day: number;
  a: number;
  b: number;
  site: number;
  room: number;
  cap: number;
  col: number;
  att: { q: number; w: number; col: number }[];
}

const EPS = 1e-4; // "between equal weights, fewer sessions is better"

export async function exactMilp(inst: Instance, timeLimitSec = 30, maxColumns = 60_000): Promise<ExactResult> {
  const m = buildModel(inst);
  const lp = new LpBuilder();
  const cands: Cand[] = [];
  m.topics.forEach((t, ti) => {
    for (const r of t.trainers) {
      const tr = m.trainers[r];
      if (tr.maxWeekMinutes + 1e-9 < t.dur || t.maxSessions === 0) continue;
      for (let d = 0; d < m.nDays; d++) {
        if (tr.unavailable[d]) continue;
        const sites = t.online ? [m.online] : tr.sites.filter((s) => !m.sites[s].closed[d]);
        for (const site of sites) {
          const [o, c] = siteHours(m, site);
          const rooms = site === m.online ? [-1] : m.sites[site].rooms.filter((rm) => m.rooms[rm].capacity >= t.min);
          for (let a = Math.ceil(o / m.g) * m.g; a + t.dur <= c; a += m.g) {
            if (!trainerCovers(tr, m.dayWeekday[d], a, a + t.dur)) continue;
            if (reservedTrainer(m, r, d, site, a, a + t.dur)) continue;
            const able: { q: number; w: number }[] = [];
            for (const q of t.pairs) {
              if (site !== m.online && !m.pairSite[q * m.sites.length + site]) continue;
              const w = pairWeight(m, q, m.dayWeekday[d], a, a + t.dur);
              if (w > 0) able.push({ q, w });
            }
            if (able.length < t.min) continue;
            for (const room of rooms) {
              if (room >= 0 && reservedRoom(m, room, d, a, a + t.dur)) continue;
              const cap = room < 0 ? t.max : Math.min(t.max, m.rooms[room].capacity);
              const col = lp.addCol(-EPS, 0, 1, true);
              const att = able.map(({ q, w }) => ({ q, w, col: lp.addCol(w, 0, 1, true) }));
              cands.push({ topic: ti, trainer: r, day: d, a, b: a + t.dur, site, room, cap, col, att });
              if (lp.numCols > maxColumns) return;
            }
          }
        }
      }
    }
  });
  if (lp.numCols > maxColumns) return { status: "tooLarge", servedWeight: null, bound: null, proposal: null, columns: lp.numCols };

  const slot = (d: number, x: number) => d * m.slotsPerDay + x / m.g;
  const rows = new Map<string, number[]>();
  const push = (key: string, col: number) => {
    const l = rows.get(key);
    if (l) l.push(col);
    else rows.set(key, [col]);
  };
  const pairCols = new Map<number, number[]>();
  const weekRows = new Map<string, { cols: number[]; vals: number[]; cap: number }>();
  const topicCols = new Map<number, number[]>();
  const siteDay = new Map<string, number>();
  for (const c of cands) {
    const ids = c.att.map((x) => x.col);
    lp.addRow(-Infinity, 0, [...ids, c.col], [...ids.map(() => 1), -c.cap]);
    lp.addRow(0, Infinity, [...ids, c.col], [...ids.map(() => 1), -m.topics[c.topic].min]);
    for (const x of c.att) {
      lp.addRow(-Infinity, 0, [x.col, c.col], [1, -1]);
      pairCols.set(x.q, [...(pairCols.get(x.q) ?? []), x.col]);
    }
    for (let x = c.a; x < c.b; x += m.g) {
      push(`t${c.trainer}|${slot(c.day, x)}`, c.col);
      if (c.room >= 0) push(`r${c.room}|${slot(c.day, x)}`, c.col);
      for (const y of c.att) push(`p${m.pairPerson[y.q]}|${slot(c.day, x)}`, y.col);
    }
    const wk = `${c.trainer}|${m.dayWeek[c.day]}`;
    const row = weekRows.get(wk) ?? { cols: [], vals: [], cap: Math.max(0, m.trainers[c.trainer].maxWeekMinutes - reservedWeekMinutes(m, c.trainer, m.dayWeek[c.day])) };
    row.cols.push(c.col);
    row.vals.push(c.b - c.a);
    weekRows.set(wk, row);
    topicCols.set(c.topic, [...(topicCols.get(c.topic) ?? []), c.col]);
    if (c.site !== m.online) {
      const key = `${c.trainer}|${c.day}|${c.site}`;
      let z = siteDay.get(key);
      if (z === undefined) siteDay.set(key, (z = lp.addCol(0, 0, 1, true)));
      lp.addRow(-Infinity, 0, [c.col, z], [1, -1]);
    }
  }
  for (const cols of pairCols.values()) lp.addRow(-Infinity, 1, cols, cols.map(() => 1));
  for (const cols of rows.values()) if (cols.length > 1) lp.addRow(-Infinity, 1, cols, cols.map(() => 1));
  for (const r of weekRows.values()) lp.addRow(-Infinity, r.cap, r.cols, r.vals);
  for (const [t, cols] of topicCols) {
    const ms = m.topics[t].maxSessions;
    if (Number.isFinite(ms)) lp.addRow(-Infinity, ms, cols, cols.map(() => 1));
  }
  const byTrainerDay = new Map<string, number[]>();
  for (const [key, z] of siteDay) {
    const td = key.split("|").slice(0, 2).join("|");
    byTrainerDay.set(td, [...(byTrainerDay.get(td) ?? []), z]);
  }
  for (const zs of byTrainerDay.values()) if (zs.length > 1) lp.addRow(-Infinity, 1, zs, zs.map(() => 1));

  if (!cands.length) {
    return { status: "optimal", servedWeight: 0, bound: 0, proposal: toProposal(m, [], 0), columns: 0 };
  }
  const res = await lp.maximize({ time_limit: timeLimitSec, mip_rel_gap: 0, mip_abs_gap: EPS / 2 });
  const v = res.colValue;
  let servedWeight: number | null = null;
  let proposal: Proposal | null = null;
  if (v && Number.isFinite(res.objective)) {
    const chosen = cands.filter((c) => v[c.col] > 0.5);
    servedWeight = 0;
    for (const c of chosen) for (const x of c.att) if (v[x.col] > 0.5) servedWeight += x.w;
    proposal = toProposal(m, chosen.map((c) => ({ c, att: c.att.filter((x) => v[x.col] > 0.5) })), servedWeight);
  }
  // The solver's bound includes −EPS per session; adding back the most sessions it could hold
  // keeps it a valid bound on servedWeight alone.
  const bound = res.dualBound !== null ? res.dualBound + EPS * cands.length : null;
  const status = res.status === "optimal" ? "optimal" : res.status === "timeLimit" ? "timeLimit" : "other";
  return { status, servedWeight, bound: status === "optimal" ? servedWeight : bound, proposal, columns: lp.numCols };
}

function toProposal(m: ReturnType<typeof buildModel>, chosen: { c: Cand; att: { q: number; w: number }[] }[], servedWeight: number): Proposal {
  const sessions = chosen.map(({ c, att }) => {
    const date = formatDate(m.dayNum[c.day]);
    const pref = att.filter((x) => x.w === 1).length;
    return {
      topicId: m.topics[c.topic].id,
      trainerId: m.trainers[c.trainer].id,
      siteId: c.site === m.online ? "online" : m.sites[c.site].id,
      roomId: c.room < 0 ? null : m.rooms[c.room].id,
      start: `${date}T${formatTime(c.a)}`,
      end: `${date}T${formatTime(c.b)}`,
      capacity: c.cap,
      attendees: att.map((x) => m.persons[m.pairPerson[x.q]]).sort(),
      preferredAttendees: pref,
      ifNeedBeAttendees: att.length - pref,
    };
  });
  const servedPairs = chosen.reduce((acc, x) => acc + x.att.length, 0);
  return oneShotProposal("optimal", sessions, { weight: servedWeight, pairs: servedPairs, demandPairs: m.nPairs });
}

/** Reserved (already existing) sessions: the trainer's slot or site of the day is taken. */
function reservedTrainer(m: Model, r: number, d: number, site: number, a: number, b: number): boolean {
  const res = m.reserved;
  if (!res) return false;
  const cur = res.trainerSite[r * m.nDays + d];
  if (site !== m.online && cur !== -1 && cur !== site) return true;
  const base = (r * m.nDays + d) * m.slotsPerDay;
  for (let x = a / m.g; x < b / m.g; x++) if (res.trainerBusy[base + x]) return true;
  return false;
}

function reservedRoom(m: Model, room: number, d: number, a: number, b: number): boolean {
  const res = m.reserved;
  if (!res) return false;
  const base = (room * m.nDays + d) * m.slotsPerDay;
  for (let x = a / m.g; x < b / m.g; x++) if (res.roomBusy[base + x]) return true;
  return false;
}
