import { daysOffSchema } from "../../domain/resource-rules";
import { resultErrors, type FormErrors } from "~/components/resource-form-errors";
import { fieldErrorKey, type ResourceResult, type TrainerInput, type TrainerWindow } from "~/lib/documents/resources";

/**
 * Reading the trainer forms (new trainer, trainer page) in route actions: the posted fields as the
 * API's input, and the API's field errors back onto the form's fields. Used on the server only.
 */

const WINDOW_FIELD = /^w-(\d)-(\d+)-from$/;

export type PostedValues = { values: Record<string, string>; lists: { topicIds: string[]; siteIds: string[] } };

export function postedValues(form: FormData): PostedValues {
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v)]));
  return { values, lists: { topicIds: form.getAll("topicIds").map(String), siteIds: form.getAll("siteIds").map(String) } };
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/**
 * The main trainer form as TrainerInput, or the fields to fix first (a window with one end only).
 * `fieldOf` maps the API's availability index back to its pair of selects. The account e-mail is
 * sent only when typed (an empty field keeps the link) or when "unlink" is ticked.
 */
export function readTrainerForm(form: FormData): { input: TrainerInput; windowFields: string[] } | { fields: Record<string, string> } {
  const windows: TrainerWindow[] = [];
  const windowFields: string[] = [];
  const fields: Record<string, string> = {};
  for (const key of form.keys()) {
    const match = WINDOW_FIELD.exec(key);
    if (!match) continue;
    const base = `w-${match[1]}-${match[2]}`;
    const from = text(form, `${base}-from`);
    const to = text(form, `${base}-to`);
    if (!from && !to) continue;
    if (!from || !to) {
      fields[`${base}-from`] = "resources.errors.windowIncomplete";
      continue;
    }
    windows.push({ weekday: Number(match[1]), startMinute: Number(from), endMinute: Number(to) });
    windowFields.push(base);
  }
  if (Object.keys(fields).length) return { fields };
  const hours = Number(text(form, "maxHoursPerWeek"));
  const email = text(form, "userEmail").trim();
  const input: TrainerInput = {
    name: text(form, "name"),
    maxHoursPerWeek: Number.isInteger(hours) ? hours : 0,
    topicIds: form.getAll("topicIds").map(String),
    siteIds: form.getAll("siteIds").map(String),
    availability: windows,
    ...(form.get("unlinkUser") === "on" ? { userEmail: "" } : email ? { userEmail: email } : {}),
  };
  return { input, windowFields };
}

/** A failed create/update as errors of the "trainer" form. */
export function trainerErrors(result: ResourceResult<string>, windowFields: string[]): FormErrors {
  const errors: FormErrors = {
    scope: "trainer",
    ...resultErrors(result, "trainer", {}, (path) => {
      if (path[1] !== "availability") return path[1] ?? "form";
      return `${windowFields[Number(path[2])] ?? "w-1-0"}-${path[3] === "endMinute" ? "to" : "from"}`;
    }),
  };
  // A trainer's name has limits of its own (2–100), not a room's.
  if (errors.fields?.name === "resources.errors.name") errors.fields.name = "resources.errors.trainerName";
  return errors;
}

/** Day-off rows with a date that are not ticked for removal; `rowOf` maps an index back to its row. */
export function readDaysOff(form: FormData): { daysOff: Array<{ date: string; reason: string | null }>; rowOf: number[] } {
  const rowOf: number[] = [];
  const daysOff = Array.from({ length: Number(text(form, "rows")) || 0 }, (_, row) => row).flatMap((row) => {
    const date = text(form, `day-${row}-date`).trim();
    if (!date || form.get(`day-${row}-remove`) === "on") return [];
    rowOf.push(row);
    return [{ date, reason: text(form, `day-${row}-reason`).trim() || null }];
  });
  return { daysOff, rowOf };
}

/** The API's field name for a day-off path (["daysOff", index, field]) as the row's form field. */
export const dayOffField = (rowOf: number[], index: string | undefined, field: string | undefined) => `day-${rowOf[Number(index)] ?? 0}-${field ?? "date"}`;

/**
 * Days off checked with the API's own rules before a new trainer is created, so a typo in a date
 * does not leave a half-saved trainer behind. Returns the form fields to fix (empty when fine).
 */
export function daysOffProblems(daysOff: Array<{ date: string; reason: string | null }>, rowOf: number[]): Record<string, string> {
  const parsed = daysOffSchema.safeParse(daysOff);
  if (parsed.success) return {};
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [index, field] = issue.path.map(String);
    const key = field ?? "date";
    fields[dayOffField(rowOf, index, key)] ??= fieldErrorKey(key, issue.message);
  }
  return fields;
}
