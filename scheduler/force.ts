// The "force" move of the local search: pick someone still unserved, pick one of the times and
// places they could attend, and make room for a session there by evicting whatever blocks it
// (the trainer's overlapping or other-site sessions, sessions over the weekly hours, the room's
// occupant, a session of the topic if maxSessions is reached). The greedy then refills around
// it. This reaches schedules the greedy's own ranking would never try first. Reserved sessions
// (already existing) are never evicted: trainers and rooms they block are not tried.
import type { State } from "./state";
import type { Rng } from "./rng";
import { randInt } from "./rng";
import { apply, evaluate } from "./evaluate";
import { siteHours, trainerCovers } from "./model";

const TOURNAMENT = 3;

export interface Forced {
  day: number;
  topic: number;
  removed: number[];
}

export function force(st: State, rng: Rng): Forced | null {
  const m = st.m;
  const idx = st.idx;
  const S = m.slotsPerDay;
  // A random pair that is unserved, or seated at an if-need-be time while it has preferred ones.
  // Tournament: of a few random candidates keep the one whose topic seats the most people per
  // trainer-hour, since those sessions are worth the most trainer time.
  let q = -1;
  let upgrade = false;
  let bestDensity = -1;
  for (let tries = 0, found = 0; tries < 40 && found < TOURNAMENT; tries++) {
    const c = randInt(rng, Math.max(1, m.nPairs));
    if (c >= m.nPairs || idx.optStart[c + 1] === idx.optStart[c] || !m.topics[m.pairTopic[c]].trainers.length) continue;
    let up = false;
    if (st.pairSess[c] >= 0) {
      if (st.pairW[c] === 1) continue;
      for (let o = idx.optStart[c]; o < idx.optStart[c + 1]; o++) if (idx.optPref[o]) up = true;
      if (!up) continue;
    }
    found++;
    const tc = m.topics[m.pairTopic[c]];
    const density = tc.max / tc.dur;
    if (density > bestDensity) {
      bestDensity = density;
      q = c;
      upgrade = up;
    }
  }
  if (q < 0) return null;
  const ti = m.pairTopic[q];
  const t = m.topics[ti];
  const opts: number[] = [];
  for (let o = idx.optStart[q]; o < idx.optStart[q + 1]; o++) if (!upgrade || idx.optPref[o]) opts.push(o);
  const o = opts[randInt(rng, opts.length)];
  const wd = Math.floor(idx.optCode[o] / S);
  const a = (idx.optCode[o] % S) * m.g;
  const b = a + t.dur;
  const days: number[] = [];
  for (let d = 0; d < m.nDays; d++) if (m.dayWeekday[d] === wd) days.push(d);
  if (!days.length) return null;
  const day = days[randInt(rng, days.length)];
  let site = m.online;
  if (!t.online) {
    const ok = m.sites.map((_, s) => s).filter((s) => m.pairSite[q * m.sites.length + s] && m.sites[s].rooms.length && !m.sites[s].closed[day]);
    if (!ok.length) return null;
    site = ok[randInt(rng, ok.length)];
  }
  const [open, close] = siteHours(m, site);
  if (a < open || b > close) return null;
  const trainers = t.trainers.filter((r) => {
    const tr = m.trainers[r];
    return !tr.unavailable[day] && (site === m.online || tr.siteOk[site]) && trainerCovers(tr, wd, a, b) && tr.maxWeekMinutes >= t.dur && !st.reservedBlocksTrainer(r, day, site, a, b);
  });
  if (!trainers.length) return null;
  const r = trainers[randInt(rng, trainers.length)];
  const evict = new Set<number>();
  const week = m.dayWeek[day];
  let weekMinutes = st.trainerWeek[r * m.nWeeks + week];
  for (const sid of st.byTrainer[r]) {
    const s = st.sessions[sid];
    if (s.day !== day) continue;
    const clash = s.start < b && a < s.end;
    const otherSite = site !== m.online && s.site !== m.online && s.site !== site;
    if (clash || otherSite) {
      evict.add(sid);
      weekMinutes -= s.end - s.start;
    }
  }
  if (weekMinutes + t.dur > m.trainers[r].maxWeekMinutes + 1e-9) {
    // Give up the week's least valuable sessions (weight per minute), ties at random.
    const density = (sid: number) => {
      const x = st.sessions[sid];
      return x.weights.reduce((acc, w) => acc + w, 0) / (x.end - x.start) + rng() * 1e-6;
    };
    const inWeek = [...st.byTrainer[r]]
      .filter((sid) => !evict.has(sid) && m.dayWeek[st.sessions[sid].day] === week)
      .map((sid) => ({ sid, d: density(sid) }))
      .sort((x, y) => x.d - y.d || x.sid - y.sid);
    for (const { sid } of inWeek) {
      if (weekMinutes + t.dur <= m.trainers[r].maxWeekMinutes + 1e-9) break;
      evict.add(sid);
      weekMinutes -= st.sessions[sid].end - st.sessions[sid].start;
    }
  }
  if (site !== m.online) {
    // Sessions that already exist cannot be evicted: rooms they hold at that time are out.
    const rooms = m.sites[site].rooms.filter((rm) => m.rooms[rm].capacity >= t.min && !st.reservedBlocksRoom(rm, day, a, b));
    if (!rooms.length) return null;
    const free = rooms.some((rm) => {
      for (const sid of st.aliveSet) {
        const s = st.sessions[sid];
        if (s.room === rm && s.day === day && s.start < b && a < s.end && !evict.has(sid)) return false;
      }
      return true;
    });
    if (!free) {
      const rm = rooms[randInt(rng, rooms.length)];
      for (const sid of st.aliveSet) {
        const s = st.sessions[sid];
        if (s.room === rm && s.day === day && s.start < b && a < s.end) evict.add(sid);
      }
    }
  }
  if (st.topicCount[ti] >= t.maxSessions) {
    const own = [...st.byTopic[ti]].filter((sid) => !evict.has(sid));
    if (own.length) evict.add(own[randInt(rng, own.length)]);
  }
  const removed = [...evict];
  for (const sid of removed) st.closeSession(sid);
  steal(st, ti, day, a, b, site);
  const e = evaluate(st, ti, day, a, site);
  if (e) apply(st, ti, day, a, site, e);
  return { day, topic: ti, removed };
}

/** Unseat people of the topic who would do at least as well in the forced session (or, to reach
 * the minimum group, slightly worse), as long as their current session keeps its minimum. The greedy and top-up
 * refill whatever they leave behind. */
function steal(st: State, ti: number, day: number, a: number, b: number, site: number): void {
  const m = st.m;
  const idx = st.idx;
  const t = m.topics[ti];
  const inv = (ti * 8 + m.dayWeekday[day]) * m.slotsPerDay + a / m.g;
  const movers: { q: number; gain: number }[] = [];
  let waiting = 0;
  for (let i = idx.invStart[inv]; i < idx.invStart[inv + 1]; i++) {
    const q = idx.invPair[i];
    const sid = st.pairSess[q];
    if (site !== m.online && !m.pairSite[q * m.sites.length + site]) continue;
    if (sid < 0) {
      if (st.personFree(m.pairPerson[q], day, a, b)) waiting++;
      continue;
    }
    const s = st.sessions[sid];
    if (s.day === day && s.start === a) continue;
    const gain = (idx.invPref[i] ? 1 : 0.5) - st.pairW[q];
    // The person must be free at the new time once they leave their old session.
    let free = true;
    for (const other of st.personSess[m.pairPerson[q]]) {
      const x = st.sessions[other];
      if (other !== sid && x.day === day && x.start < b && a < x.end) free = false;
    }
    if (free) movers.push({ q, gain });
  }
  movers.sort((x, y) => y.gain - x.gain || x.q - y.q);
  let taken = 0;
  for (const { q, gain } of movers) {
    // Losing weight is only worth it to reach the minimum group size.
    if (taken >= t.max || (gain < 0 && waiting + taken >= t.min)) break;
    const sid = st.pairSess[q];
    if (st.sessions[sid].att.length <= t.min) continue;
    st.removeAttendee(sid, q);
    taken++;
  }
}
