import { describe, expect, it } from "vitest";
import type { Viewer } from "../../app/lib/documents";
import { localeCookie, negotiateLocale, readLocaleCookie, resolveLocale } from "../../app/lib/locale.server";

const request = (headers: Record<string, string>) => new Request("http://spros.test/topics", { headers });
const viewer = (locale: "ru" | "en"): Viewer => ({
  id: "VXNlcjox",
  name: "Анна Смирнова",
  email: "staff@spros.demo",
  role: "STAFF",
  locale,
  office: null,
});

describe("negotiateLocale (Accept-Language)", () => {
  it.each([
    ["en-US,en;q=0.9", "en"],
    ["ru-RU,ru;q=0.9,en;q=0.8", "ru"],
    ["de-DE,de;q=0.9,en;q=0.5,ru;q=0.7", "ru"],
    ["fr, en;q=0", null],
    ["EN-gb", "en"],
    ["", null],
  ])("%j → %j", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("resolveLocale: user → spros_lng cookie → Accept-Language → ru", () => {
  it("prefers the signed-in user's stored locale over everything else", () => {
    const r = request({ Cookie: "spros_lng=ru", "Accept-Language": "ru" });
    expect(resolveLocale(r, viewer("en"))).toBe("en");
  });

  it("then the cookie", () => {
    expect(resolveLocale(request({ Cookie: "a=1; spros_lng=en", "Accept-Language": "ru" }), null)).toBe("en");
  });

  it("then the browser's languages", () => {
    expect(resolveLocale(request({ "Accept-Language": "en-GB,en;q=0.9" }), null)).toBe("en");
  });

  it("and Russian when nothing says otherwise", () => {
    expect(resolveLocale(request({ "Accept-Language": "fr-FR", Cookie: "spros_lng=de" }), null)).toBe("ru");
  });
});

describe("the spros_lng cookie", () => {
  it("round-trips and lasts a year on the whole site", () => {
    const header = localeCookie("en");
    expect(header).toMatch(/^spros_lng=en; Path=\/; Max-Age=31536000; SameSite=Lax$/);
    expect(readLocaleCookie(request({ Cookie: header.split(";")[0] }))).toBe("en");
  });
});
