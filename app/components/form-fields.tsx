import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

type FieldProps = { label: string; hint?: string; error?: string | null; name: string };

/**
 * Label, hint and error wired to the control with aria-describedby / aria-invalid. Ids derive from
 * the field name (one form per page) so the error summary can link to `#field-<name>`.
 */
function useFieldIds(name: string) {
  return { control: `field-${name}`, hint: `field-${name}-hint`, error: `field-${name}-error` };
}

function Described({ ids, hint, error }: { ids: ReturnType<typeof useFieldIds>; hint?: string; error?: string | null }) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={ids.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={ids.error}>
          <ErrorIcon />
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(ids: ReturnType<typeof useFieldIds>, hint?: string, error?: string | null) {
  return [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({ label, hint, error, name, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(name);
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label className="field__label" htmlFor={ids.control}>
        {label}
      </label>
      <Described ids={ids} hint={hint} error={error} />
      <input
        {...rest}
        id={ids.control}
        name={name}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, hint, error)}
      />
    </div>
  );
}

export function TextAreaField({ label, hint, error, name, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(name);
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label className="field__label" htmlFor={ids.control}>
        {label}
      </label>
      <Described ids={ids} hint={hint} error={error} />
      <textarea
        {...rest}
        id={ids.control}
        name={name}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, hint, error)}
      />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  name,
  children,
  ...rest
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const ids = useFieldIds(name);
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label className="field__label" htmlFor={ids.control}>
        {label}
      </label>
      <Described ids={ids} hint={hint} error={error} />
      <select
        {...rest}
        id={ids.control}
        name={name}
        className="field__control field__control--select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, hint, error)}
      >
        {children}
      </select>
    </div>
  );
}

/**
 * The list of problems at the top of a form. It takes focus after a failed submission so screen
 * reader and keyboard users land on it; each item links to its field.
 */
export const ErrorSummary = forwardRef<HTMLElement, { title: string; errors: Array<{ field?: string; message: string }> }>(
  function ErrorSummary({ title, errors }, ref) {
    const headingId = useId();
    return (
      // Focused after a failed submission (see callers); a live role on top would read it twice.
      <section className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={headingId}>
        <h2 id={headingId} className="error-summary__title">
          {title}
        </h2>
        <ul>
          {errors.map((e) => (
            <li key={`${e.field ?? "form"}:${e.message}`}>
              {e.field ? <a href={`#field-${e.field}`}>{e.message}</a> : e.message}
            </li>
          ))}
        </ul>
      </section>
    );
  },
);

function ErrorIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="8" fill="currentColor" />
      <path d="M10 5.5v5.5M10 13.8v.2" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
