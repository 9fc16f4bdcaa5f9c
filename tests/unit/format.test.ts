import { describe, expect, it } from "vitest";
import { formatDate, intlLocale } from "../../app/lib/format";

describe("dates and numbers in the UI", () => {
  const instant = "2026-11-24T04:14:00Z"; // 07:14 in Moscow

  it("writes English the British way (day month year, 24-hour clock), Russian the Russian way", () => {
    expect(formatDate(instant, "en")).toBe("24 November 2026");
    expect(formatDate(instant, "ru")).toBe("24 ноября 2026 г.");
    const stamp = (language: string) =>
      new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Moscow" }).format(new Date(instant));
    expect(stamp("en")).toMatch(/^24 November 2026(,| at) 07:14$/);
    expect(stamp("ru")).toMatch(/^24 ноября 2026 г\.(,| в) 07:14$/);
    expect((1234.5).toLocaleString(intlLocale("en"))).toBe("1,234.5");
    expect((1234.5).toLocaleString(intlLocale("ru"))).toBe("1\u00a0234,5");
  });

  it("uses the Centre's clock, not the machine's", () => {
    expect(formatDate("2026-11-23T22:30:00Z", "en")).toBe("24 November 2026"); // 01:30 in Moscow
  });
});
