import type { LoginResponse } from '@vitrine/shared';
import { useMemo, useState } from 'preact/hooks';
import { createCloudClient } from './api/cloud-client.ts';
import { createConsoleApi } from './api/console-api.ts';
import { ConsoleScreen } from './components/console-screen.tsx';
import { LoginPage } from './components/login-page.tsx';
import { readStoredSession, SESSION_KEY } from './domain/stored-session.ts';

const EXPIRED = 'Your session has expired: log in again.';

function initialState(): { session: LoginResponse | null; notice: string | null } {
  const stored = readStoredSession(sessionStorage.getItem(SESSION_KEY), new Date());
  if (stored.kind === 'valid') return { session: stored.session, notice: null };
  sessionStorage.removeItem(SESSION_KEY);
  return { session: null, notice: stored.kind === 'expired' ? EXPIRED : null };
}

/** The marketer console: its login, then its pages with the session's token. */
export function App({ locale }: { locale: string }) {
  const [state, setState] = useState(initialState);

  function logOut(notice: string | null) {
    sessionStorage.removeItem(SESSION_KEY);
    setState({ session: null, notice });
  }

  const token = state.session?.token ?? null;
  const api = useMemo(
    () =>
      token === null
        ? null
        : createConsoleApi(createCloudClient({ token, onExpired: () => logOut(EXPIRED) })),
    [token],
  );

  if (state.session === null || api === null) {
    return (
      <LoginPage
        notice={state.notice}
        onLoggedIn={(session) => {
          sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
          setState({ session, notice: null });
        }}
      />
    );
  }
  return (
    <ConsoleScreen
      api={api}
      locale={locale}
      userName={state.session.subject.name}
      onLogOut={() => logOut(null)}
    />
  );
}
