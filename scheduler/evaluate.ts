// Exact evaluation of one candidate session (topic, day, start, site) in the current state:
// which trainer and room to use, who would attend, and how good that is per trainer-hour.
import type { State } from "./state";
import { siteHours } from "./model";

export interface Evaluation {
  value: number;
  score: number;
  trainer: number;
  room: number;
  att: number[];
  weights: number[];
  scanned: number;
}

const FRAGMENT_WEIGHT = 0.25;

const scratchQ: number[] = [];
const scratchW: number[] = [];

/** Idle minutes around [a, b) in the trainer's window that are too short for any of their topics. */
function waste(st: State, r: number, day: number, site: number, a: number, b: number): number {
  const m = st.m;
  const tr = m.trainers[r];
  const [o, c] = siteHours(m, site);
  let lo = o;
  let hi = c;
  for (const [f, t] of tr.windows[m.dayWeekday[day]]) {
    if (f <= a && b <= t) {
      lo = Math.max(lo, f);
      hi = Math.min(hi, t);
      break;
    }
  }
  const base = (r * m.nDays + day) * m.slotsPerDay;
  let x = a;
  while (x - m.g >= lo && !st.trainerBusy[base + (x - m.g) / m.g]) x -= m.g;
  const before = a - x;
  let y = b;
  while (y + m.g <= hi && !st.trainerBusy[base + y / m.g]) y += m.g;
  const after = y - b;
  let w = 0;
  if (before > 0 && before < tr.minTopicDur) w += before;
  if (after > 0 && after < tr.minTopicDur) w += after;
  // Splitting free time into two pieces makes long sessions impossible later: charge part of
  // the smaller piece, so sessions snap to window edges and to each other.
  if (before > 0 && after > 0) w += FRAGMENT_WEIGHT * Math.min(before, after);
  return w;
}

export function evaluate(st: State, topic: number, day: number, a: number, site: number): Evaluation | null {
  const m = st.m;
  const t = m.topics[topic];
  const b = a + t.dur;
  if (st.topicCount[topic] >= t.maxSessions) return null;
  if (!st.siteOpen(site, day, a, b)) return null;
  let trainer = -1;
  let bestWaste = Infinity;
  for (const r of t.trainers) {
    if (!st.trainerFree(r, day, site, a, b)) continue;
    const w = waste(st, r, day, site, a, b);
    if (w < bestWaste) {
      bestWaste = w;
      trainer = r;
    }
  }
  if (trainer < 0) return null;
  let maxRoomCap = t.max;
  let anyRoom = site === m.online;
  if (site !== m.online) {
    maxRoomCap = 0;
    for (const room of m.sites[site].rooms) {
      if (st.roomFree(room, day, a, b)) {
        anyRoom = true;
        maxRoomCap = Math.max(maxRoomCap, Math.min(t.max, m.rooms[room].capacity));
      }
    }
  }
  if (!anyRoom || maxRoomCap < t.min) return null;

  scratchQ.length = 0;
  scratchW.length = 0;
  const idx = st.idx;
  const nSites = m.sites.length;
  const inv = (topic * 8 + m.dayWeekday[day]) * m.slotsPerDay + a / m.g;
  const from = idx.invStart[inv];
  const to = idx.invStart[inv + 1];
  for (let i = from; i < to; i++) {
    const q = idx.invPair[i];
    if (st.pairSess[q] >= 0) continue;
    if (site !== m.online && !m.pairSite[q * nSites + site]) continue;
    if (!st.personFree(m.pairPerson[q], day, a, b)) continue;
    scratchQ.push(q);
    scratchW.push(idx.invPref[i] ? 1 : 0.5);
  }
  const n = scratchQ.length;
  if (n < t.min) return null;
  const order = Array.from({ length: n }, (_, i) => i);
  const flex = (q: number) => idx.optStart[q + 1] - idx.optStart[q];
  order.sort((i, j) => scratchW[j] - scratchW[i] || flex(scratchQ[i]) - flex(scratchQ[j]) || scratchQ[i] - scratchQ[j]);

  // Best-fit room: the smallest free room that still seats everyone who wants to come.
  let room = -1;
  let cap = t.max;
  if (site !== m.online) {
    const want = Math.min(n, maxRoomCap);
    let bestCap = Infinity;
    for (const rm of m.sites[site].rooms) {
      const c = Math.min(t.max, m.rooms[rm].capacity);
      if (c >= want && c < bestCap && st.roomFree(rm, day, a, b)) {
        bestCap = c;
        room = rm;
      }
    }
    cap = bestCap;
  }
  const take = Math.min(n, cap);
  const att: number[] = [];
  const weights: number[] = [];
  let value = 0;
  for (let i = 0; i < take; i++) {
    att.push(scratchQ[order[i]]);
    weights.push(scratchW[order[i]]);
    value += scratchW[order[i]];
  }
  const score = (value * 60) / (t.dur + bestWaste);
  return { value, score, trainer, room, att, weights, scanned: to - from + 8 };
}

/** Put an evaluated candidate into the schedule. */
export function apply(st: State, topic: number, day: number, a: number, site: number, e: Evaluation): number {
  const sid = st.openSession(topic, e.trainer, day, a, site, e.room);
  for (let i = 0; i < e.att.length; i++) st.addAttendee(sid, e.att[i], e.weights[i]);
  return sid;
}
