// Turn the internal state into the contract's proposal sessions (plus extra counts).
import type { State } from "./state";
import type { Proposal, ProposedSession, Status } from "./types";
import { formatDate, formatTime } from "./time";

export function toSessions(st: State): ProposedSession[] {
  const m = st.m;
  const out: ProposedSession[] = [];
  const sids = [...st.aliveSet].sort((x, y) => {
    const a = st.sessions[x];
    const b = st.sessions[y];
    return a.day - b.day || a.start - b.start || a.topic - b.topic || a.trainer - b.trainer || a.room - b.room;
  });
  for (const sid of sids) {
    const s = st.sessions[sid];
    const date = formatDate(m.dayNum[s.day]);
    const att = s.att.map((q) => m.persons[m.pairPerson[q]]).sort();
    let pref = 0;
    for (const w of s.weights) if (w === 1) pref++;
    out.push({
      topicId: m.topics[s.topic].id,
      trainerId: m.trainers[s.trainer].id,
      siteId: s.site === m.online ? "online" : m.sites[s.site].id,
      roomId: s.room < 0 ? null : m.rooms[s.room].id,
      start: `${date}T${formatTime(s.start)}`,
      end: `${date}T${formatTime(s.end)}`,
      capacity: s.cap,
      attendees: att,
      preferredAttendees: pref,
      ifNeedBeAttendees: s.att.length - pref,
    });
  }
  return out;
}

/**
 * A proposal from a one-shot method (the greedy baseline, the exact oracle): no bound and no
 * search figures, only what was served.
 */
export function oneShotProposal(
  status: Status,
  sessions: ProposedSession[],
  served: { weight: number; pairs: number; demandPairs: number },
): Proposal {
  return {
    version: 1,
    status,
    sessions,
    metrics: {
      servedWeight: served.weight,
      servedPairs: served.pairs,
      demandPairs: served.demandPairs,
      sessions: sessions.length,
      upperBound: null,
      elapsedMs: 0,
      gap: null,
      firstFeasibleMs: null,
      boundMethod: null,
      iterations: 0,
      work: 0,
    },
    explanations: [],
  };
}
