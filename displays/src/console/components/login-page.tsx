import type { LoginResponse } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { login } from '../api/login.ts';

export interface LoginPageProps {
  /** Why the marketer is here again (a session that expired), shown above the form. */
  notice: string | null;
  onLoggedIn: (session: LoginResponse) => void;
}

export function LoginPage({ notice, onLoggedIn }: LoginPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const outcome = await login({ email, password });
    setBusy(false);
    if (outcome.ok) onLoggedIn(outcome.session);
    else setError(outcome.message);
  }

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit}>
        <h1>Vitrine console</h1>
        {notice && <p class="notice">{notice}</p>}
        <label>
          Email
          <input
            name="email"
            type="email"
            autocomplete="username"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            required
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
