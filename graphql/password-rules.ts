import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { en } from "../app/locales/en";
import { ru } from "../app/locales/ru";

/**
 * Password rules after NIST SP 800-63B: length, not composition. At least 10 characters (counted as
 * Unicode characters, spaces allowed, nothing trimmed), at most 256, not guessable — zxcvbn's
 * common-password and pattern estimate must reach "safely unguessable" (score 3 of 4) — and not
 * built from the person's own email or name.
 */
export const PASSWORD_RULES = { minLength: 10, maxLength: 256, minScore: 3 } as const;

export type PasswordProblem = "tooShort" | "tooLong" | "tooWeak" | "personal";

// zxcvbn's cost grows with length; anything past this many characters is not what makes it weak.
const ESTIMATE_PREFIX = 100;
const SERVICE_WORDS = ["spros", "спрос"];

let estimator: ZxcvbnFactory | undefined;

export type PasswordOwner = { email: string; name: string };

function personalWords(owner: PasswordOwner): string[] {
  const localPart = owner.email.split("@")[0] ?? "";
  const words = [localPart, ...localPart.split(/[._+-]+/), ...owner.name.split(/\s+/)];
  return [...new Set(words.map((word) => word.toLowerCase().replace(/ё/g, "е")).filter((word) => word.length >= 3))];
}

/** What is wrong with a new password, empty when it is acceptable. */
export function passwordProblems(password: string, owner: PasswordOwner): PasswordProblem[] {
  const length = [...password].length;
  if (length < PASSWORD_RULES.minLength) return ["tooShort"];
  if (length > PASSWORD_RULES.maxLength) return ["tooLong"];
  const folded = password.toLowerCase().replace(/ё/g, "е");
  const personal = personalWords(owner);
  if (personal.some((word) => folded.includes(word))) return ["personal"];
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const { score } = estimator.check(password.slice(0, ESTIMATE_PREFIX), [...personal, ...SERVICE_WORDS]);
  return score < PASSWORD_RULES.minScore ? ["tooWeak"] : [];
}

type PasswordText = keyof typeof ru.passwordRules;

/**
 * The rule's explanation in the reader's language, from the app's own translations (the web app
 * shows API messages as they are), with {{min}}/{{max}} filled in.
 */
export function passwordText(locale: string, key: PasswordText): string {
  const texts = locale === "en" ? en.passwordRules : ru.passwordRules;
  return texts[key]
    .replace("{{min}}", String(PASSWORD_RULES.minLength))
    .replace("{{max}}", String(PASSWORD_RULES.maxLength));
}
