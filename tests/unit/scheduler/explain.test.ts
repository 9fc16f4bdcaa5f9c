// Explanations name the right reason when resources, not demand, are what is missing.
import { describe, expect, it } from "vitest";
import { solve } from "../../../scheduler/solve";
import { checkProposal } from "./checker";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function twoTopics(trainers: Json[], rooms: number): Json {
  const topic = (id: string) => ({ id, durationMinutes: 120, online: false, minParticipants: 2, maxParticipants: 10 });
  const demand = ["A", "B"].flatMap((t) =>
    ["p1", "p2", "p3"].map((p) => ({ personId: `${p}${t}`, topicId: t, sites: ["s"], windows: [{ weekday: 1, from: "10:00", to: "12:00", strength: "preferred" }] })),
  );
  return {
    version: 1,
    timezone: "Europe/Moscow",
    horizon: { start: "2026-12-07", days: 1 },
    slotMinutes: 30,
    sites: [{ id: "s", opens: "08:00", closes: "20:00", rooms: Array.from({ length: rooms }, (_, i) => ({ id: `r${i}`, capacity: 10 })) }],
    trainers,
    topics: [topic("A"), topic("B")],
    demand,
  };
}

const trainer = (id: string) => ({ id, topics: ["A", "B"], sites: ["s"], availability: [{ weekday: 1, from: "10:00", to: "12:00" }], maxHoursPerWeek: 10 });

describe("explanations", () => {
  it("one trainer, two topics at the same time: noQualifiedTrainerFree", async () => {
    const inst = twoTopics([trainer("t1")], 2);
    const p = await solve(inst, { timeLimitMs: 300, seed: 1 });
    expect(checkProposal(inst, p).violations).toEqual([]);
    expect(p.sessions).toHaveLength(1);
    expect(p.explanations).toHaveLength(1);
    expect(p.explanations[0]).toMatchObject({ unservedPairs: 3, unservedWeight: 3, reasons: { noQualifiedTrainerFree: 3 } });
  });

  it("two trainers, one room: noRoomFree", async () => {
    const inst = twoTopics([trainer("t1"), trainer("t2")], 1);
    const p = await solve(inst, { timeLimitMs: 300, seed: 1 });
    expect(checkProposal(inst, p).violations).toEqual([]);
    expect(p.sessions).toHaveLength(1);
    expect(p.explanations[0].reasons).toEqual({ noRoomFree: 3 });
  });

  it("two trainers, two rooms: everyone served, proven optimal", async () => {
    const inst = twoTopics([trainer("t1"), trainer("t2")], 2);
    const p = await solve(inst, { timeLimitMs: 300, seed: 1 });
    expect(p.metrics.servedWeight).toBe(6);
    expect(p.status).toBe("optimal");
    expect(p.explanations).toEqual([]);
    expect(p.sessions.every((s) => s.preferredAttendees === 3 && s.ifNeedBeAttendees === 0)).toBe(true);
  });
});
