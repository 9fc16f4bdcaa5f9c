// Lazy greedy insertion: candidates (topic, day, start, site) are ranked by an optimistic
// estimate of weight per trainer-hour; the best is re-evaluated exactly and placed only if it
// still beats the next estimate. Estimates only fall as demand and resources get used, which is
// what makes the lazy evaluation sound.
import type { State } from "./state";
import type { Rng } from "./rng";
import { MaxHeap } from "./heap";
import { apply, evaluate } from "./evaluate";
import { siteHours, trainerCovers } from "./model";

export interface FillResult {
  placed: number;
  work: number;
}

export interface FillOptions {
  noise: number;
  rng: Rng;
  /** Stop after this much work (pairs scanned); the caller's budget. */
  maxWork: number;
  shouldStop?: () => boolean;
  /** Only consider starts on multiples of this many minutes (default: every grid slot). */
  startStep?: number;
}

export function fill(st: State, days: readonly number[], topics: readonly number[], o: FillOptions): FillResult {
  const m = st.m;
  const S = m.slotsPerDay;
  const cTopic: number[] = [];
  const cDay: number[] = [];
  const cStart: number[] = [];
  const cSite: number[] = [];
  const cJitter: number[] = [];
  const prios: number[] = [];
  for (const ti of topics) {
    const t = m.topics[ti];
    if (st.topicCount[ti] >= t.maxSessions || t.trainers.length === 0 || t.pairs.length < t.min) continue;
    const sites: number[] = [];
    if (t.online) sites.push(m.online);
    else {
      for (let s = 0; s < m.sites.length; s++) {
        if (m.sites[s].rooms.length && t.trainers.some((r) => m.trainers[r].siteOk[s])) sites.push(s);
      }
    }
    for (const d of days) {
      const wd = m.dayWeekday[d];
      for (const site of sites) {
        if (site !== m.online && m.sites[site].closed[d]) continue;
        const [open, close] = siteHours(m, site);
        let capMax = t.max;
        if (site !== m.online) capMax = Math.min(t.max, Math.max(...m.sites[site].rooms.map((r) => m.rooms[r].capacity)));
        const step = Math.max(1, Math.round((o.startStep ?? m.g) / m.g));
        for (let s = Math.ceil(open / m.g); s * m.g + t.dur <= close; s++) {
          if (s % step !== 0) continue;
          const k = st.idx.key(ti, wd, site, s);
          if (st.idx.any[k] < t.min) continue;
          const a = s * m.g;
          let ok = false;
          for (const r of t.trainers) {
            const tr = m.trainers[r];
            if (!tr.unavailable[d] && (site === m.online || tr.siteOk[site]) && trainerCovers(tr, wd, a, a + t.dur)) {
              ok = true;
              break;
            }
          }
          if (!ok) continue;
          const jitter = o.noise > 0 ? 1 + o.noise * (o.rng() - 0.5) : 1;
          cTopic.push(ti);
          cDay.push(d);
          cStart.push(a);
          cSite.push(site);
          cJitter.push(jitter);
          prios.push(((st.idx.estimate(k, capMax) * 60) / t.dur) * jitter);
        }
      }
    }
  }
  const prio = Float64Array.from(prios);
  const heap = new MaxHeap(prio);
  for (let i = 0; i < prio.length; i++) if (prio[i] > 0) heap.push(i);
  let work = prio.length;
  let placed = 0;
  while (heap.size && work < o.maxWork) {
    if ((placed & 7) === 0 && o.shouldStop?.()) break;
    const c = heap.pop();
    const e = evaluate(st, cTopic[c], cDay[c], cStart[c], cSite[c]);
    if (!e) {
      work += 4;
      continue;
    }
    work += e.scanned;
    const score = e.score * cJitter[c];
    if (!heap.size || score >= prio[heap.peek()] - 1e-12) {
      apply(st, cTopic[c], cDay[c], cStart[c], cSite[c], e);
      placed++;
      prio[c] = score;
      heap.push(c); // the same slot may host another parallel session
    } else {
      prio[c] = score;
      heap.push(c);
    }
  }
  void S;
  return { placed, work };
}
