import type { MemberStore } from '@vitrine/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  installationClientId,
  loadLastStore,
  loadStores,
  saveLastStore,
  saveStores,
} from '../api/card-storage.ts';
import type { MemberHttp } from '../api/member-http.ts';
import type { CardState } from '../hooks/use-card.ts';
import { useInvitations } from '../hooks/use-invitations.ts';
import { useRotatingQr } from '../hooks/use-rotating-qr.ts';
import { useStoreLink } from '../hooks/use-store-link.ts';
import { CheckInPanel } from './check-in-panel.tsx';
import { ConsentPanel } from './consent-panel.tsx';
import { InvitationList } from './invitation-list.tsx';
import { LoyaltyQrPanel } from './loyalty-qr-panel.tsx';
import { OfferList } from './offer-list.tsx';
import { ScanPanel } from './scan-panel.tsx';
import { StorePicker } from './store-picker.tsx';

export interface CardScreenProps {
  http: MemberHttp;
  state: CardState;
  organisationId: string;
  locale: string;
}

/** The signed-in card: the QR, the store and its live link, scans, invitations, privacy. */
export function CardScreen({ http, state, organisationId, locale }: CardScreenProps) {
  const [stores, setStores] = useState<MemberStore[]>(() => loadStores());
  const [storeId, setStoreId] = useState<string | null>(() => loadLastStore());
  const clientId = useMemo(() => installationClientId(), []);
  const ready = state.card?.pass != null && state.keyPair !== null;
  const credentials = ready ? state.credentials : null;

  useEffect(() => {
    void http.stores(organisationId).then((listed) => {
      if (!listed.ok) return;
      setStores(listed.value);
      saveStores(listed.value);
    });
  }, [http, organisationId]);

  // Until the customer picks one, the card offers their home store.
  const chosenId = storeId ?? state.profile?.homeStoreId ?? null;
  const store = stores.find((candidate) => candidate.id === chosenId) ?? null;
  const qr = useRotatingQr(credentials, store?.id ?? null);
  const link = useStoreLink(store, clientId, credentials);
  const { invitations, answer } = useInvitations(http, state.card?.session.token ?? null);

  const time = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );
  const formatTime = (iso: string) => time.format(new Date(iso));
  const formatPrice = (amount: number, currency: string) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);

  const pick = (id: string) => {
    setStoreId(id);
    saveLastStore(id);
  };

  return (
    <main class="card-screen">
      <header class="card-header">
        <span class="wordmark">Vitrine</span>
        <button type="button" class="link-button" onClick={() => void state.signOut()}>
          Sign out
        </button>
      </header>
      {state.problem && (
        <p class="form-error" role="alert">
          {state.problem}
        </p>
      )}
      <LoyaltyQrPanel
        profile={state.profile}
        text={qr.text}
        secondsLeft={qr.secondsLeft}
        storeChosen={store !== null}
      />
      <section class="panel">
        <StorePicker stores={stores} storeId={store?.id ?? null} onPick={pick} />
      </section>
      <CheckInPanel
        store={store}
        status={link.status}
        checkIn={link.checkIn}
        onCheckIn={() => void link.doCheckIn()}
        ready={ready}
      />
      <OfferList offers={link.offers} onOpen={link.open} formatTime={formatTime} />
      <ScanPanel
        enabled={ready && link.status === 'connected'}
        answer={link.lastAnswer}
        onScan={link.scan}
        formatPrice={formatPrice}
      />
      <InvitationList invitations={invitations} onAnswer={answer} formatTime={formatTime} />
      <ConsentPanel consent={state.profile?.consent ?? null} onSave={state.changeConsent} />
    </main>
  );
}
