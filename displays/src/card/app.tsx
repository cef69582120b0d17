import { useMemo } from 'preact/hooks';
import { resolveOrganisation } from './api/card-storage.ts';
import { createMemberHttp } from './api/member-http.ts';
import { CardScreen } from './components/card-screen.tsx';
import { SignInScreen } from './components/sign-in-screen.tsx';
import { useCard } from './hooks/use-card.ts';

export interface AppProps {
  locale: string;
}

/** The loyalty card: sign in or enrol, then the card. Its organisation comes from `?org=`. */
export function App({ locale }: AppProps) {
  const organisationId = useMemo(() => resolveOrganisation(location.search), []);
  if (organisationId === null) {
    return (
      <main class="sign-in">
        <div class="sheet">
          <span class="wordmark">Vitrine</span>
          <h1>Open your retailer’s link</h1>
          <p>This card opens from the link your retailer gives (it names the programme).</p>
        </div>
      </main>
    );
  }
  return <SignedCard organisationId={organisationId} locale={locale} />;
}

function SignedCard({ organisationId, locale }: { organisationId: string; locale: string }) {
  const http = useMemo(() => createMemberHttp(), []);
  const state = useCard(http, organisationId);
  if (state.card === null) {
    return (
      <SignInScreen
        http={http}
        organisationId={organisationId}
        onSignedIn={(session) => void state.signedIn(session)}
        notice={state.problem}
      />
    );
  }
  return <CardScreen http={http} state={state} organisationId={organisationId} locale={locale} />;
}
