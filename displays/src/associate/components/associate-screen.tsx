import type { LoginResponse } from '@vitrine/shared';
import { useMemo, useRef, useState } from 'preact/hooks';
import { type ArrivalChime, createArrivalChime } from '../api/arrival-chime.ts';
import { loadSoundEnabled, saveSoundEnabled } from '../api/browser-storage.ts';
import { countToday } from '../domain/alert-feed.ts';
import { connectionStatus } from '../domain/connection-status.ts';
import { useArrivalFeed } from '../hooks/use-arrival-feed.ts';
import { useClaimDesk } from '../hooks/use-claim-desk.ts';
import { useCustomerDesk } from '../hooks/use-customer-desk.ts';
import { useNow } from '../hooks/use-now.ts';
import { AppHeader } from './app-header.tsx';
import { ArrivalFeed } from './arrival-feed.tsx';
import { CustomerSearchBox } from './customer-search-box.tsx';
import { CustomerSearchDesk } from './customer-search-desk.tsx';
import { LiveRegion } from './live-region.tsx';

export interface AssociateScreenProps {
  session: LoginResponse;
  locale: string;
  timeZone: string;
  /** Back to the login; with a reason when the session was refused. */
  onSignOut: (reason: string | null) => void;
}

export function AssociateScreen({ session, locale, timeZone, onSignOut }: AssociateScreenProps) {
  const now = useNow();
  const [soundEnabled, setSoundEnabled] = useState(loadSoundEnabled);
  const chime = useRef<ArrivalChime | null>(null);

  const desk = useClaimDesk(session.subject.id);
  const clients = useCustomerDesk(session.token);
  const feed = useArrivalFeed(session, {
    timeZone,
    desk: desk.events,
    onSessionEnded: (reason) => onSignOut(reason),
    onArrival: () => {
      if (!soundEnabled) return;
      // Sound left on from an earlier visit: the browser plays it once the page has had a tap.
      chime.current ??= createArrivalChime();
      chime.current?.play();
    },
  });

  const toggleSound = (enabled: boolean) => {
    // Created on the tap itself: browsers only let a page start audio from a gesture.
    if (enabled && chime.current === null) chime.current = createArrivalChime();
    if (enabled) chime.current?.play();
    saveSoundEnabled(enabled);
    setSoundEnabled(enabled);
  };

  const status = connectionStatus(feed.facts);
  const todayCount = useMemo(
    () => countToday(feed.tally, now, timeZone),
    [feed.tally, now, timeZone],
  );

  return (
    <div class="shell">
      <AppHeader
        associateName={feed.hello?.name ?? session.subject.name}
        storeName={feed.hello?.storeName ?? session.subject.storeId ?? ''}
        status={status}
        todayCount={todayCount}
        soundEnabled={soundEnabled}
        onSoundToggle={toggleSound}
        onSignOut={() => onSignOut(null)}
        tools={
          <CustomerSearchBox
            onSearch={clients.search}
            onRegister={clients.openRegister}
            onScan={clients.openScan}
            onMap={clients.openMap}
          />
        }
      />
      <main class="content">
        {feed.notice !== null && (
          <p class="banner" role="status">
            {feed.notice}
          </p>
        )}
        <LiveRegion message={feed.announcement} />
        <CustomerSearchDesk
          desk={clients}
          token={session.token}
          storeId={session.subject.storeId ?? ''}
          me={session.subject.id}
          locale={locale}
          alerts={feed.alerts}
        />
        <ArrivalFeed
          alerts={feed.alerts}
          receivedAt={feed.receivedAt}
          now={now}
          locale={locale}
          me={session.subject.id}
          desk={desk}
          onAct={(alertId, action) => desk.act(alertId, action, feed.send)}
        />
      </main>
    </div>
  );
}
