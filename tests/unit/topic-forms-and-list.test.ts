import { describe, expect, it } from "vitest";
import { readSuggestForm } from "../../app/lib/topic-form";
import { formatRelative } from "../../app/lib/relative-time";
import { isFiltered, parseTopicQuery, topicsVariables } from "../../app/lib/topic-query";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("the suggest form's own checks", () => {
  it("asks for a missing title and description rather than for a longer one", () => {
    const blank = readSuggestForm(form({ title: "   ", description: "", block: "SERVICE_DELIVERY", format: "SEMINAR" }));
    expect(blank.ok).toBe(false);
    expect(!blank.ok && blank.errors).toEqual({ title: "suggest.titleRequired", description: "suggest.descriptionRequired" });
    const short = readSuggestForm(form({ title: "Шум", description: "Коротко", block: "SERVICE_DELIVERY", format: "SEMINAR" }));
    expect(!short.ok && short.errors).toEqual({ title: "suggest.titleTooShort", description: "suggest.descriptionTooShort" });
  });
});

describe("relative times", () => {
  it("says «сейчас» / 'now' for this very moment, and counts minutes after that", () => {
    const now = Date.parse("2026-11-24T10:00:30Z");
    expect(formatRelative("2026-11-24T10:00:10Z", now, "ru")).toBe("сейчас");
    expect(formatRelative("2026-11-24T10:00:10Z", now, "en")).toBe("now");
    expect(formatRelative("2026-11-24T09:57:30Z", now, "ru")).toBe("3 минуты назад");
  });
});

describe("the topic list's status filter", () => {
  const variables = (search: string) => topicsVariables(parseTopicQuery(new URLSearchParams(search)));

  it("shows topics still in play by default, everything on request, or one status", () => {
    expect(variables("").filter.status).toEqual(["NEW", "OPEN", "PLANNED", "SCHEDULED"]);
    expect(isFiltered(parseTopicQuery(new URLSearchParams("")))).toBe(false);
    expect(variables("status=ALL").filter).not.toHaveProperty("status");
    expect(variables("status=REJECTED").filter.status).toEqual(["REJECTED"]);
    expect(variables("status=NONSENSE").filter.status).toEqual(["NEW", "OPEN", "PLANNED", "SCHEDULED"]);
  });
});
