import type { LoginResponse } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { clearSession, loadSession, saveSession } from './api/browser-storage.ts';
import { AssociateScreen } from './components/associate-screen.tsx';
import { LoginScreen } from './components/login-screen.tsx';

export interface AppProps {
  locale: string;
  timeZone: string;
}

export function App({ locale, timeZone }: AppProps) {
  const [session, setSession] = useState<LoginResponse | null>(() => loadSession(new Date()));
  const [notice, setNotice] = useState<string | null>(null);

  const signIn = (next: LoginResponse) => {
    saveSession(next);
    setNotice(null);
    setSession(next);
  };
  const signOut = (reason: string | null) => {
    clearSession();
    setNotice(reason);
    setSession(null);
  };

  if (session === null) return <LoginScreen onSignedIn={signIn} notice={notice} />;
  return (
    <AssociateScreen
      key={session.token}
      session={session}
      locale={locale}
      timeZone={timeZone}
      onSignOut={signOut}
    />
  );
}
