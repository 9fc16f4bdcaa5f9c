import { describe, expect, it } from "vitest";
import { validateInstance } from "../../../scheduler/validate";
import { contractExample } from "./random-instance";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function errorsOf(mutate: (i: Json) => void): string[] {
  const inst = contractExample();
  mutate(inst);
  const r = validateInstance(inst);
  return r.ok ? [] : r.errors;
}

describe("validateInstance", () => {
  it("accepts the contract's example", () => {
    expect(validateInstance(contractExample()).ok).toBe(true);
  });
  it("names the path of a bad duration", () => {
    const errs = errorsOf((i) => {
      i.topics.push({ ...i.topics[0], id: "b" }, { ...i.topics[0], id: "c" }, { ...i.topics[0], id: "d", durationMinutes: 45 });
    });
    expect(errs).toContain("topics[3].durationMinutes: must be a positive multiple of slotMinutes");
  });
  it.each([
    [(i: Json) => (i.version = 2), "version: must be 1"],
    [(i: Json) => (i.horizon.start = "2026-02-30"), 'horizon.start: must be a date "YYYY-MM-DD"'],
    [(i: Json) => (i.slotMinutes = 7), "slotMinutes: must divide 1440 (a day)"],
    [(i: Json) => (i.sites[0].opens = "8:00"), 'sites[0].opens: must be a time "HH:MM"'],
    [(i: Json) => (i.sites[0].closes = "07:00"), "sites[0].closes: must be after opens"],
    [(i: Json) => (i.trainers[0].topics = ["nope"]), 'trainers[0].topics[0]: unknown topic "nope"'],
    [(i: Json) => (i.trainers[0].sites = ["nope"]), 'trainers[0].sites[0]: unknown site "nope"'],
    [(i: Json) => (i.trainers[0].availability[1].weekday = 8), "trainers[0].availability[1].weekday: must be an ISO weekday 1..7"],
    [(i: Json) => (i.demand[1].topicId = "nope"), 'demand[1].topicId: unknown topic "nope"'],
    [(i: Json) => (i.demand[2].windows[0].from = "25:00"), 'demand[2].windows[0].from: must be a time "HH:MM"'],
    [(i: Json) => (i.demand[0].windows[1].strength = "maybe"), 'demand[0].windows[1].strength: must be "preferred" or "ifNeedBe"'],
    [(i: Json) => (i.demand[2].personId = "u1"), 'demand[2]: duplicate demand for person "u1" and topic "conflicts"'],
    [(i: Json) => (i.topics[0].minParticipants = 20), "topics[0].minParticipants: must be ≤ maxParticipants"],
    [(i: Json) => (i.sites[0].id = "online"), 'sites[0].id: "online" is reserved for on-line sessions'],
    [(i: Json) => delete i.demand, "demand: Invalid input: expected array, received undefined"],
  ])("rejects %#", (mutate, message) => {
    expect(errorsOf(mutate)).toContain(message);
  });
  it("rejects non-objects", () => {
    expect(validateInstance(null).ok).toBe(false);
    expect(validateInstance("x").ok).toBe(false);
  });
});
