import type { StandardSchemaV1 } from "@pothos/plugin-validation";

/** Kept free of the builder so both the builder config and the error types can import it. */
export class FieldError {
  constructor(
    readonly path: string[],
    readonly message: string,
  ) {}
}

export class ValidationError extends Error {
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.map((error) => `${error.path.join(".")}: ${error.message}`).join("; ") || "Invalid input");
    this.name = "ValidationError";
  }
}

export function validationErrorFromIssues(
  issues: ReadonlyArray<StandardSchemaV1.Issue>,
  prefix: string[] = [],
): ValidationError {
  return new ValidationError(
    issues.map(
      (issue) =>
        new FieldError(
          [...prefix, ...(issue.path ?? []).map((part) => String(typeof part === "object" && part ? part.key : part))],
          issue.message,
        ),
    ),
  );
}
