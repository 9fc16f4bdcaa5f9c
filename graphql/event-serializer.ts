/**
 * Events cross instances as JSON. Plain JSON would turn a Date (e.g. `TopicVoteChange.at`) into a
 * string, so Dates travel tagged and come back as Dates; everything else in SprosEvents is plain
 * data already.
 */
const DATE_TAG = "$date";

export const eventSerializer = {
  stringify(value: unknown): string {
    return JSON.stringify(value, function tagDates(this: Record<string, unknown>, key: string, json: unknown) {
      const raw = this[key]; // JSON.stringify has already called toJSON on `json`
      return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : json;
    });
  },
  parse(text: string): unknown {
    return JSON.parse(text, (_key, value: unknown) => (isTaggedDate(value) ? new Date(value[DATE_TAG]) : value));
  },
};

function isTaggedDate(value: unknown): value is { [DATE_TAG]: string } {
  if (typeof value !== "object" || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === DATE_TAG && typeof (value as Record<string, unknown>)[DATE_TAG] === "string";
}
