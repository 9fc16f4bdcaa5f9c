import { describe, expect, it } from "vitest";
import {
  CELL_COUNT,
  cellIndex,
  cellsToWindows,
  emptyCells,
  formatMinute,
  parseWindowsJson,
  rectangle,
  summarize,
  windowsToCells,
  type AvailabilityWindow,
} from "../../app/lib/availability-cells";

const w = (weekday: number, start: number, end: number, strength: AvailabilityWindow["strength"] = "PREFERRED"): AvailabilityWindow => ({
  weekday,
  startMinute: start,
  endMinute: end,
  strength,
});

describe("availability cells ↔ windows", () => {
  it("has 7 × 24 cells", () => {
    expect(CELL_COUNT).toBe(168);
    expect(emptyCells()).toHaveLength(168);
    expect(cellIndex(1, 0)).toBe(0);
    expect(cellIndex(7, 23)).toBe(167);
  });

  it("turns windows into cells", () => {
    const cells = windowsToCells([w(2, 480, 720), w(3, 480, 540, "IF_NEED_BE")]);
    expect(cells.filter((c) => c === "PREFERRED")).toHaveLength(8);
    expect(cells[cellIndex(2, 0)]).toBe("PREFERRED");
    expect(cells[cellIndex(2, 7)]).toBe("PREFERRED");
    expect(cells[cellIndex(2, 8)]).toBeNull();
    expect(cells[cellIndex(3, 1)]).toBe("IF_NEED_BE");
    expect(cells[cellIndex(3, 2)]).toBeNull();
  });

  it("makes maximal windows: adjacent cells of one strength merge, different strengths split", () => {
    const cells = emptyCells();
    for (const slot of [0, 1, 2]) cells[cellIndex(1, slot)] = "PREFERRED";
    for (const slot of [3, 4]) cells[cellIndex(1, slot)] = "IF_NEED_BE";
    cells[cellIndex(1, 6)] = "PREFERRED";
    cells[cellIndex(7, 23)] = "IF_NEED_BE";
    expect(cellsToWindows(cells)).toEqual([
      w(1, 480, 570),
      w(1, 570, 630, "IF_NEED_BE"),
      w(1, 660, 690),
      w(7, 1170, 1200, "IF_NEED_BE"),
    ]);
  });

  it("does not merge across days", () => {
    const cells = emptyCells();
    cells[cellIndex(1, 23)] = "PREFERRED";
    cells[cellIndex(2, 0)] = "PREFERRED";
    expect(cellsToWindows(cells)).toEqual([w(1, 1170, 1200), w(2, 480, 510)]);
  });

  it("round-trips normalised windows (the demo users' availability)", () => {
    const windows = [w(2, 480, 720), w(3, 480, 720, "IF_NEED_BE"), w(4, 480, 720)];
    expect(cellsToWindows(windowsToCells(windows))).toEqual(windows);
    const full = [1, 2, 3, 4, 5, 6, 7].map((d) => w(d, 480, 1200));
    expect(cellsToWindows(windowsToCells(full))).toEqual(full);
    expect(cellsToWindows(emptyCells())).toEqual([]);
  });

  it("merges adjacent input windows and clips to the grid", () => {
    expect(cellsToWindows(windowsToCells([w(5, 600, 660), w(5, 660, 720), w(6, 420, 510), w(8, 480, 540)]))).toEqual([
      w(5, 600, 720),
      w(6, 480, 510),
    ]);
  });

  it("lets PREFERRED win where bad input overlaps", () => {
    const cells = windowsToCells([w(1, 480, 600, "IF_NEED_BE"), w(1, 540, 570)]);
    expect(cellsToWindows(cells)).toEqual([w(1, 480, 540, "IF_NEED_BE"), w(1, 540, 570), w(1, 570, 600, "IF_NEED_BE")]);
  });
});

describe("helpers", () => {
  it("formats minutes", () => {
    expect(formatMinute(480)).toBe("08:00");
    expect(formatMinute(1170)).toBe("19:30");
  });

  it("selects rectangles either way round", () => {
    expect(rectangle(cellIndex(2, 3), cellIndex(1, 2)).sort((a, b) => a - b)).toEqual(
      [cellIndex(1, 2), cellIndex(1, 3), cellIndex(2, 2), cellIndex(2, 3)],
    );
  });

  it("summarises by grouping days with the same time and strength, preferred first", () => {
    expect(summarize([w(2, 480, 720), w(3, 480, 720, "IF_NEED_BE"), w(4, 480, 720)])).toEqual([
      { weekdays: [2, 4], startMinute: 480, endMinute: 720, strength: "PREFERRED" },
      { weekdays: [3], startMinute: 480, endMinute: 720, strength: "IF_NEED_BE" },
    ]);
  });

  it("parses the hidden field strictly", () => {
    expect(parseWindowsJson(JSON.stringify([w(1, 480, 540)]))).toEqual([w(1, 480, 540)]);
    expect(parseWindowsJson("[]")).toEqual([]);
    expect(parseWindowsJson("nope")).toBeNull();
    expect(parseWindowsJson(JSON.stringify([{ weekday: 1, startMinute: 480, endMinute: 540, strength: "MAYBE" }]))).toBeNull();
    expect(parseWindowsJson(null)).toBeNull();
  });
});
