/** Plural suffixes some languages need and others do not (Russian uses all four, English two). */
type OptionalPluralKey = `${string}_${"zero" | "two" | "few" | "many"}`;

/**
 * The shape a translation must have to mirror the source language: every key, with string leaves,
 * except plural forms the target language may not use.
 */
export type TranslationShape<T> = {
  [K in keyof T as K extends OptionalPluralKey ? never : K]: T[K] extends string ? string : TranslationShape<T[K]>;
} & {
  [K in keyof T as K extends OptionalPluralKey ? K : never]?: string;
};

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ru";

export function isLocale(value: unknown): value is Locale {
  return value === "ru" || value === "en";
}
