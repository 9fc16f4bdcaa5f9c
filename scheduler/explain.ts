// Why is demand unserved? For each unserved (person, topic) pair, look at every time and place
// the person could attend and report the first reason that applies (see UnservedReason).
import type { State } from "./state";
import type { Explanation, UnservedReason } from "./types";
import { currentCell } from "./feasibility";

export function explain(st: State, outOfTime: () => boolean = () => false): Explanation[] {
  const m = st.m;
  const S = m.slotsPerDay;
  const nSites = m.sites.length;
  const nS = nSites + 1;
  const idx = st.idx;
  const daysOfWeekday: number[][] = [[], [], [], [], [], [], [], []];
  for (let d = 0; d < m.nDays; d++) daysOfWeekday[m.dayWeekday[d]].push(d);
  const cell = new Int8Array(m.nDays * S * nS);
  const out: Explanation[] = [];
  m.topics.forEach((t, ti) => {
    const unserved = t.pairs.filter((q) => st.pairSess[q] < 0);
    if (!unserved.length) return;
    const reasons: Partial<Record<UnservedReason, number>> = {};
    const bump = (r: UnservedReason) => (reasons[r] = (reasons[r] ?? 0) + 1);
    let unservedWeight = 0;
    cell.fill(-1);
    const full = st.topicCount[ti] >= t.maxSessions;
    let late = false;
    for (let i = 0; i < unserved.length; i++) {
      const q = unserved[i];
      if ((i & 63) === 0 && !late) late = outOfTime();
      if (late) {
        unservedWeight += idx.optStart[q + 1] > idx.optStart[q] ? maxWeightOf(st, q) : 0;
        bump("notAnalysed");
        continue;
      }
      let best = 0;
      let anyBigEnough = false;
      let maxW = 0;
      for (let o = idx.optStart[q]; o < idx.optStart[q + 1]; o++) {
        const code = idx.optCode[o];
        const wd = Math.floor(code / S);
        const slot = code % S;
        maxW = Math.max(maxW, idx.optPref[o] ? 1 : 0.5);
        if (!t.trainers.length || best === 3) continue;
        for (let s = t.online ? m.online : 0; s < (t.online ? m.online + 1 : nSites); s++) {
          if (!t.online && !m.pairSite[q * nSites + s]) continue;
          const bigEnough = idx.any0[idx.key(ti, wd, s, slot)] >= t.min;
          for (const d of daysOfWeekday[wd]) {
            const c = (d * S + slot) * nS + s;
            if (cell[c] < 0) cell[c] = currentCell(st, ti, d, slot * m.g, s);
            const v = cell[c];
            if (v === 0) continue;
            if (bigEnough) anyBigEnough = true;
            if (v > best) best = v;
          }
        }
      }
      unservedWeight += maxW;
      if (!t.trainers.length) bump("noQualifiedTrainer");
      else if (best === 0) bump("noCommonTime");
      else if (!anyBigEnough) bump("belowMinimumGroup");
      else if (full) bump("maxSessionsReached");
      else if (best === 1) bump("noQualifiedTrainerFree");
      else if (best === 2) bump("noRoomFree");
      else bump("belowMinimumGroup");
    }
    out.push({ topicId: t.id, demandPairs: t.pairs.length, unservedPairs: unserved.length, unservedWeight, reasons });
  });
  return out;
}

function maxWeightOf(st: State, q: number): number {
  const idx = st.idx;
  for (let o = idx.optStart[q]; o < idx.optStart[q + 1]; o++) if (idx.optPref[o]) return 1;
  return 0.5;
}
