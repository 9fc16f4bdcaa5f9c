// A cheap combinatorial upper bound, valid on its own and used when the LP is off or fails:
// every pair contributes at most its best weight over the cells where its topic could run at
// all, and a topic serves at most maxSessions × maxParticipants people.
import type { Model } from "./model";
import type { DemandIndex } from "./demand-index";
import { staticCell } from "./feasibility";

export function pairBestWeights(m: Model, idx: DemandIndex): Float64Array {
  const S = m.slotsPerDay;
  const nSites = m.sites.length;
  const best = new Float64Array(m.nPairs);
  const daysOfWeekday: number[][] = [[], [], [], [], [], [], [], []];
  for (let d = 0; d < m.nDays; d++) daysOfWeekday[m.dayWeekday[d]].push(d);
  const cache = new Map<number, boolean>();
  for (let q = 0; q < m.nPairs; q++) {
    const ti = m.pairTopic[q];
    const t = m.topics[ti];
    for (let o = idx.optStart[q]; o < idx.optStart[q + 1] && best[q] < 1; o++) {
      const w = idx.optPref[o] ? 1 : 0.5;
      if (w <= best[q]) continue;
      const code = idx.optCode[o];
      const wd = Math.floor(code / S);
      const slot = code % S;
      let ok = false;
      for (let s = t.online ? m.online : 0; !ok && s < (t.online ? m.online + 1 : nSites); s++) {
        if (!t.online && !m.pairSite[q * nSites + s]) continue;
        for (const d of daysOfWeekday[wd]) {
          const key = ((ti * m.nDays + d) * S + slot) * (nSites + 1) + s;
          let v = cache.get(key);
          if (v === undefined) cache.set(key, (v = staticCell(m, ti, d, slot * m.g, s)));
          if (v) {
            ok = true;
            break;
          }
        }
      }
      if (ok) best[q] = w;
    }
  }
  return best;
}

export function simpleBound(m: Model, best: Float64Array): number {
  let total = 0;
  for (const t of m.topics) {
    let sum = 0;
    const ws = t.pairs.map((q) => best[q]).sort((a, b) => b - a);
    const cap = t.maxSessions * t.max;
    for (let i = 0; i < ws.length && i < cap; i++) sum += ws[i];
    if (t.trainers.length && ws.filter((w) => w > 0).length >= t.min) total += sum;
  }
  return total;
}

/** Best static weight of each pair per weekday (nPairs × 8) and per site index (nPairs ×
 * (nSites + 1), on-line last): tighter demand totals for the LP's weekday and site groups. */
export function pairBestBy(m: Model, idx: DemandIndex): { weekday: Float64Array; site: Float64Array } {
  const S = m.slotsPerDay;
  const nSites = m.sites.length;
  const nS = nSites + 1;
  const weekday = new Float64Array(m.nPairs * 8);
  const site = new Float64Array(m.nPairs * nS);
  const daysOfWeekday: number[][] = [[], [], [], [], [], [], [], []];
  for (let d = 0; d < m.nDays; d++) daysOfWeekday[m.dayWeekday[d]].push(d);
  const cache = new Int8Array(m.topics.length * m.nDays * S * nS).fill(-1);
  for (let q = 0; q < m.nPairs; q++) {
    const ti = m.pairTopic[q];
    const t = m.topics[ti];
    for (let o = idx.optStart[q]; o < idx.optStart[q + 1]; o++) {
      const w = idx.optPref[o] ? 1 : 0.5;
      const code = idx.optCode[o];
      const wd = Math.floor(code / S);
      const slot = code % S;
      for (let s = t.online ? m.online : 0; s < (t.online ? m.online + 1 : nSites); s++) {
        if (!t.online && !m.pairSite[q * nSites + s]) continue;
        if (weekday[q * 8 + wd] >= w && site[q * nS + s] >= w) continue;
        for (const d of daysOfWeekday[wd]) {
          const key = ((ti * m.nDays + d) * S + slot) * nS + s;
          if (cache[key] < 0) cache[key] = staticCell(m, ti, d, slot * m.g, s) ? 1 : 0;
          if (cache[key]) {
            weekday[q * 8 + wd] = Math.max(weekday[q * 8 + wd], w);
            site[q * nS + s] = Math.max(site[q * nS + s], w);
            break;
          }
        }
      }
    }
  }
  return { weekday, site };
}
