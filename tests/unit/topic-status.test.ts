import { describe, expect, it } from "vitest";
import { allowedTargets, planTransition, TOPIC_STATUS_TRANSITIONS } from "../../domain/topic-status";
import type { TopicStatus } from "../../prisma/generated/enums";

const STATUSES = Object.keys(TOPIC_STATUS_TRANSITIONS) as TopicStatus[];

describe("topic status life cycle", () => {
  it("allows the forward path and the documented steps back, nothing else", () => {
    const allowed = (from: TopicStatus, to: TopicStatus) => planTransition(from, to, "setStatus").ok;
    expect(["NEW>OPEN", "OPEN>PLANNED", "PLANNED>SCHEDULED", "SCHEDULED>DONE", "PLANNED>OPEN", "SCHEDULED>PLANNED", "REJECTED>OPEN"]
      .every((step) => allowed(...(step.split(">") as [TopicStatus, TopicStatus])))).toBe(true);
    for (const [from, to] of [["NEW", "PLANNED"], ["OPEN", "DONE"], ["DONE", "OPEN"], ["MERGED", "OPEN"], ["OPEN", "NEW"], ["REJECTED", "PLANNED"]] as const) {
      expect(planTransition(from, to, "setStatus"), `${from}>${to}`).toMatchObject({ ok: false, reason: "NOT_ALLOWED" });
    }
  });

  it("never reaches REJECTED without rejectTopic, nor MERGED without a merge", () => {
    for (const from of STATUSES) {
      expect(allowedTargets(from, "setStatus")).not.toContain("REJECTED");
      expect(allowedTargets(from, "setStatus")).not.toContain("MERGED");
      expect(allowedTargets(from, "reject")).not.toContain("MERGED");
    }
    expect(planTransition("OPEN", "REJECTED", "setStatus")).toMatchObject({ ok: false, reason: "NEEDS_REASON" });
    expect(planTransition("OPEN", "MERGED", "setStatus")).toMatchObject({ ok: false, reason: "ONLY_VIA_MERGE" });
    expect(planTransition("OPEN", "REJECTED", "reject")).toEqual({ ok: true, kind: "REJECT", unchanged: false });
    expect(planTransition("DONE", "REJECTED", "reject")).toMatchObject({ ok: false, allowed: [] });
  });

  it("lets an approved session take an active topic straight to SCHEDULED, and only that", () => {
    for (const from of ["NEW", "OPEN", "PLANNED"] as const) {
      expect(planTransition(from, "SCHEDULED", "approval")).toEqual({ ok: true, kind: "STATUS_CHANGE", unchanged: false });
    }
    expect(planTransition("SCHEDULED", "SCHEDULED", "approval")).toEqual({ ok: true, unchanged: true });
    for (const from of ["DONE", "REJECTED", "MERGED"] as const) expect(allowedTargets(from, "approval")).toEqual([]);
    expect(planTransition("OPEN", "DONE", "approval")).toMatchObject({ ok: false });
  });

  it("records a reopen as REOPEN and treats the current status as a no-op", () => {
    expect(planTransition("REJECTED", "OPEN", "reopen")).toEqual({ ok: true, kind: "REOPEN", unchanged: false });
    expect(planTransition("REJECTED", "OPEN", "setStatus")).toEqual({ ok: true, kind: "REOPEN", unchanged: false });
    expect(planTransition("OPEN", "OPEN", "reopen")).toEqual({ ok: true, unchanged: true });
    expect(planTransition("NEW", "OPEN", "reopen")).toMatchObject({ ok: false, allowed: [] });
    expect(planTransition("PLANNED", "PLANNED", "setStatus")).toEqual({ ok: true, unchanged: true });
  });

  it("every listed step is reachable by exactly one operation", () => {
    for (const from of STATUSES) {
      for (const to of TOPIC_STATUS_TRANSITIONS[from]) {
        const routes = (["setStatus", "reject", "reopen"] as const).filter((via) => planTransition(from, to, via).ok);
        expect(routes.length, `${from}>${to}`).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
