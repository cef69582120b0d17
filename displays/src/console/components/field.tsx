import type { ComponentChildren } from 'preact';
import { errorAt, errorSummary, type FieldErrors } from '../domain/problem.ts';

export interface FieldProps {
  label: string;
  /** The schema path of the value: the cloud names a field's error by it. */
  path: string;
  errors: FieldErrors;
  children: ComponentChildren;
  hint?: string;
}

/** A labelled input with its error next to it. */
export function Field({ label, path, errors, children, hint }: FieldProps) {
  const error = errorAt(errors, path);
  return (
    <div class={error ? 'field invalid' : 'field'} data-path={path}>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is the child it wraps */}
      <label>
        <span class="field-label">{label}</span>
        {children}
      </label>
      {hint && <span class="field-hint">{hint}</span>}
      {error && (
        <span class="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export interface FormProblemProps {
  message: string | null;
  errors: FieldErrors;
}

/** Above a form: why it was not saved, and every field's message as `path: message`. */
export function FormProblem({ message, errors }: FormProblemProps) {
  if (!message) return null;
  const summary = errorSummary(errors);
  return (
    <div class="form-problem" role="alert">
      <p>{message}</p>
      {summary.length > 0 && (
        <ul>
          {summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The props binding a text input to a field of a form held as strings. */
export function textBinder<F, K extends keyof F & string>(form: F, setForm: (form: F) => void) {
  return (name: K) => ({
    name,
    value: form[name],
    onInput: (e: { currentTarget: HTMLInputElement }) =>
      setForm({ ...form, [name]: e.currentTarget.value }),
  });
}
