// Independent checker for scheduler proposals, written from the contract
// (/work/shared/scheduler-contract.md) alone. It deliberately imports nothing from scheduler/:
// its own time arithmetic, its own reading of every hard constraint, its own objective.
// Also the `reserved` extension (scheduler/README.md, "Reserved sessions"): sessions that already
// exist occupy their trainer and room, fix the trainer's physical site for the day and count
// toward weekly hours. Clashes among reserved sessions themselves are the input's, not flagged.

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const mins = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function utcDay(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

function weekdayOf(day: number): number {
  const js = new Date(day * 86_400_000).getUTCDay(); // 0 = Sunday
  return js === 0 ? 7 : js;
}

function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function mondayOf(day: number): number {
  return day - (weekdayOf(day) - 1);
}

interface Use {
  key: string;
  day: number;
  a: number;
  b: number;
  label: string;
  reserved: boolean;
}

export interface CheckResult {
  violations: string[];
  servedWeight: number;
  servedPairs: number;
}

export function checkProposal(inst: Json, prop: Json): CheckResult {
  const v: string[] = [];
  const bad = (msg: string) => v.length < 200 && v.push(msg);
  const g: number = inst.slotMinutes;
  const h0 = utcDay(inst.horizon.start);
  const topics = new Map<string, Json>(inst.topics.map((t: Json) => [t.id, t]));
  const trainers = new Map<string, Json>(inst.trainers.map((t: Json) => [t.id, t]));
  const sites = new Map<string, Json>(inst.sites.map((s: Json) => [s.id, s]));
  const demand = new Map<string, Json>(inst.demand.map((d: Json) => [`${d.personId}|${d.topicId}`, d]));
  const perTopic = new Map<string, number>();
  const roomUse: Use[] = [];
  const trainerUse: Use[] = [];
  const trainerSiteDay = new Map<string, { site: string; label: string; reserved: boolean }[]>();
  const trainerWeek = new Map<string, number>();
  const reservedWeek = new Map<string, number>();
  const personUse = new Map<string, Omit<Use, "key">[]>();
  const personTopic = new Set<string>();
  let servedWeight = 0;
  let servedPairs = 0;
  const atSite = (trainer: string, day: number, site: string, label: string, reserved: boolean) => {
    const k = `${trainer}|${day}`;
    const list = trainerSiteDay.get(k) ?? [];
    for (const x of list) {
      if (x.site !== site && !(x.reserved && reserved)) bad(`${x.label} and ${label}: trainer ${trainer} at two sites on ${dateOf(day)}`);
    }
    list.push({ site, label, reserved });
    trainerSiteDay.set(k, list);
  };

  ((inst.reserved ?? []) as Json[]).forEach((x, j) => {
    const label = `reserved[${j}]`;
    const from = utcDay(x.start.slice(0, 10)) * 1440 + mins(x.start.slice(11));
    const to = utcDay(x.end.slice(0, 10)) * 1440 + mins(x.end.slice(11));
    for (let day = h0; day < h0 + inst.horizon.days; day++) {
      const a = Math.max(from, day * 1440) - day * 1440;
      const b = Math.min(to, (day + 1) * 1440) - day * 1440;
      if (b <= a) continue;
      trainerUse.push({ key: x.trainerId, day, a, b, label, reserved: true });
      if (x.roomId !== null) roomUse.push({ key: x.roomId, day, a, b, label, reserved: true });
      if (x.siteId !== "online") atSite(x.trainerId, day, x.siteId, label, true);
      const wk = `${x.trainerId}|${mondayOf(day)}`;
      reservedWeek.set(wk, (reservedWeek.get(wk) ?? 0) + (b - a));
    }
  });

  (prop.sessions as Json[]).forEach((s, i) => {
    const at = `sessions[${i}]`;
    const t = topics.get(s.topicId);
    const tr = trainers.get(s.trainerId);
    if (!t) return bad(`${at}: unknown topic ${s.topicId}`);
    if (!tr) return bad(`${at}: unknown trainer ${s.trainerId}`);
    if (!tr.topics.includes(t.id)) bad(`${at}: trainer does not teach the topic`);
    const date = s.start.slice(0, 10);
    if (s.end.slice(0, 10) !== date) bad(`${at}: session crosses midnight`);
    const day = utcDay(date);
    const a = mins(s.start.slice(11));
    const b = mins(s.end.slice(11));
    if (b - a !== t.durationMinutes) bad(`${at}: duration ${b - a} ≠ ${t.durationMinutes}`);
    if (a % g !== 0) bad(`${at}: start off the ${g}-minute grid`);
    if (day < h0 || day >= h0 + inst.horizon.days) bad(`${at}: date outside the horizon`);
    if ((tr.unavailableDates ?? []).includes(date)) bad(`${at}: trainer unavailable that date`);
    const wd = weekdayOf(day);
    if (t.online) {
      if (s.siteId !== "online" || s.roomId !== null) bad(`${at}: on-line session needs siteId "online", roomId null`);
      if (s.capacity !== t.maxParticipants) bad(`${at}: on-line capacity must be maxParticipants`);
      if (a < 8 * 60 || b > 20 * 60) bad(`${at}: on-line session outside 08:00–20:00`);
    } else {
      const site = sites.get(s.siteId);
      if (!site) return bad(`${at}: unknown site ${s.siteId}`);
      if (!tr.sites.includes(site.id)) bad(`${at}: trainer does not work at ${site.id}`);
      if ((site.closedDates ?? []).includes(date)) bad(`${at}: site closed that date`);
      if (a < mins(site.opens) || b > mins(site.closes)) bad(`${at}: outside opening hours`);
      const room = site.rooms.find((r: Json) => r.id === s.roomId);
      if (!room) bad(`${at}: room ${s.roomId} is not at ${site.id}`);
      else if (s.capacity !== Math.min(room.capacity, t.maxParticipants)) bad(`${at}: capacity must be min(room, maxParticipants)`);
      roomUse.push({ key: String(s.roomId), day, a, b, label: at, reserved: false });
      atSite(tr.id, day, site.id, at, false);
    }
    const inWindow = tr.availability.some((w: Json) => w.weekday === wd && mins(w.from) <= a && b <= mins(w.to));
    if (!inWindow) bad(`${at}: outside the trainer's availability`);
    trainerUse.push({ key: tr.id, day, a, b, label: at, reserved: false });
    const wk = `${tr.id}|${mondayOf(day)}`;
    trainerWeek.set(wk, (trainerWeek.get(wk) ?? 0) + (b - a));
    perTopic.set(t.id, (perTopic.get(t.id) ?? 0) + 1);

    const att: string[] = s.attendees;
    if (att.length < t.minParticipants) bad(`${at}: ${att.length} attendees < minParticipants`);
    if (att.length > s.capacity) bad(`${at}: ${att.length} attendees > capacity`);
    for (const p of att) {
      const d = demand.get(`${p}|${t.id}`);
      if (!d) {
        bad(`${at}: ${p} has no demand for ${t.id}`);
        continue;
      }
      if (personTopic.has(`${p}|${t.id}`)) bad(`${at}: ${p} attends ${t.id} twice`);
      personTopic.add(`${p}|${t.id}`);
      if (!t.online && !d.sites.includes(s.siteId)) bad(`${at}: ${p} cannot go to ${s.siteId}`);
      let w = 0;
      for (const win of d.windows) {
        if (win.weekday !== wd || mins(win.from) > a || b > mins(win.to)) continue;
        w = Math.max(w, win.strength === "preferred" ? 1 : 0.5);
      }
      if (w === 0) bad(`${at}: session outside every window of ${p}`);
      servedWeight += w;
      servedPairs++;
      const list = personUse.get(p) ?? [];
      list.push({ day, a, b, label: at, reserved: false });
      personUse.set(p, list);
    }
  });

  // Every pair on the same key and day (not only neighbours: reserved sessions may overlap each
  // other, and a long one may hide a clash behind a short one).
  const overlaps = (xs: Use[], what: string) => {
    const byKey = new Map<string, Use[]>();
    for (const x of xs) {
      const k = `${x.key}|${x.day}`;
      const l = byKey.get(k) ?? [];
      l.push(x);
      byKey.set(k, l);
    }
    for (const l of byKey.values()) {
      for (let j = 0; j < l.length; j++) {
        for (let k = j + 1; k < l.length; k++) {
          if (l[j].reserved && l[k].reserved) continue;
          if (l[j].a < l[k].b && l[k].a < l[j].b) bad(`${l[j].label} and ${l[k].label}: ${what} ${l[j].key} double-booked`);
        }
      }
    }
  };
  overlaps(roomUse, "room");
  overlaps(trainerUse, "trainer");
  overlaps([...personUse].flatMap(([p, l]) => l.map((x) => ({ ...x, key: p }))), "person");
  for (const [k, proposed] of trainerWeek) {
    const tr = trainers.get(k.split("|")[0]);
    const minutes = proposed + (reservedWeek.get(k) ?? 0);
    if (minutes > tr.maxHoursPerWeek * 60 + 1e-6) bad(`trainer ${tr.id}: ${minutes / 60} h in a week > ${tr.maxHoursPerWeek}`);
  }
  for (const [id, n] of perTopic) {
    const t = topics.get(id);
    if (t.maxSessions !== undefined && n > t.maxSessions) bad(`topic ${id}: ${n} sessions > maxSessions`);
  }
  const m = prop.metrics;
  if (Math.abs(m.servedWeight - servedWeight) > 1e-9) bad(`metrics.servedWeight ${m.servedWeight} ≠ ${servedWeight}`);
  if (m.servedPairs !== servedPairs) bad(`metrics.servedPairs ${m.servedPairs} ≠ ${servedPairs}`);
  if (m.demandPairs !== inst.demand.length) bad(`metrics.demandPairs wrong`);
  if (m.sessions !== prop.sessions.length) bad(`metrics.sessions wrong`);
  if (m.upperBound !== null && m.upperBound < servedWeight - 1e-9) bad(`upperBound below servedWeight`);
  return { violations: v, servedWeight, servedPairs };
}
