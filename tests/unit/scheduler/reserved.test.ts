// The `reserved` extension: sessions that already exist are planned around (trainer and room
// time, the trainer's site of the day, weekly hours), and the independent checker catches a
// proposal that ignores them.
import { describe, expect, it } from "vitest";
import { solve } from "../../../scheduler/solve";
import { checkProposal } from "./checker";
import { contractExample } from "./random-instance";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function solveChecked(inst: Json) {
  const p = await solve(inst, { timeLimitMs: 500, seed: 1, effort: 0.3 });
  expect(checkProposal(inst, p).violations).toEqual([]);
  return p;
}

const tuesdays = ["2026-12-08", "2026-12-15", "2026-12-22", "2026-12-29"];
const online = (trainerId: string, date: string, from: string, to: string) => ({
  trainerId, siteId: "online", roomId: null, start: `${date}T${from}`, end: `${date}T${to}`,
});

describe("reserved sessions", () => {
  it("plans around a reservation on the trainer's time of the best proposal without it", async () => {
    const before = await solveChecked(contractExample());
    expect(before.sessions.map((s) => [s.start.slice(11), s.attendees])).toEqual([["10:00", ["u1", "u7"]]]);
    expect(tuesdays).toContain(before.sessions[0].start.slice(0, 10));
    // An on-line session of t1, off the grid (10:50–11:10), in the middle of that session.
    const date = before.sessions[0].start.slice(0, 10);
    const inst = { ...contractExample(), reserved: [online("t1", date, "10:50", "11:10")] };
    expect(checkProposal(inst, before).violations).toEqual(["reserved[0] and sessions[0]: trainer t1 double-booked"]);
    const after = await solveChecked(inst);
    expect(after.sessions.map((s) => [s.start.slice(11), s.attendees])).toEqual([["10:00", ["u1", "u7"]]]);
    expect(tuesdays.filter((d) => d !== date)).toContain(after.sessions[0].start.slice(0, 10));
    expect(after.metrics.servedWeight).toBe(2);
  });

  it("a trainer's reserved time moves the session to the only free Tuesday", async () => {
    const inst = { ...contractExample(), reserved: tuesdays.filter((d) => d !== "2026-12-22").map((d) => online("t1", d, "11:30", "12:00")) };
    const p = await solveChecked(inst);
    expect(p.sessions.map((s) => s.start)).toEqual(["2026-12-22T10:00"]);
    expect(p.metrics.servedWeight).toBe(2);
  });

  it("a room held by another trainer's reserved session moves the session too", async () => {
    const base = contractExample();
    const t2 = { ...base.trainers[0], id: "t2", topics: [] };
    const free = { ...base, trainers: [...base.trainers, t2] };
    const before = await solveChecked(free);
    const date = before.sessions[0].start.slice(0, 10);
    // t2 holds the only room from 11:30 on that day and on one other Tuesday.
    const other = tuesdays.find((d) => d !== date)!;
    const reserved = [date, other].map((d) => ({ trainerId: "t2", siteId: "strogino", roomId: "strogino-1", start: `${d}T11:30`, end: `${d}T13:00` }));
    const inst = { ...free, reserved };
    expect(checkProposal(inst, before).violations).toEqual(["reserved[0] and sessions[0]: room strogino-1 double-booked"]);
    const after = await solveChecked(inst);
    expect(after.sessions.map((s) => [s.start.slice(11), s.roomId, s.attendees.length])).toEqual([["10:00", "strogino-1", 2]]);
    expect(tuesdays.filter((d) => d !== date && d !== other)).toContain(after.sessions[0].start.slice(0, 10));
  });

  it("with every Tuesday taken, only the Monday if-need-be session is left", async () => {
    const inst = { ...contractExample(), reserved: tuesdays.map((d) => online("t1", d, "09:00", "18:00")) };
    const p = await solveChecked(inst);
    expect(p.sessions.map((s) => [s.start.slice(11), s.attendees])).toEqual([["14:00", ["u1", "u9"]]]);
    expect(p.metrics.servedWeight).toBe(1);
    expect(p.explanations[0].reasons).toEqual({ noQualifiedTrainerFree: 1 });
  });

  it("reserved hours count toward the week: 2 h reserved of 3 leave no room for a 2 h session", async () => {
    const base = contractExample();
    const weekly = (max: number, days: number, reserved: Json[]) => ({
      ...base, horizon: { start: "2026-12-07", days }, trainers: [{ ...base.trainers[0], maxHoursPerWeek: max }], reserved,
    });
    // Monday of the first week, on-line, outside every demand window: they take only hours.
    const monday = [online("t1", "2026-12-07", "08:00", "09:00"), online("t1", "2026-12-07", "18:00", "19:00")];
    const full = await solveChecked(weekly(3, 7, monday));
    expect(full.sessions).toEqual([]);
    expect(full.explanations[0].reasons).toEqual({ noQualifiedTrainerFree: 3 });
    // In a two-week horizon the session goes to the second week, the only Tuesday left.
    const two = await solveChecked(weekly(3, 14, monday));
    expect(two.sessions.map((s) => s.start)).toEqual(["2026-12-15T10:00"]);
    // One more hour of allowance and the first week fits again.
    const four = await solveChecked(weekly(4, 7, monday));
    expect(four.sessions.map((s) => s.start)).toEqual(["2026-12-08T10:00"]);
    // The checker counts reserved hours: that proposal is over the limit of 3 with them.
    expect(checkProposal(weekly(3, 7, monday), four).violations).toEqual(["trainer t1: 4 h in a week > 3"]);
  });

  it("a reserved in-person session fixes the trainer's site for that day; on-line ones do not", async () => {
    const base = contractExample();
    const inst = (reserved: Json[]) => ({
      ...base,
      horizon: { start: "2026-12-08", days: 1 },
      sites: [...base.sites, { id: "vdnkh", opens: "08:00", closes: "20:00", rooms: [{ id: "vdnkh-1", capacity: 10 }] }],
      trainers: [{ ...base.trainers[0], sites: ["strogino", "vdnkh"] }],
      reserved,
    });
    const at = (siteId: string, roomId: string | null) => [{ trainerId: "t1", siteId, roomId, start: "2026-12-08T16:00", end: "2026-12-08T17:00" }];
    const elsewhere = await solveChecked(inst(at("vdnkh", "vdnkh-1")));
    expect(elsewhere.sessions).toEqual([]);
    expect(elsewhere.explanations[0].reasons.noQualifiedTrainerFree).toBe(2);
    for (const reserved of [at("strogino", "strogino-1"), at("online", null), []]) {
      const p = await solveChecked(inst(reserved));
      expect(p.sessions.map((s) => [s.siteId, s.start])).toEqual([["strogino", "2026-12-08T10:00"]]);
    }
    // The checker rejects the strogino session on a day t1 is at vdnkh.
    const p = await solveChecked(inst([]));
    expect(checkProposal(inst(at("vdnkh", "vdnkh-1")), p).violations).toEqual([
      "reserved[0] and sessions[0]: trainer t1 at two sites on 2026-12-08",
    ]);
  });

  it("reservations outside the horizon are ignored, even for the hours of a week the horizon shares", async () => {
    const base = contractExample();
    const inst = {
      ...base,
      horizon: { start: "2026-12-08", days: 7 },
      trainers: [{ ...base.trainers[0], maxHoursPerWeek: 3 }],
      // Monday 2026-12-07 is in the horizon's first ISO week, but before the horizon.
      reserved: [online("t1", "2026-12-07", "09:00", "18:00"), online("t1", "2026-12-15", "10:00", "12:00")],
    };
    const p = await solveChecked(inst);
    expect(p.sessions.map((s) => s.start)).toEqual(["2026-12-08T10:00"]);
  });

  it("a reservation over midnight blocks both days", async () => {
    const week = { ...contractExample(), horizon: { start: "2026-12-07", days: 7 } };
    // (Both stay within the 30 weekly hours with a 2 h session: only the slots are in the way.)
    const overnight = (start: string) => ({ ...week, reserved: [{ trainerId: "t1", siteId: "online", roomId: null, start, end: "2026-12-08T18:30" }] });
    // From Monday 20:00 until Tuesday 18:30: Tuesday is gone, Monday afternoon is left.
    const p = await solveChecked(overnight("2026-12-07T20:00"));
    expect(p.sessions.map((s) => [s.start, s.attendees])).toEqual([["2026-12-07T14:00", ["u1", "u9"]]]);
    // From Monday 15:00: nothing is left.
    const q = await solveChecked(overnight("2026-12-07T15:00"));
    expect(q.sessions).toEqual([]);
    expect(checkProposal(overnight("2026-12-07T15:00"), p).violations).toEqual(["reserved[0] and sessions[0]: trainer t1 double-booked"]);
  });
});
