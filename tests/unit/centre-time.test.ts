import { describe, expect, it } from "vitest";
import { addDays, centreInstant, centreWallClock, clockTime, dateKey, fromDateKey, isoWeekday } from "../../domain/centre-time";

describe("centre time (Europe/Moscow)", () => {
  it("turns a wall-clock date and minute into the instant, whatever the process's time zone", () => {
    expect(centreInstant(fromDateKey("2026-12-08"), 9 * 60).toISOString()).toBe("2026-12-08T06:00:00.000Z");
    expect(centreInstant(fromDateKey("2026-12-08"), 1).toISOString()).toBe("2026-12-07T21:01:00.000Z");
    // Before 2011 Moscow kept summer time (UTC+4 in July 2010).
    expect(centreInstant(fromDateKey("2010-07-01"), 12 * 60).toISOString()).toBe("2010-07-01T08:00:00.000Z");
  });

  it("reads the wall clock back from an instant", () => {
    const { date, minute } = centreWallClock(new Date("2026-12-07T22:30:00Z"));
    expect(dateKey(date)).toBe("2026-12-08");
    expect(minute).toBe(90);
  });

  it("parses only real calendar dates", () => {
    expect(dateKey(fromDateKey("2028-02-29"))).toBe("2028-02-29");
    expect(() => fromDateKey("2026-02-30")).toThrow(RangeError);
    expect(() => fromDateKey("2026-1-5")).toThrow(RangeError);
  });

  it("knows ISO weekdays, adds days and prints clock times", () => {
    expect(isoWeekday(fromDateKey("2026-12-07"))).toBe(1);
    expect(isoWeekday(fromDateKey("2026-12-13"))).toBe(7);
    expect(dateKey(addDays(fromDateKey("2026-12-31"), 1))).toBe("2027-01-01");
    expect(clockTime(8 * 60 + 5)).toBe("08:05");
  });
});
