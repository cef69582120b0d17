import type { LoginResponse } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { login } from '../api/edge-http.ts';

export interface LoginScreenProps {
  onSignedIn: (session: LoginResponse) => void;
  /** Why the associate is back here (a refused or expired session). */
  notice: string | null;
}

export function LoginScreen({ onSignedIn, notice }: LoginScreenProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const outcome = await login({ email: email.trim(), password });
    setPending(false);
    if (outcome.ok) onSignedIn(outcome.session);
    else setError(outcome.message);
  };

  return (
    <main class="login">
      <form class="login__panel" onSubmit={submit} aria-labelledby="login-title">
        <span class="wordmark wordmark--dark">Vitrine</span>
        <h1 id="login-title" class="login__title">
          Clienteling
        </h1>
        <p class="login__lead">Sign in to receive arrivals in your store.</p>
        {notice !== null && error === null && (
          <p class="login__notice" role="status" data-testid="login-notice">
            {notice}
          </p>
        )}
        {error !== null && (
          <p class="login__error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <label class="field">
          <span class="field__label">Email</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field__label">Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary-button" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
