// Small random instances for property tests, including the awkward corners: odd slot sizes,
// windows off the grid, split trainer days, closed and unavailable dates, maxSessions 0,
// online-only, and topics longer than any window.
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export function rngOf(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

export function randomInstance(seed: number): Json {
  const r = rngOf(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: T[]) => xs[int(0, xs.length - 1)];
  const g = pick([15, 30, 30, 60]);
  const days = int(1, 10);
  const start = pick(["2026-12-07", "2026-12-10", "2027-03-27"]); // includes a DST weekend in Europe
  const date = (i: number) => new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10)) + i)).toISOString().slice(0, 10);
  const nSites = int(0, 2);
  const sites = Array.from({ length: nSites }, (_, i) => ({
    id: `s${i}`,
    opens: hm(int(14, 20) * 30),
    closes: hm(int(32, 42) * 30),
    closedDates: r() < 0.4 ? [date(int(0, days - 1))] : [],
    rooms: Array.from({ length: int(0, 2) }, (_, j) => ({ id: `s${i}-r${j}`, capacity: int(2, 12) })),
  }));
  const nTopics = int(1, 4);
  const topics = Array.from({ length: nTopics }, (_, i) => {
    const online = nSites === 0 || r() < 0.35;
    const min = int(1, 4);
    return {
      id: `t${i}`,
      durationMinutes: g * int(1, Math.max(1, Math.floor(240 / g))),
      online,
      minParticipants: min,
      maxParticipants: min + int(0, 8),
      ...(r() < 0.3 ? { maxSessions: int(0, 3) } : {}),
    };
  });
  const win = (weekday: number) => {
    const a = int(16, 36) * 30 + (r() < 0.2 ? 10 : 0);
    return { weekday, from: hm(a), to: hm(Math.min(1440, a + int(2, 12) * 30)) };
  };
  const nTrainers = int(0, 3);
  const trainers = Array.from({ length: nTrainers }, (_, i) => ({
    id: `tr${i}`,
    topics: topics.filter(() => r() < 0.6).map((t) => t.id),
    sites: sites.filter(() => r() < 0.7).map((s) => s.id),
    availability: Array.from({ length: int(1, 6) }, () => win(int(1, 7))),
    unavailableDates: r() < 0.3 ? [date(int(0, days - 1))] : [],
    maxHoursPerWeek: pick([2, 4, 8, 40]),
  }));
  const demand: Json[] = [];
  const nPeople = int(0, 30);
  for (let p = 0; p < nPeople; p++) {
    for (const t of topics) {
      if (r() < 0.5) continue;
      demand.push({
        personId: `p${p}`,
        topicId: t.id,
        sites: sites.filter(() => r() < 0.7).map((s) => s.id),
        windows: Array.from({ length: int(0, 4) }, () => ({ ...win(int(1, 7)), strength: r() < 0.5 ? "preferred" : "ifNeedBe" })),
      });
    }
  }
  return { version: 1, timezone: "Europe/Moscow", horizon: { start, days }, slotMinutes: g, sites, trainers, topics, demand };
}

/** The contract's own example, which must be valid. */
export function contractExample(): Json {
  return {
    version: 1,
    timezone: "Europe/Moscow",
    horizon: { start: "2026-12-07", days: 28 },
    slotMinutes: 30,
    sites: [{ id: "strogino", opens: "08:00", closes: "20:00", closedDates: [], rooms: [{ id: "strogino-1", capacity: 20 }] }],
    trainers: [
      {
        id: "t1",
        topics: ["conflicts"],
        sites: ["strogino"],
        availability: [{ weekday: 1, from: "09:00", to: "18:00" }, { weekday: 2, from: "09:00", to: "18:00" }],
        unavailableDates: ["2026-12-10"],
        maxHoursPerWeek: 30,
      },
    ],
    topics: [{ id: "conflicts", durationMinutes: 120, online: false, minParticipants: 2, maxParticipants: 16, maxSessions: 4 }],
    demand: [
      { personId: "u1", topicId: "conflicts", sites: ["strogino"], windows: [{ weekday: 2, from: "09:00", to: "13:00", strength: "preferred" }, { weekday: 1, from: "14:00", to: "18:00", strength: "ifNeedBe" }] },
      { personId: "u7", topicId: "conflicts", sites: ["strogino"], windows: [{ weekday: 2, from: "10:00", to: "12:00", strength: "preferred" }] },
      { personId: "u9", topicId: "conflicts", sites: ["strogino"], windows: [{ weekday: 1, from: "14:00", to: "16:00", strength: "ifNeedBe" }] },
    ],
  };
}

const at = (day: number, minutes: number) => {
  const d = new Date(Date.UTC(1970, 0, 1 + day) + Math.floor(minutes / 1440) * 86_400_000);
  const m = minutes % 1440;
  return `${d.toISOString().slice(0, 10)}T${hm(m)}`;
};

/** The instance plus random `reserved` sessions (the extension): some where a proposal without
 * them put sessions (so they bite), the rest anywhere — off the slot grid, over midnight, just
 * outside the horizon, on-line or in any room, overlapping each other. */
export function withReservations(inst: Json, seed: number, taken: Json[] = [], o = { maxRandom: 6, long: true }): Json {
  const r = rngOf(seed * 7919 + 13);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const reserved: Json[] = [];
  for (const s of taken) {
    if (r() < 0.5) reserved.push({ trainerId: s.trainerId, siteId: s.siteId, roomId: s.roomId, start: s.start, end: s.end });
  }
  const d0 = Math.round(Date.UTC(Number(inst.horizon.start.slice(0, 4)), Number(inst.horizon.start.slice(5, 7)) - 1, Number(inst.horizon.start.slice(8, 10))) / 86_400_000);
  const n = inst.trainers.length ? int(0, o.maxRandom) : 0;
  for (let i = 0; i < n; i++) {
    const trainer = inst.trainers[int(0, inst.trainers.length - 1)];
    const site = r() < 0.3 || !inst.sites.length ? null : inst.sites[int(0, inst.sites.length - 1)];
    const room = site && site.rooms.length ? site.rooms[int(0, site.rooms.length - 1)] : null;
    const day = d0 + int(-1, inst.horizon.days);
    const start = int(14, 40) * 30 + (r() < 0.3 ? int(1, 29) : 0);
    const end = start + (o.long && r() < 0.1 ? int(10, 30) * 60 : int(1, 8) * 30 + (r() < 0.3 ? 10 : 0));
    reserved.push({ trainerId: trainer.id, siteId: room ? site.id : "online", roomId: room ? room.id : null, start: at(day, start), end: at(day, end) });
  }
  return { ...inst, reserved };
}
