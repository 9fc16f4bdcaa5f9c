// Re-fill sessions after a move: seat unserved people in sessions with free places, and swap
// an if-need-be attendee for someone who prefers that time when the session is full.
import type { State } from "./state";

export function topUp(st: State, topics: Iterable<number>): number {
  const m = st.m;
  const idx = st.idx;
  let work = 0;
  for (const ti of topics) {
    for (const sid of st.byTopic[ti]) {
      const s = st.sessions[sid];
      const hasHalf = s.weights.some((w) => w < 1);
      if (s.att.length >= s.cap && !hasHalf) continue;
      const cand: number[] = [];
      const cw: number[] = [];
      const inv = (ti * 8 + m.dayWeekday[s.day]) * m.slotsPerDay + s.start / m.g;
      for (let i = idx.invStart[inv]; i < idx.invStart[inv + 1]; i++) {
        const q = idx.invPair[i];
        if (st.pairSess[q] >= 0) continue;
        if (s.site !== m.online && !m.pairSite[q * m.sites.length + s.site]) continue;
        if (!st.personFree(m.pairPerson[q], s.day, s.start, s.end)) continue;
        cand.push(q);
        cw.push(idx.invPref[i] ? 1 : 0.5);
      }
      work += idx.invStart[inv + 1] - idx.invStart[inv] + 8;
      if (!cand.length) continue;
      const order = cand.map((_, i) => i);
      const flex = (q: number) => idx.optStart[q + 1] - idx.optStart[q];
      order.sort((i, j) => cw[j] - cw[i] || flex(cand[i]) - flex(cand[j]) || cand[i] - cand[j]);
      let i = 0;
      while (i < order.length && s.att.length < s.cap) {
        st.addAttendee(sid, cand[order[i]], cw[order[i]]);
        i++;
      }
      for (; i < order.length && cw[order[i]] === 1; i++) {
        const j = s.weights.indexOf(0.5);
        if (j < 0) break;
        st.removeAttendee(sid, s.att[j]);
        st.addAttendee(sid, cand[order[i]], 1);
      }
    }
  }
  return work;
}
