import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/form-fields";
import { fieldErrorKey, type ResourceResult } from "~/lib/documents/resources";

/**
 * Errors of one form on a resource page: `scope` names the form (several share a page), `fields`
 * maps a form field's name to a translation key, `form` is a message for the whole form.
 */
export type FormErrors = {
  scope: string;
  fields?: Record<string, string>;
  form?: string;
  params?: Record<string, string>;
};

/**
 * A failed mutation result as form errors. `fieldOf` turns an API path (["input", "capacity"])
 * into the form field's name; by default `<scope>-<last path part>`.
 */
export function resultErrors(
  result: ResourceResult<string>,
  scope: string,
  params: Record<string, string> = {},
  fieldOf: (path: string[]) => string = (path) => `${scope}-${path[path.length - 1]}`,
): Omit<FormErrors, "scope"> {
  if (result.__typename === "ValidationError" && "fieldErrors" in result) {
    const fields: Record<string, string> = {};
    for (const error of result.fieldErrors) {
      const field = [...error.path].reverse().find((part) => !/^\d+$/.test(part)) ?? "form";
      fields[fieldOf(error.path)] ??= fieldErrorKey(field, error.message);
    }
    return { fields, params };
  }
  if (result.__typename === "ResourceConflictError" && "code" in result && result.code) return { form: `resources.errors.${result.code}`, params };
  if (result.__typename === "NotFoundError") return { form: "resources.errors.notFound", params };
  return { form: "errors.generic", params };
}

/** `t` for keys chosen at run time (error keys, conflict codes); they all live in the `resources` group. */
export function useDynamicT() {
  const { t } = useTranslation();
  return t as unknown as (key: string, params?: Record<string, unknown>) => string;
}

/** The error summary of one form, focused when it appears; each item links to its field. */
export function ResourceErrorSummary({ errors, labels }: { errors: FormErrors; labels?: Record<string, string> }) {
  const { t: fixed } = useTranslation();
  const t = useDynamicT();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [errors]);
  const items = [
    ...(errors.form ? [{ message: t(errors.form, errors.params) }] : []),
    ...Object.entries(errors.fields ?? {}).map(([field, key]) => ({
      field,
      message: labels?.[field] ? `${labels[field]}: ${t(key, errors.params)}` : t(key, errors.params),
    })),
  ];
  if (items.length === 0) return null;
  return <ErrorSummary ref={ref} title={fixed("resources.errorSummary")} errors={items} />;
}
