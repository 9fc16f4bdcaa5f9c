// Large neighbourhood search: free a coherent piece of the schedule (a trainer's week, a
// site's day, all sessions of a topic, a few trainers' day, a handful of sessions), rebuild it
// with the randomised lazy greedy plus top-up, keep the result if it is not worse (equal
// weight with more sessions is accepted too: walking the plateau helped more than it cost).
import type { Snap, State } from "./state";
import type { Rng } from "./rng";
import { randInt } from "./rng";
import { fill } from "./construct";
import { topUp } from "./top-up";
import { force } from "./force";

export interface ImproveOptions {
  rng: Rng;
  maxWork: number;
  /** Give up after this many iterations in a row without a strict improvement. */
  maxIdle: number;
  shouldStop: () => boolean;
  /** Accept moves that lose at most this much weight (threshold accepting); the best schedule
   * seen is kept in `best`. */
  tolerance: number;
  best: Best;
  onIteration?: (iteration: number, work: number) => void;
}

export interface ImproveResult {
  iterations: number;
  improvements: number;
  work: number;
  stopped: boolean;
  idle: number;
}

export interface Best {
  weight: number;
  sessions: number;
  snap: Snap[] | null;
}

function better(w: number, n: number, w0: number, n0: number): boolean {
  return w > w0 + 1e-9 || (w > w0 - 1e-9 && n <= n0);
}

export function improve(st: State, o: ImproveOptions): ImproveResult {
  const m = st.m;
  const allDays = Array.from({ length: m.nDays }, (_, d) => d);
  let work = 0;
  let iterations = 0;
  let improvements = 0;
  let stopped = false;
  let idle = 0;
  while (work < o.maxWork && idle < o.maxIdle) {
    if (o.shouldStop()) {
      stopped = true;
      break;
    }
    const alive = [...st.aliveSet];
    if (!alive.length && iterations > 0) break;
    const removed: number[] = [];
    const freedTopics = new Set<number>();
    const days = new Set<number>();
    const topics = new Set<number>();
    const kind = randInt(o.rng, 10) < 3 ? 5 : alive.length ? randInt(o.rng, 5) : 0;
    const anchor = alive.length ? st.sessions[alive[randInt(o.rng, alive.length)]] : null;
    const addTrainerTopics = (r: number) => m.trainers[r].teaches.forEach((on, t) => on && topics.add(t));
    if (kind === 0) {
      // A trainer's week.
      const r = anchor ? anchor.trainer : randInt(o.rng, Math.max(1, m.trainers.length));
      if (r >= m.trainers.length) break;
      const wk = anchor ? m.dayWeek[anchor.day] : randInt(o.rng, m.nWeeks);
      for (let d = 0; d < m.nDays; d++) if (m.dayWeek[d] === wk) days.add(d);
      for (const sid of st.byTrainer[r]) if (m.dayWeek[st.sessions[sid].day] === wk) removed.push(sid);
      addTrainerTopics(r);
    } else if (kind === 1) {
      // A site's day (or all on-line sessions of a day): repacks rooms.
      days.add(anchor!.day);
      for (const sid of alive) {
        const s = st.sessions[sid];
        if (s.day === anchor!.day && s.site === anchor!.site) removed.push(sid);
      }
      for (const sid of removed) addTrainerTopics(st.sessions[sid].trainer);
    } else if (kind === 2) {
      // Every session of one topic: re-times them to fit its people better.
      for (const sid of st.byTopic[anchor!.topic]) removed.push(sid);
      for (const d of allDays) days.add(d);
      topics.add(anchor!.topic);
    } else if (kind === 3) {
      // Two trainers' day.
      days.add(anchor!.day);
      const other = alive.filter((sid) => st.sessions[sid].day === anchor!.day && st.sessions[sid].trainer !== anchor!.trainer);
      const r2 = other.length ? st.sessions[other[randInt(o.rng, other.length)]].trainer : -1;
      for (const sid of alive) {
        const s = st.sessions[sid];
        if (s.day === anchor!.day && (s.trainer === anchor!.trainer || s.trainer === r2)) removed.push(sid);
      }
      addTrainerTopics(anchor!.trainer);
      if (r2 >= 0) addTrainerTopics(r2);
    } else if (kind === 5) {
      // Force a session for someone unserved; handled below, after the journal starts.
    } else {
      // A handful of random sessions.
      const k = 2 + randInt(o.rng, 6);
      for (let i = 0; i < k; i++) {
        const sid = alive[randInt(o.rng, alive.length)];
        if (!removed.includes(sid)) removed.push(sid);
      }
      for (const sid of removed) {
        const s = st.sessions[sid];
        days.add(s.day);
        topics.add(s.topic);
      }
    }
    for (const sid of removed) topics.add(st.sessions[sid].topic);
    // Freed rooms and people can serve any topic: on few days, or on small instances, let every
    // topic compete for them. (On a week of a large instance that would cost too much per move.)
    if (days.size <= 2 || m.topics.length <= 40) for (let t = 0; t < m.topics.length; t++) topics.add(t);
    const w0 = st.weight;
    const n0 = st.alive;
    st.beginJournal();
    if (kind === 5) {
      const f = force(st, o.rng);
      if (!f) {
        st.rollback();
        iterations++;
        idle++;
        work += 200;
        continue;
      }
      days.add(f.day);
      freedTopics.add(f.topic);
      for (const sid of f.removed) {
        freedTopics.add(st.sessions[sid].topic);
        const s = st.sessions[sid];
        days.add(s.day);
        topics.add(s.topic);
        addTrainerTopics(s.trainer);
      }
      if (days.size <= 2 || m.topics.length <= 40) for (let t = 0; t < m.topics.length; t++) topics.add(t);
    }
    for (const sid of removed) st.closeSession(sid);
    const dayList = [...days].sort((a, b) => a - b);
    const topicList = [...topics].sort((a, b) => a - b);
    const noise = 0.3 * o.rng();
    const r = fill(st, dayList, topicList, { noise, rng: o.rng, maxWork: Number.POSITIVE_INFINITY });
    // A fixed charge per iteration keeps tiny instances from spinning on free moves.
    for (const sid of removed) freedTopics.add(st.sessions[sid].topic);
    work += r.work + topUp(st, topicList, days, freedTopics) + 1000;
    iterations++;
    idle++;
    if (better(st.weight, st.alive, w0, n0) || st.weight >= w0 - o.tolerance - 1e-9) {
      st.commitJournal();
      if (better(st.weight, st.alive, o.best.weight, o.best.sessions)) {
        if (st.weight > o.best.weight + 1e-9) {
          improvements++;
          idle = 0;
        }
        // Only snapshot when we may later leave this point (threshold accepting is on).
        o.best.snap = o.tolerance > 0 ? st.snapshot() : null;
        o.best.weight = st.weight;
        o.best.sessions = st.alive;
      }
    } else {
      st.rollback();
    }
    o.onIteration?.(iterations, work);
  }
  return { iterations, improvements, work, stopped, idle };
}
