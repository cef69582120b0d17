import type { ComponentChildren } from 'preact';
import { errorAt, type FieldErrors } from '../domain/problem.ts';

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
