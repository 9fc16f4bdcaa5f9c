// The mutable schedule: sessions, resource occupancy and attendee assignment, with a journal
// so the local search can try a move and roll it back exactly.
import type { Model } from "./model";
import { pairWeight, siteHours, trainerCovers } from "./model";
import { DemandIndex } from "./demand-index";

export interface Sess {
  topic: number;
  trainer: number;
  day: number;
  start: number; // minutes
  end: number;
  site: number; // model.online for on-line sessions
  room: number; // -1 on-line
  cap: number;
  att: number[]; // pair indices
  weights: number[]; // weight of each attendee, parallel to att
  alive: boolean;
}

export interface Snap {
  topic: number;
  trainer: number;
  day: number;
  start: number;
  site: number;
  room: number;
  att: number[];
  weights: number[];
}

type Op = { k: "open"; s: number } | { k: "close"; s: number } | { k: "add"; s: number; q: number; w: number } | { k: "del"; s: number; q: number; w: number };

export class State {
  readonly m: Model;
  readonly sessions: Sess[] = [];
  readonly trainerBusy: Uint8Array;
  readonly roomBusy: Uint8Array;
  readonly trainerSite: Int16Array;
  readonly trainerSiteCnt: Int16Array;
  readonly trainerWeek: Float64Array;
  readonly topicCount: Int32Array;
  readonly pairSess: Int32Array;
  readonly pairW: Float64Array;
  readonly personSess: number[][];
  readonly idx: DemandIndex;
  /** Alive session ids, by topic and by trainer and overall (Sets keep insertion order: deterministic). */
  readonly byTopic: Set<number>[];
  readonly byTrainer: Set<number>[];
  readonly aliveSet = new Set<number>();
  weight = 0;
  alive = 0;
  served = 0;
  private journal: Op[] | null = null;

  constructor(m: Model) {
    this.m = m;
    const S = m.slotsPerDay;
    this.trainerBusy = new Uint8Array(m.trainers.length * m.nDays * S);
    this.roomBusy = new Uint8Array(m.rooms.length * m.nDays * S);
    this.trainerSite = new Int16Array(m.trainers.length * m.nDays).fill(-1);
    this.trainerSiteCnt = new Int16Array(m.trainers.length * m.nDays);
    this.trainerWeek = new Float64Array(m.trainers.length * m.nWeeks);
    this.topicCount = new Int32Array(m.topics.length);
    this.pairSess = new Int32Array(m.nPairs).fill(-1);
    this.pairW = new Float64Array(m.nPairs);
    this.personSess = Array.from({ length: m.persons.length }, () => []);
    this.idx = new DemandIndex(m);
    this.byTopic = m.topics.map(() => new Set<number>());
    this.byTrainer = m.trainers.map(() => new Set<number>());
    const res = m.reserved;
    if (res) {
      // Sessions that already exist: their slots, site of the day and minutes are taken from the
      // start. Proposed sessions never overlap them, so closing one never frees a reserved slot,
      // and the site count stays above zero on a reserved day.
      this.trainerBusy.set(res.trainerBusy);
      this.roomBusy.set(res.roomBusy);
      this.trainerSite.set(res.trainerSite);
      for (let k = 0; k < res.trainerSite.length; k++) if (res.trainerSite[k] !== -1) this.trainerSiteCnt[k] = 1;
      this.trainerWeek.set(res.trainerWeek);
    }
  }

  /** Do reserved sessions alone keep trainer r from a session of `minutes` at [a, b) on `day` at
   * `site` (slot taken, other physical site that day, or the week's hours)? */
  reservedBlocksTrainer(r: number, day: number, site: number, a: number, b: number): boolean {
    const m = this.m;
    const res = m.reserved;
    if (!res) return false;
    if (res.trainerWeek[r * m.nWeeks + m.dayWeek[day]] + (b - a) > m.trainers[r].maxWeekMinutes + 1e-9) return true;
    const cur = res.trainerSite[r * m.nDays + day];
    if (site !== m.online && cur !== -1 && cur !== site) return true;
    const base = (r * m.nDays + day) * m.slotsPerDay;
    for (let s = a / m.g; s < b / m.g; s++) if (res.trainerBusy[base + s]) return true;
    return false;
  }

  /** Does a reserved session hold the room somewhere in [a, b) on `day`? */
  reservedBlocksRoom(room: number, day: number, a: number, b: number): boolean {
    const m = this.m;
    const res = m.reserved;
    if (!res) return false;
    const base = (room * m.nDays + day) * m.slotsPerDay;
    for (let s = a / m.g; s < b / m.g; s++) if (res.roomBusy[base + s]) return true;
    return false;
  }

  /** Can trainer r give a session of `minutes` at [a, b) on `day` at `site` (ignoring the topic)? */
  trainerFree(r: number, day: number, site: number, a: number, b: number): boolean {
    const m = this.m;
    const tr = m.trainers[r];
    if (tr.unavailable[day]) return false;
    if (!trainerCovers(tr, m.dayWeekday[day], a, b)) return false;
    if (this.trainerWeek[r * m.nWeeks + m.dayWeek[day]] + (b - a) > tr.maxWeekMinutes + 1e-9) return false;
    if (site !== m.online) {
      if (!tr.siteOk[site]) return false;
      const cur = this.trainerSite[r * m.nDays + day];
      if (cur !== -1 && cur !== site) return false;
    }
    const base = (r * m.nDays + day) * m.slotsPerDay;
    for (let s = a / m.g; s < b / m.g; s++) if (this.trainerBusy[base + s]) return false;
    return true;
  }

  /** Is the site open for [a, b) on `day` (on-line: inside 08:00–20:00)? */
  siteOpen(site: number, day: number, a: number, b: number): boolean {
    const [o, c] = siteHours(this.m, site);
    if (a < o || b > c) return false;
    return site === this.m.online || !this.m.sites[site].closed[day];
  }

  roomFree(room: number, day: number, a: number, b: number): boolean {
    const m = this.m;
    const base = (room * m.nDays + day) * m.slotsPerDay;
    for (let s = a / m.g; s < b / m.g; s++) if (this.roomBusy[base + s]) return false;
    return true;
  }

  personFree(p: number, day: number, a: number, b: number): boolean {
    for (const sid of this.personSess[p]) {
      const s = this.sessions[sid];
      if (s.day === day && s.start < b && a < s.end) return false;
    }
    return true;
  }

  /** Weight pair q would get in a session of its topic at (day, a..b, site); 0 if not allowed. */
  weightFor(q: number, day: number, a: number, b: number, site: number): number {
    const m = this.m;
    if (site !== m.online && !m.pairSite[q * m.sites.length + site]) return 0;
    return pairWeight(m, q, m.dayWeekday[day], a, b);
  }

  beginJournal(): void {
    this.journal = [];
  }

  commitJournal(): void {
    this.journal = null;
  }

  rollback(): void {
    const j = this.journal;
    this.journal = null;
    if (!j) return;
    for (let i = j.length - 1; i >= 0; i--) {
      const op = j[i];
      if (op.k === "open") this.closeRaw(op.s);
      else if (op.k === "close") this.reopenRaw(op.s);
      else if (op.k === "add") this.removeAttendee(op.s, op.q);
      else this.addAttendee(op.s, op.q, op.w);
    }
    this.journal = null;
  }

  /** The schedule as plain records, to come back to later with restore(). */
  snapshot(): Snap[] {
    return [...this.aliveSet].map((sid) => {
      const s = this.sessions[sid];
      return { topic: s.topic, trainer: s.trainer, day: s.day, start: s.start, site: s.site, room: s.room, att: s.att.slice(), weights: s.weights.slice() };
    });
  }

  restore(snap: readonly Snap[]): void {
    for (const sid of [...this.aliveSet]) this.closeSession(sid);
    for (const x of snap) {
      const sid = this.openSession(x.topic, x.trainer, x.day, x.start, x.site, x.room);
      x.att.forEach((q, i) => this.addAttendee(sid, q, x.weights[i]));
    }
  }

  openSession(topic: number, trainer: number, day: number, start: number, site: number, room: number): number {
    const m = this.m;
    const t = m.topics[topic];
    const cap = room < 0 ? t.max : Math.min(t.max, m.rooms[room].capacity);
    const sid =
      this.sessions.push({ topic, trainer, day, start, end: start + t.dur, site, room, cap, att: [], weights: [], alive: false }) - 1;
    this.reopenRaw(sid);
    this.journal?.push({ k: "open", s: sid });
    return sid;
  }

  closeSession(sid: number): void {
    const s = this.sessions[sid];
    while (s.att.length) this.removeAttendee(sid, s.att[s.att.length - 1]);
    this.closeRaw(sid);
    this.journal?.push({ k: "close", s: sid });
  }

  addAttendee(sid: number, q: number, w: number): void {
    const s = this.sessions[sid];
    s.att.push(q);
    s.weights.push(w);
    this.pairSess[q] = sid;
    this.pairW[q] = w;
    this.personSess[this.m.pairPerson[q]].push(sid);
    this.weight += w;
    this.served++;
    this.idx.update(q, -1);
    this.journal?.push({ k: "add", s: sid, q, w });
  }

  removeAttendee(sid: number, q: number): void {
    const s = this.sessions[sid];
    const i = s.att.indexOf(q);
    const w = s.weights[i];
    s.att.splice(i, 1);
    s.weights.splice(i, 1);
    this.pairSess[q] = -1;
    this.pairW[q] = 0;
    const ps = this.personSess[this.m.pairPerson[q]];
    ps.splice(ps.indexOf(sid), 1);
    this.weight -= w;
    this.served--;
    this.idx.update(q, +1);
    this.journal?.push({ k: "del", s: sid, q, w });
  }

  private reopenRaw(sid: number): void {
    this.mark(sid, 1);
  }

  private closeRaw(sid: number): void {
    this.mark(sid, 0);
  }

  private mark(sid: number, on: 0 | 1): void {
    const m = this.m;
    const s = this.sessions[sid];
    s.alive = on === 1;
    const sign = on ? 1 : -1;
    if (on) {
      this.byTopic[s.topic].add(sid);
      this.byTrainer[s.trainer].add(sid);
      this.aliveSet.add(sid);
    } else {
      this.byTopic[s.topic].delete(sid);
      this.byTrainer[s.trainer].delete(sid);
      this.aliveSet.delete(sid);
    }
    this.alive += sign;
    this.topicCount[s.topic] += sign;
    this.trainerWeek[s.trainer * m.nWeeks + m.dayWeek[s.day]] += sign * (s.end - s.start);
    const tb = (s.trainer * m.nDays + s.day) * m.slotsPerDay;
    for (let x = s.start / m.g; x < s.end / m.g; x++) this.trainerBusy[tb + x] = on;
    if (s.room >= 0) {
      const rb = (s.room * m.nDays + s.day) * m.slotsPerDay;
      for (let x = s.start / m.g; x < s.end / m.g; x++) this.roomBusy[rb + x] = on;
    }
    if (s.site !== m.online) {
      const k = s.trainer * m.nDays + s.day;
      this.trainerSiteCnt[k] += sign;
      this.trainerSite[k] = this.trainerSiteCnt[k] > 0 ? s.site : -1;
    }
  }
}
