// A small LP bound computed in-process in milliseconds: the fallback when the aggregated LP
// (bound.ts) cannot finish in time, e.g. on an overloaded machine. Sessions are aggregated per
// (topic, trainer, week); a trainer's week holds at most min(maxHoursPerWeek, their available
// window minutes that week); a session seats at most maxParticipants (on-line) or the largest
// room of a site the trainer works at; a topic seats at most the pairs who could ever attend
// (preferred ones at weight 1); maxSessions holds. Rooms, days and times are ignored, so it is
// weaker than the aggregated LP but still a valid upper bound.
import type { Model } from "./model";
import { LpBuilder } from "./lp";
import { siteHours } from "./model";
import { reservedWeekMinutes } from "./reserved";

export async function coarseBound(m: Model, best: Float64Array): Promise<number | null> {
  const lp = new LpBuilder();
  const topicX: number[][] = m.topics.map(() => []);
  const topicY: number[][] = m.topics.map(() => []);
  const topicZ: number[][] = m.topics.map(() => []);
  m.trainers.forEach((tr, r) => {
    for (let w = 0; w < m.nWeeks; w++) {
      let avail = 0;
      for (let d = 0; d < m.nDays; d++) {
        if (m.dayWeek[d] !== w || tr.unavailable[d]) continue;
        for (const [f, t] of tr.windows[m.dayWeekday[d]]) avail += t - f;
      }
      // Reserved (already existing) sessions use part of the week's hours.
      const cap = Math.min(Math.max(0, tr.maxWeekMinutes - reservedWeekMinutes(m, r, w)), avail);
      const xs: number[] = [];
      const durs: number[] = [];
      tr.teaches.forEach((on, ti) => {
        const t = m.topics[ti];
        if (!on || t.dur > cap || t.maxSessions === 0) return;
        let seats = t.online ? t.max : 0;
        if (!t.online) {
          for (const s of tr.sites) {
            const [o, c] = siteHours(m, s);
            if (c - o < t.dur) continue;
            for (const rm of m.sites[s].rooms) seats = Math.max(seats, Math.min(t.max, m.rooms[rm].capacity));
          }
        }
        if (seats < t.min) return;
        const x = lp.addCol(0);
        const y = lp.addCol(1);
        const z = lp.addCol(0.5);
        lp.addRow(-Infinity, 0, [y, z, x], [1, 1, -seats]);
        xs.push(x);
        durs.push(t.dur);
        topicX[ti].push(x);
        topicY[ti].push(y);
        topicZ[ti].push(z);
      });
      lp.addRow(-Infinity, cap, xs, durs);
    }
  });
  m.topics.forEach((t, ti) => {
    let all = 0;
    let pref = 0;
    for (const q of t.pairs) {
      if (best[q] > 0) all++;
      if (best[q] === 1) pref++;
    }
    const yz = [...topicY[ti], ...topicZ[ti]];
    lp.addRow(-Infinity, all, yz, yz.map(() => 1));
    lp.addRow(-Infinity, pref, topicY[ti], topicY[ti].map(() => 1));
    if (Number.isFinite(t.maxSessions)) lp.addRow(-Infinity, t.maxSessions, topicX[ti], topicX[ti].map(() => 1));
  });
  if (lp.numCols === 0) return 0;
  const res = await lp.maximize({ time_limit: 5, solver: "simplex" });
  return res.status === "optimal" ? res.objective * (1 + 1e-6) + 1e-6 : null;
}
