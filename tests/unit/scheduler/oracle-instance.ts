// Small but not trivial instances for the exact MILP oracle: contention for one or two trainers,
// rooms and people's time, on a one-hour grid over three days.
import { rngOf } from "./random-instance";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

export function oracleInstance(seed: number): Json {
  const r = rngOf(seed * 7919);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const topics = Array.from({ length: int(2, 3) }, (_, i) => ({
    id: `t${i}`,
    durationMinutes: 60 * int(1, 3),
    online: r() < 0.3,
    minParticipants: int(2, 3),
    maxParticipants: int(3, 6),
    ...(r() < 0.3 ? { maxSessions: int(1, 2) } : {}),
  }));
  const sites = [{ id: "a", opens: "09:00", closes: "17:00", rooms: [{ id: "a1", capacity: int(3, 6) }, ...(r() < 0.5 ? [{ id: "a2", capacity: int(2, 5) }] : [])] }];
  const trainers = Array.from({ length: int(1, 2) }, (_, i) => ({
    id: `tr${i}`,
    topics: topics.filter((_, j) => j % 2 === i || r() < 0.5).map((t) => t.id),
    sites: ["a"],
    availability: [1, 2, 3].map((wd) => ({ weekday: wd, from: hm(60 * int(9, 11)), to: hm(60 * int(14, 17)) })),
    maxHoursPerWeek: int(3, 8),
  }));
  const demand: Json[] = [];
  for (let p = 0; p < int(6, 14); p++) {
    for (const t of topics) {
      if (r() < 0.45) continue;
      const windows = Array.from({ length: int(1, 2) }, () => {
        const a = 60 * int(9, 13);
        return { weekday: int(1, 3), from: hm(a), to: hm(Math.min(17 * 60, a + 60 * int(2, 5))), strength: r() < 0.6 ? "preferred" : "ifNeedBe" };
      });
      demand.push({ personId: `p${p}`, topicId: t.id, sites: ["a"], windows });
    }
  }
  return { version: 1, timezone: "Europe/Moscow", horizon: { start: "2026-12-07", days: 3 }, slotMinutes: 60, sites, trainers, topics, demand };
}

