// Exact evaluation of one candidate session (topic, day, start, site) in the current state:
// which trainer and room to use, who would attend, and how good that is per trainer-hour.
import type { State } from "./state";
import { siteHours } from "./model";

export interface Evaluation {
  value: number;
  score: number;
  trainer: number;
  room: number;
  takePref: number;
  takeHalf: number;
  scanned: number;
  stamp: number;
}

const FRAGMENT_WEIGHT = 0.25;
/** Minutes of idle-gap penalty per unit of a trainer's exclusive load per session-minute. */
const TRAINER_LOAD_WEIGHT = 1;

let stamp = 0;
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
  let bestKey = Infinity;
  for (const r of t.trainers) {
    if (!st.trainerFree(r, day, site, a, b)) continue;
    const w = waste(st, r, day, site, a, b);
    const key = TRAINER_LOAD_WEIGHT * m.trainers[r].exclusiveLoad * t.dur + w;
    if (key < bestKey) {
      bestKey = key;
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

  // People in the inverted list come least flexible first: seat preferred ones in that order,
  // then if-need-be ones.
  const idx = st.idx;
  const nSites = m.sites.length;
  const inv = (topic * 8 + m.dayWeekday[day]) * m.slotsPerDay + a / m.g;
  const from = idx.invStart[inv];
  const to = idx.invStart[inv + 1];
  if (to - from < t.min) return null;
  scratchQ.length = 0;
  scratchW.length = 0;
  let nPref = 0;
  for (let i = from; i < to; i++) {
    const q = idx.invPair[i];
    if (st.pairSess[q] >= 0) continue;
    if (site !== m.online && !m.pairSite[q * nSites + site]) continue;
    if (!st.personFree(m.pairPerson[q], day, a, b)) continue;
    if (idx.invPref[i]) {
      scratchQ.push(q);
      nPref++;
    } else scratchW.push(q);
  }
  const n = nPref + scratchW.length;
  if (n < t.min) return null;

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
  const takePref = Math.min(nPref, cap);
  const takeHalf = Math.min(scratchW.length, cap - takePref);
  const value = takePref + 0.5 * takeHalf;
  const score = (value * 60) / (t.dur + bestWaste);
  return { value, score, trainer, room, takePref, takeHalf, scanned: to - from + 8, stamp: ++stamp };
}

/** Put an evaluated candidate into the schedule. Must directly follow the `evaluate` call that
 * produced `e`: the attendees are read from its scratch lists (saves an allocation per
 * evaluation, most of which are never applied). */
export function apply(st: State, topic: number, day: number, a: number, site: number, e: Evaluation): number {
  if (e.stamp !== stamp) throw new Error("apply() must follow its own evaluate()");
  const sid = st.openSession(topic, e.trainer, day, a, site, e.room);
  for (let i = 0; i < e.takePref; i++) st.addAttendee(sid, scratchQ[i], 1);
  for (let i = 0; i < e.takeHalf; i++) st.addAttendee(sid, scratchW[i], 0.5);
  return sid;
}
