import type { JSX } from 'preact';

export interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'tel';
  inputMode?: 'numeric';
  autoComplete?: string;
  hint?: string;
}

/** A labelled input with its own error beneath it, tied by aria-describedby. */
export function TextField({
  label,
  name,
  value,
  onInput,
  error,
  type = 'text',
  inputMode,
  autoComplete,
  hint,
}: TextFieldProps) {
  const errorId = `${name}-error`;
  const common = {
    name,
    value,
    autoComplete,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? errorId : undefined,
    onInput: (event: { currentTarget: HTMLInputElement }) => onInput(event.currentTarget.value),
  };
  let input: JSX.Element;
  if (type === 'password') input = <input id={name} type="password" {...common} />;
  else if (type === 'email') input = <input id={name} type="email" {...common} />;
  else if (type === 'tel') input = <input id={name} type="tel" {...common} />;
  else input = <input id={name} type="text" inputMode={inputMode} {...common} />;
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label class="field__label" for={name}>
        {label}
      </label>
      {input}
      {hint && !error && <span class="field__hint">{hint}</span>}
      {error && (
        <span class="field__error" id={errorId} data-testid={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}
