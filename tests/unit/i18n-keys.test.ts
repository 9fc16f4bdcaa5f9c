import { describe, expect, it } from "vitest";
import { en } from "../../app/locales/en";
import { ru } from "../../app/locales/ru";

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leaves(tree: object, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object") for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

/** Keys with plural suffixes folded together: "topics.found_few" → "topics.found". */
function baseKeys(tree: object): string[] {
  return [...new Set([...leaves(tree).keys()].map((k) => k.replace(PLURAL_SUFFIX, "")))].sort();
}

/** For each plural key, the plural categories a locale provides. */
function pluralForms(tree: object): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const key of leaves(tree).keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    if (!match) continue;
    const base = key.replace(PLURAL_SUFFIX, "");
    forms.set(base, [...(forms.get(base) ?? []), match[1]].sort());
  }
  return forms;
}

const locales = { ru, en } as const;

/**
 * Russian nouns after a number agree with it (1 голос, 2 голоса, 5 голосов); only {{count}} picks a
 * plural form, so any other number must not be followed by such a noun: pass the number already
 * spelled out with its noun (t("votes.count", …)) or put the noun first ("мест — {{seats}}").
 */
const RU_COUNTED_NOUN = /\{\{(?!(?:count|until|date|start|end|title|name)\}\})(\w+)\}\}\s+(голос|сотрудник|тем[аы]?\b|мест|заняти|проголосовавш|офис|человек|недел|дн[яе]|час)/i;

describe("translations", () => {
  it("ru: no number but {{count}} is followed by a noun that must agree with it", () => {
    const disagreeing = [...leaves(ru)].filter(([, value]) => RU_COUNTED_NOUN.test(String(value))).map(([key, value]) => `${key}: ${value}`);
    expect(disagreeing).toEqual([]);
  });

  it("ru and en have the same keys (plural forms aside)", () => {
    expect(baseKeys(en)).toEqual(baseKeys(ru));
  });

  for (const [locale, tree] of Object.entries(locales)) {
    it(`${locale}: every string is non-empty`, () => {
      const empty = [...leaves(tree)].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
      expect(empty).toEqual([]);
    });

    it(`${locale}: every plural key has exactly the forms the language uses`, () => {
      const needed = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
      for (const [key, forms] of pluralForms(tree)) expect({ key, forms }).toEqual({ key, forms: needed });
    });

    it(`${locale}: interpolation placeholders match the other language`, () => {
      const other = locale === "ru" ? en : ru;
      const otherLeaves = leaves(other);
      const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      for (const [key, value] of leaves(tree)) {
        const counterpart = otherLeaves.get(key) ?? otherLeaves.get(key.replace(PLURAL_SUFFIX, "_other"));
        if (counterpart === undefined) continue;
        expect({ key, vars: placeholders(value) }).toEqual({ key, vars: placeholders(counterpart) });
      }
    });
  }
});
