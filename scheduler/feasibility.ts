// Static and current feasibility of (topic, day, start slot, site) cells, shared by the
// explanations and the bound: 0 = impossible in any schedule, 1 = possible but no qualified
// trainer is free now, 2 = a trainer is free but no room, 3 = both free.
import type { Model } from "./model";
import type { State } from "./state";
import { siteHours, trainerCovers } from "./model";

export function staticCell(m: Model, topic: number, day: number, a: number, site: number): boolean {
  const t = m.topics[topic];
  const b = a + t.dur;
  const [o, c] = siteHours(m, site);
  if (a < o || b > c) return false;
  if (site !== m.online && (m.sites[site].closed[day] || !m.sites[site].rooms.length)) return false;
  if (site !== m.online && !m.sites[site].rooms.some((r) => m.rooms[r].capacity >= t.min)) return false;
  for (const r of t.trainers) {
    const tr = m.trainers[r];
    if (tr.unavailable[day] || (site !== m.online && !tr.siteOk[site])) continue;
    if (tr.maxWeekMinutes + 1e-9 < t.dur) continue;
    if (trainerCovers(tr, m.dayWeekday[day], a, b)) return true;
  }
  return false;
}

export function currentCell(st: State, topic: number, day: number, a: number, site: number): number {
  const m = st.m;
  if (!staticCell(m, topic, day, a, site)) return 0;
  const b = a + m.topics[topic].dur;
  if (!m.topics[topic].trainers.some((r) => st.trainerFree(r, day, site, a, b))) return 1;
  if (site === m.online) return 3;
  const cap = m.topics[topic].min;
  return m.sites[site].rooms.some((r) => m.rooms[r].capacity >= cap && st.roomFree(r, day, a, b)) ? 3 : 2;
}
