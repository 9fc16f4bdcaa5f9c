// Extension: sessions that already exist (`instance.reserved`, see README "Reserved sessions").
// They are compiled into occupancy the State starts from: the trainer's and the room's slots,
// the trainer's physical site of the day and the trainer's weekly minutes. Proposed sessions are
// on the slot grid, so marking every slot a reserved interval touches (even partly, if it was
// edited off the grid) forbids exactly the proposals that would overlap it.
import type { Instance } from "./types";
import type { Model } from "./model";
import { parseDateTime } from "./time";

/** trainerSite value when reserved sessions put the trainer at two physical sites on one day. */
export const SITE_CONFLICT = -2;

export interface ModelReserved {
  /** One piece per (reserved session, day of the horizon it touches), minutes after midnight. */
  pieces: { trainer: number; day: number; site: number; room: number; a: number; b: number }[];
  /** trainers × nDays × slotsPerDay. */
  trainerBusy: Uint8Array;
  /** rooms × nDays × slotsPerDay. */
  roomBusy: Uint8Array;
  /** trainers × nDays: -1 free, a site index, or SITE_CONFLICT. */
  trainerSite: Int16Array;
  /** trainers × nWeeks: reserved minutes. */
  trainerWeek: Float64Array;
}

/** Null when nothing reserved falls inside the horizon: the solver then runs exactly as without. */
export function compileReserved(inst: Instance, m: Omit<Model, "reserved">): ModelReserved | null {
  if (!inst.reserved?.length) return null;
  const S = m.slotsPerDay;
  const trainerIndex = new Map(m.trainers.map((t, i) => [t.id, i]));
  const siteIndex = new Map(m.sites.map((s, i) => [s.id, i]));
  const roomIndex = new Map(m.rooms.map((r, i) => [r.id, i]));
  const d0 = m.dayNum[0];
  const pieces: ModelReserved["pieces"] = [];
  for (const x of inst.reserved) {
    const start = parseDateTime(x.start);
    const end = parseDateTime(x.end, true);
    const trainer = trainerIndex.get(x.trainerId)!;
    const site = x.siteId === "online" ? m.online : siteIndex.get(x.siteId)!;
    const room = x.roomId === null ? -1 : roomIndex.get(x.roomId)!;
    // A session over midnight is split per day; days outside the horizon are ignored.
    const first = Math.max(Math.floor(start / 1440), d0);
    const last = Math.min(Math.ceil(end / 1440) - 1, d0 + m.nDays - 1);
    for (let dn = first; dn <= last; dn++) {
      const a = Math.max(start, dn * 1440) - dn * 1440;
      const b = Math.min(end, (dn + 1) * 1440) - dn * 1440;
      if (b > a) pieces.push({ trainer, day: dn - d0, site, room, a, b });
    }
  }
  if (!pieces.length) return null;
  const trainerBusy = new Uint8Array(m.trainers.length * m.nDays * S);
  const roomBusy = new Uint8Array(m.rooms.length * m.nDays * S);
  const trainerSite = new Int16Array(m.trainers.length * m.nDays).fill(-1);
  const trainerWeek = new Float64Array(m.trainers.length * m.nWeeks);
  for (const p of pieces) {
    const s0 = Math.floor(p.a / m.g);
    const s1 = Math.ceil(p.b / m.g);
    const tb = (p.trainer * m.nDays + p.day) * S;
    for (let s = s0; s < s1; s++) trainerBusy[tb + s] = 1;
    if (p.room >= 0) {
      const rb = (p.room * m.nDays + p.day) * S;
      for (let s = s0; s < s1; s++) roomBusy[rb + s] = 1;
    }
    if (p.site !== m.online) {
      const k = p.trainer * m.nDays + p.day;
      trainerSite[k] = trainerSite[k] === -1 || trainerSite[k] === p.site ? p.site : SITE_CONFLICT;
    }
    trainerWeek[p.trainer * m.nWeeks + m.dayWeek[p.day]] += p.b - p.a;
  }
  return { pieces, trainerBusy, roomBusy, trainerSite, trainerWeek };
}

/** Reserved minutes of trainer r in week w (0 without reservations). */
export function reservedWeekMinutes(m: Model, r: number, w: number): number {
  return m.reserved ? m.reserved.trainerWeek[r * m.nWeeks + w] : 0;
}
