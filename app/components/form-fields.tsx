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

/**
 * The frame every field shares: label, hint and error, and the attributes that wire the control to
 * them. Each field type renders only its own control inside.
 */
function Field({ label, hint, error, name, children }: FieldProps & { children: (control: ControlWiring) => ReactNode }) {
  const ids = useFieldIds(name);
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label className="field__label" htmlFor={ids.control}>
        {label}
      </label>
      <Described ids={ids} hint={hint} error={error} />
      {children({
        id: ids.control,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined,
      })}
    </div>
  );
}

type ControlWiring = { id: string; name: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

export function TextField({ label, hint, error, name, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint} error={error} name={name}>
      {(wiring) => <input {...rest} {...wiring} className="field__control" />}
    </Field>
  );
}

export function TextAreaField({ label, hint, error, name, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} error={error} name={name}>
      {(wiring) => <textarea {...rest} {...wiring} className="field__control" />}
    </Field>
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
  return (
    <Field label={label} hint={hint} error={error} name={name}>
      {(wiring) => (
        <select {...rest} {...wiring} className="field__control field__control--select">
          {children}
        </select>
      )}
    </Field>
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
