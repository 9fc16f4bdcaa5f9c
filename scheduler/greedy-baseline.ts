// The baseline a planner's spreadsheet or a simple program would produce: take topics from the
// most to the least requested; for each, keep opening the session that seats the most people
// (first free qualified trainer, first free room that fits) until nobody else can be grouped.
// Shares only the constraint bookkeeping (State) with the real solver.
import type { Instance, Proposal } from "./types";
import { buildModel } from "./model";
import { State } from "./state";
import { siteHours } from "./model";
import { oneShotProposal, toSessions } from "./output";

export function greedyBaseline(inst: Instance): Proposal {
  const m = buildModel(inst);
  const st = new State(m);
  const idx = st.idx;
  const order = m.topics.map((_, i) => i).sort((a, b) => m.topics[b].pairs.length - m.topics[a].pairs.length || a - b);
  for (const ti of order) {
    const t = m.topics[ti];
    const sites = t.online ? [m.online] : m.sites.map((_, s) => s);
    for (;;) {
      if (st.topicCount[ti] >= t.maxSessions) break;
      let best: { day: number; a: number; site: number; trainer: number; room: number; att: number[]; w: number[] } | null = null;
      for (let day = 0; day < m.nDays; day++) {
        for (const site of sites) {
          const [open, close] = siteHours(m, site);
          for (let a = Math.ceil(open / m.g) * m.g; a + t.dur <= close; a += m.g) {
            const b = a + t.dur;
            const inv = (ti * 8 + m.dayWeekday[day]) * m.slotsPerDay + a / m.g;
            const n = idx.invStart[inv + 1] - idx.invStart[inv];
            if (n < t.min || (best && n <= best.att.length)) continue;
            if (!st.siteOpen(site, day, a, b)) continue;
            const trainer = t.trainers.find((r) => st.trainerFree(r, day, site, a, b));
            if (trainer === undefined) continue;
            let room = -1;
            let cap = t.max;
            if (site !== m.online) {
              room = m.sites[site].rooms.find((r) => st.roomFree(r, day, a, b)) ?? -1;
              if (room < 0) continue;
              cap = Math.min(t.max, m.rooms[room].capacity);
            }
            const att: number[] = [];
            const w: number[] = [];
            for (let i = idx.invStart[inv]; i < idx.invStart[inv + 1] && att.length < cap; i++) {
              const q = idx.invPair[i];
              if (st.pairSess[q] >= 0) continue;
              if (site !== m.online && !m.pairSite[q * m.sites.length + site]) continue;
              if (!st.personFree(m.pairPerson[q], day, a, b)) continue;
              att.push(q);
              w.push(idx.invPref[i] ? 1 : 0.5);
            }
            if (att.length >= t.min && (!best || att.length > best.att.length)) best = { day, a, site, trainer, room, att, w };
          }
        }
      }
      if (!best) break;
      const sid = st.openSession(ti, best.trainer, best.day, best.a, best.site, best.room);
      best.att.forEach((q, i) => st.addAttendee(sid, q, best!.w[i]));
    }
  }
  const sessions = toSessions(st);
  return oneShotProposal("feasible", sessions, { weight: st.weight, pairs: st.served, demandPairs: m.nPairs });
}
