import type { AvailabilityStrength } from "../generated/enums";
import type { Random } from "./random";

// Staff availability follows the offices' two-shift day (08:00–14:00 / 14:00–20:00) and the 2/2
// rota: late-shift staff can come in the mornings, early-shift staff in the evenings, 2/2 staff on
// their days off, and few want to give up a weekend. Windows sit on the 30-minute grid and never
// overlap on one weekday, so a grid editor can show them cell by cell.

export type AvailabilityWindow = {
  weekday: number;
  startMinute: number;
  endMinute: number;
  strength: AvailabilityStrength;
};

export type Persona = "lateShift" | "earlyShift" | "rota" | "weekend" | "unset";

const PERSONA_WEIGHTS: Record<Persona, number> = {
  lateShift: 38,
  earlyShift: 24,
  rota: 22,
  weekend: 8,
  unset: 8,
};

// Mid-week days are easiest to release staff on; Friday and Monday carry the heaviest queues.
const WEEKDAY_WEIGHTS = [0.9, 1.3, 1.1, 1.3, 0.7];

const h = (hours: number) => Math.round(hours * 60);

export function pickPersona(random: Random): Persona {
  const personas = Object.keys(PERSONA_WEIGHTS) as Persona[];
  return personas[random.weightedIndex(personas.map((p) => PERSONA_WEIGHTS[p]))];
}

/** Distinct weekdays (1–5) drawn by WEEKDAY_WEIGHTS, sorted. */
function pickWeekdays(random: Random, count: number): number[] {
  const weights = WEEKDAY_WEIGHTS.slice();
  const days: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = random.weightedIndex(weights);
    days.push(index + 1);
    weights[index] = 0;
  }
  return days.sort((a, b) => a - b);
}

export function generateAvailability(random: Random, persona: Persona): AvailabilityWindow[] {
  const windows: AvailabilityWindow[] = [];
  const add = (weekday: number, start: number, end: number, strength: AvailabilityStrength) =>
    windows.push({ weekday, startMinute: start, endMinute: end, strength });

  switch (persona) {
    case "lateShift": {
      // Before a 14:00 shift: mornings, sometimes stretching to lunch if really needed.
      const days = pickWeekdays(random, random.int(2, 4));
      for (const day of days) {
        const start = random.pick([h(8), h(8), h(8.5), h(9)]);
        const end = random.pick([h(11), h(11.5), h(12), h(12)]);
        add(day, start, end, "PREFERRED");
        if (random.chance(0.35)) add(day, end, h(13), "IF_NEED_BE");
      }
      const spare = [1, 2, 3, 4, 5].filter((d) => !days.includes(d));
      if (spare.length > 0 && random.chance(0.5)) add(random.pick(spare), h(8), h(12), "IF_NEED_BE");
      if (random.chance(0.15)) add(6, h(9), h(13), "IF_NEED_BE");
      break;
    }
    case "earlyShift": {
      // After a shift ending around 14:00–16:00: late afternoons and evenings.
      const days = pickWeekdays(random, random.int(1, 3));
      for (const day of days) {
        const start = random.pick([h(15), h(15.5), h(16), h(16), h(16.5)]);
        add(day, start, h(20), "PREFERRED");
      }
      const spare = [1, 2, 3, 4, 5].filter((d) => !days.includes(d));
      if (spare.length > 0 && random.chance(0.45)) add(random.pick(spare), h(16), h(19), "IF_NEED_BE");
      if (random.chance(0.25)) add(6, h(10), h(15), "IF_NEED_BE");
      break;
    }
    case "rota": {
      // 2/2 rota: whole days off on a couple of weekdays; the odd weekend day if need be.
      const days = pickWeekdays(random, random.int(1, 2));
      for (const day of days) {
        const start = random.pick([h(9), h(9), h(10)]);
        const end = random.pick([h(17), h(18), h(18), h(19)]);
        add(day, start, end, "PREFERRED");
      }
      if (random.chance(0.4)) add(random.pick([6, 7]), h(10), h(16), "IF_NEED_BE");
      break;
    }
    case "weekend": {
      add(6, random.pick([h(9), h(10)]), random.pick([h(16), h(17)]), "PREFERRED");
      if (random.chance(0.6)) add(7, h(11), h(16), "IF_NEED_BE");
      if (random.chance(0.3)) add(random.pick([2, 4]), h(17), h(20), "IF_NEED_BE");
      break;
    }
    case "unset":
      break; // has not filled in the form yet
  }
  return windows.sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
}
