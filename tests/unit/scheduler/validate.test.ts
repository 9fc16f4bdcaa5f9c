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
  describe("reserved sessions (extension)", () => {
    const ok = () => [
      { trainerId: "t1", siteId: "strogino", roomId: "strogino-1", start: "2026-12-08T09:00", end: "2026-12-08T11:00" },
      { trainerId: "t1", siteId: "online", roomId: null, start: "2026-12-09T09:10", end: "2026-12-10T00:00" },
      // Outside the horizon, off the grid, to "24:00": all fine.
      { trainerId: "t1", siteId: "online", roomId: null, start: "2027-06-01T23:50", end: "2027-06-01T24:00" },
    ];
    const withReserved = (mutate: (r: Json[]) => void) =>
      errorsOf((i) => {
        i.sites.push({ id: "vdnkh", opens: "08:00", closes: "20:00", rooms: [{ id: "vdnkh-1", capacity: 10 }] });
        i.reserved = ok();
        mutate(i.reserved);
      });
    it("accepts well-formed entries, and an empty or absent list", () => {
      expect(withReserved(() => {})).toEqual([]);
      expect(withReserved((r) => r.splice(0))).toEqual([]);
    });
    it.each([
      [(r: Json[]) => (r[1].trainerId = "t9"), 'reserved[1].trainerId: unknown trainer "t9"'],
      [(r: Json[]) => (r[1].trainerId = ""), "reserved[1].trainerId: must be a non-empty string"],
      [(r: Json[]) => (r[0].siteId = "mars"), 'reserved[0].siteId: unknown site "mars"'],
      [(r: Json[]) => (r[0].roomId = "strogino-9"), 'reserved[0].roomId: unknown room "strogino-9"'],
      [(r: Json[]) => (r[0].roomId = "vdnkh-1"), 'reserved[0].roomId: room "vdnkh-1" is not at site "strogino"'],
      [(r: Json[]) => (r[0].roomId = null), "reserved[0].roomId: must be a room of the site for an in-person session"],
      [(r: Json[]) => (r[1].roomId = "strogino-1"), 'reserved[1].roomId: must be null for an on-line session (siteId "online")'],
      [(r: Json[]) => delete r[1].roomId, "reserved[1].roomId: Invalid input: expected string, received undefined"],
      [(r: Json[]) => (r[0].start = "2026-12-08 09:00"), 'reserved[0].start: must be a date-time "YYYY-MM-DDTHH:MM"'],
      [(r: Json[]) => (r[0].start = "2026-12-08T24:00"), 'reserved[0].start: must be a date-time "YYYY-MM-DDTHH:MM"'],
      [(r: Json[]) => (r[0].end = "2026-02-30T11:00"), 'reserved[0].end: must be a date-time "YYYY-MM-DDTHH:MM"'],
      [(r: Json[]) => (r[0].end = "2026-12-08T09:00"), "reserved[0].end: must be after start"],
      [(r: Json[]) => (r[1].end = "2026-12-08T10:00"), "reserved[1].end: must be after start"],
      [(r: Json[]) => (r[2] = "x"), "reserved[2]: Invalid input: expected object, received string"],
    ])("rejects reserved %#", (mutate, message) => {
      expect(withReserved(mutate)).toEqual([message]);
    });
  });
  it("rejects non-objects", () => {
    expect(validateInstance(null).ok).toBe(false);
    expect(validateInstance("x").ok).toBe(false);
  });
});
