import { z } from "zod";

/**
 * Text a person typed, trimmed and bounded. PostgreSQL text cannot hold NUL, so a NUL is refused
 * here, as a field error, instead of failing in the database as an internal error.
 */
export function plainText(min: number, max: number) {
  return z.string().trim().min(min).max(max).refine(withoutNul, { message: NUL_MESSAGE });
}

export const NUL_MESSAGE = "must not contain NUL characters";

export function withoutNul(text: string): boolean {
  return !text.includes("\u0000");
}
