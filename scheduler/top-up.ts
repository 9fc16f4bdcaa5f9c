// Re-fill sessions after a move: seat unserved people in sessions with free places, and swap
// an if-need-be attendee for someone who prefers that time when the session is full.
import type { State } from "./state";

/** Top up sessions of the given topics; with `days`, only those on these days or of `freedTopics`
 * (whose people a move has just unseated), which are the only ones a move can have changed. */
export function topUp(st: State, topics: Iterable<number>, days?: ReadonlySet<number>, freedTopics?: ReadonlySet<number>): number {
  const m = st.m;
  const idx = st.idx;
  let work = 0;
  for (const ti of topics) {
    const anyDay = !days || freedTopics?.has(ti);
    for (const sid of st.byTopic[ti]) {
      const s = st.sessions[sid];
      if (!anyDay && !days!.has(s.day)) continue;
      const hasHalf = s.weights.some((w) => w < 1);
      if (s.att.length >= s.cap && !hasHalf) continue;
      // Inverted lists come least flexible first; preferred people before if-need-be ones.
      const pref: number[] = [];
      const half: number[] = [];
      const inv = (ti * 8 + m.dayWeekday[s.day]) * m.slotsPerDay + s.start / m.g;
      for (let i = idx.invStart[inv]; i < idx.invStart[inv + 1]; i++) {
        const q = idx.invPair[i];
        if (st.pairSess[q] >= 0) continue;
        if (s.site !== m.online && !m.pairSite[q * m.sites.length + s.site]) continue;
        if (!st.personFree(m.pairPerson[q], s.day, s.start, s.end)) continue;
        (idx.invPref[i] ? pref : half).push(q);
      }
      work += idx.invStart[inv + 1] - idx.invStart[inv] + 8;
      let p = 0;
      let h = 0;
      while (s.att.length < s.cap && p < pref.length) st.addAttendee(sid, pref[p++], 1);
      while (s.att.length < s.cap && h < half.length) st.addAttendee(sid, half[h++], 0.5);
      for (; p < pref.length; p++) {
        const j = s.weights.indexOf(0.5);
        if (j < 0) break;
        st.removeAttendee(sid, s.att[j]);
        st.addAttendee(sid, pref[p], 1);
      }
    }
  }
  return work;
}
