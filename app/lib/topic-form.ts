import { z } from "zod";
import { TOPIC_BLOCKS, TOPIC_FORMATS, type SuggestTopicInput } from "~/lib/documents";

/** The API's limit (graphql/topics.ts TOPIC_TITLE_LIMITS), checked here for a quick answer. */
export const TOPIC_TITLE_MAX = 120;

/**
 * The suggest-a-topic form, checked before it is sent (same limits as the API: title 5–120,
 * description 10–2000). Messages are translation keys; the API's ValidationError remains the
 * authority and its messages are shown as they come.
 */
export const suggestTopicSchema = z.object({
  title: z.string().trim().min(1, "suggest.titleRequired").min(5, "suggest.titleTooShort").max(TOPIC_TITLE_MAX, "suggest.titleTooLong"),
  description: z.string().trim().min(1, "suggest.descriptionRequired").min(10, "suggest.descriptionTooShort").max(2000, "suggest.descriptionTooLong"),
  block: z.enum(TOPIC_BLOCKS, "suggest.blockRequired"),
  format: z.enum(TOPIC_FORMATS, "suggest.formatRequired"),
  audience: z
    .string()
    .trim()
    .max(300, "suggest.audienceTooLong")
    .transform((s) => s || undefined),
});

export type SuggestField = keyof SuggestTopicInput;
export type SuggestErrors = Partial<Record<SuggestField | "form", string>>;

export function readSuggestForm(form: FormData) {
  const values = {
    title: String(form.get("title") ?? ""),
    description: String(form.get("description") ?? ""),
    block: String(form.get("block") ?? ""),
    format: String(form.get("format") ?? ""),
    audience: String(form.get("audience") ?? ""),
  };
  const parsed = suggestTopicSchema.safeParse(values);
  if (parsed.success) return { ok: true as const, input: parsed.data satisfies SuggestTopicInput, values };
  const errors: SuggestErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SuggestField;
    errors[field] ??= issue.message;
  }
  return { ok: false as const, errors, values };
}
