import { describe, expect, it } from "vitest";
import { normalizeWindows, weeklyWindowsSchema, type WeeklyWindow } from "../../domain/availability";
import { contractWindows, demandEntry, effectiveWindows } from "../../domain/demand";

const w = (weekday: number, from: string, to: string, strength: "PREFERRED" | "IF_NEED_BE" = "PREFERRED"): WeeklyWindow => {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { weekday, startMinute: m(from), endMinute: m(to), strength };
};

describe("weekly window validation", () => {
  it("accepts a painted grid and names every bad field", () => {
    expect(weeklyWindowsSchema.safeParse([w(1, "08:00", "10:00"), w(1, "10:00", "12:00", "IF_NEED_BE")]).success).toBe(true);
    const result = weeklyWindowsSchema.safeParse([
      { weekday: 0, startMinute: 480, endMinute: 540, strength: "PREFERRED" },
      { weekday: 2, startMinute: 450, endMinute: 545, strength: "PREFERRED" },
      { weekday: 3, startMinute: 600, endMinute: 600, strength: "PREFERRED" },
      { weekday: 4, startMinute: 1140, endMinute: 1230, strength: "PREFERRED" },
    ]);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["0.weekday", "1.startMinute", "1.endMinute", "2.endMinute", "3.endMinute"]));
  });

  it("rejects overlapping windows of one weekday, pointing at the later one", () => {
    const result = weeklyWindowsSchema.safeParse([w(2, "09:00", "12:00"), w(3, "09:00", "12:00"), w(2, "11:00", "13:00", "IF_NEED_BE")]);
    expect(result.error!.issues.map((issue) => issue.path)).toEqual([[2, "startMinute"]]);
  });

  it("caps the number of windows", () => {
    const many = Array.from({ length: 101 }, (_, i) => w(1 + (i % 7), "08:00", "08:30"));
    expect(weeklyWindowsSchema.safeParse(many).success).toBe(false);
  });
});

describe("normalizeWindows", () => {
  it("merges adjacent cells of one strength into maximal windows, sorted", () => {
    expect(
      normalizeWindows([w(3, "09:00", "09:30"), w(1, "08:30", "09:00"), w(1, "08:00", "08:30"), w(1, "09:00", "10:00", "IF_NEED_BE"), w(3, "09:30", "10:00")]),
    ).toEqual([w(1, "08:00", "09:00"), w(1, "09:00", "10:00", "IF_NEED_BE"), w(3, "09:00", "10:00")]);
  });

  it("keeps gaps and lets the stronger win where windows overlap", () => {
    expect(normalizeWindows([w(1, "08:00", "09:00"), w(1, "09:30", "10:00")])).toHaveLength(2);
    expect(normalizeWindows([w(1, "08:00", "12:00", "IF_NEED_BE"), w(1, "09:00", "10:00")])).toEqual([
      w(1, "08:00", "09:00", "IF_NEED_BE"),
      w(1, "09:00", "10:00"),
      w(1, "10:00", "12:00", "IF_NEED_BE"),
    ]);
  });
});

describe("effectiveWindows", () => {
  const general = [w(2, "08:00", "12:00"), w(2, "12:00", "14:00", "IF_NEED_BE"), w(4, "14:00", "18:00")];

  it("is the general availability when the vote does not narrow", () => {
    expect(effectiveWindows(general, null)).toEqual(general);
    expect(effectiveWindows(general, [])).toEqual(general);
  });

  it("intersects with the narrowing, the weaker strength winning", () => {
    // "Only Tuesday 10:00–13:00, gladly": 12:00–13:00 is only if-need-be in general, so stays so.
    expect(effectiveWindows(general, [w(2, "10:00", "13:00")])).toEqual([w(2, "10:00", "12:00"), w(2, "12:00", "13:00", "IF_NEED_BE")]);
    // An if-need-be narrowing weakens preferred time.
    expect(effectiveWindows(general, [w(4, "08:00", "20:00", "IF_NEED_BE")])).toEqual([w(4, "14:00", "18:00", "IF_NEED_BE")]);
  });

  it("is empty when the narrowing misses the general availability", () => {
    expect(effectiveWindows(general, [w(5, "08:00", "20:00")])).toEqual([]);
    expect(effectiveWindows([], [w(2, "08:00", "20:00")])).toEqual([]);
  });
});

describe("contractWindows", () => {
  it("emits one window per stretch and strength, in HH:MM", () => {
    expect(contractWindows([w(2, "09:00", "09:30"), w(2, "09:30", "13:00"), w(4, "14:00", "18:00", "IF_NEED_BE")])).toEqual([
      { weekday: 2, from: "09:00", to: "13:00", strength: "preferred" },
      { weekday: 4, from: "14:00", to: "18:00", strength: "ifNeedBe" },
    ]);
  });

  it("covers a mixed stretch with an ifNeedBe window so sessions across the boundary fit one window", () => {
    expect(contractWindows([w(1, "09:00", "11:00"), w(1, "11:00", "13:00", "IF_NEED_BE"), w(1, "13:00", "14:00")])).toEqual([
      { weekday: 1, from: "09:00", to: "11:00", strength: "preferred" },
      { weekday: 1, from: "09:00", to: "14:00", strength: "ifNeedBe" },
      { weekday: 1, from: "13:00", to: "14:00", strength: "preferred" },
    ]);
  });

  it("does not join stretches across a gap", () => {
    expect(contractWindows([w(1, "09:00", "10:00"), w(1, "10:30", "11:00")])).toHaveLength(2);
  });
});

describe("demandEntry", () => {
  const base = { personId: "u1", topicId: "t1", general: [w(2, "09:00", "13:00")], narrowing: null };

  it("lists preferred sites for in-person topics and none for on-line ones", () => {
    expect(demandEntry({ ...base, online: false, siteCodes: ["vdnkh", "strogino", "vdnkh"] })).toEqual({
      personId: "u1",
      topicId: "t1",
      sites: ["strogino", "vdnkh"],
      windows: [{ weekday: 2, from: "09:00", to: "13:00", strength: "preferred" }],
    });
    expect(demandEntry({ ...base, online: true, siteCodes: ["strogino"] }).sites).toEqual([]);
  });

  it("keeps voters without availability, with no windows", () => {
    expect(demandEntry({ ...base, online: false, siteCodes: [], general: [] }).windows).toEqual([]);
  });
});
