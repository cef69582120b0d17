import type { MemberStore, PhoneOffer, ScanAnswer } from '@vitrine/shared';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  type Credentials,
  connectStoreLink,
  type LinkStatus,
  type StoreLink,
} from '../api/store-link.ts';
import { type CardOffer, liveOffers, markOpened, mergeOffer } from '../domain/offer-list.ts';

export type CheckInState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'checked-in'; at: string }
  | { kind: 'failed'; message: string };

export interface StoreLinkState {
  status: LinkStatus | 'none';
  checkIn: CheckInState;
  offers: CardOffer[];
  lastAnswer: ScanAnswer | null;
  doCheckIn: () => Promise<void>;
  scan: (code: string) => Promise<void>;
  open: (offer: PhoneOffer) => void;
}

/** The link to the chosen store while the card is open: check-in, scans, offers live. */
export function useStoreLink(
  store: MemberStore | null,
  clientId: string,
  credentials: ((storeId: string) => Promise<{ pass: string; proof: string }>) | null,
): StoreLinkState {
  const link = useRef<StoreLink | null>(null);
  const [status, setStatus] = useState<LinkStatus | 'none'>('none');
  const [checkIn, setCheckIn] = useState<CheckInState>({ kind: 'idle' });
  const [offers, setOffers] = useState<CardOffer[]>([]);
  const [lastAnswer, setLastAnswer] = useState<ScanAnswer | null>(null);
  const credentialsRef = useRef(credentials);
  credentialsRef.current = credentials;

  const storeId = store?.id ?? null;
  const url = store?.mqttWebSocketUrl ?? null;
  useEffect(() => {
    setCheckIn({ kind: 'idle' });
    if (storeId === null || url === null) {
      setStatus('none');
      return;
    }
    const forStore: Credentials = () => {
      const make = credentialsRef.current;
      if (make === null) return Promise.reject(new Error('The card has no pass yet.'));
      return make(storeId);
    };
    const opened = connectStoreLink({
      storeId,
      url,
      clientId,
      credentials: forStore,
      onStatus: setStatus,
      onOffer: (offer) =>
        setOffers((list) =>
          mergeOffer(
            list,
            { offer, storeId, receivedAt: new Date().toISOString(), opened: false },
            Date.now(),
          ),
        ),
      onScanAnswer: setLastAnswer,
    });
    link.current = opened;
    return () => {
      link.current = null;
      void opened.close();
    };
  }, [storeId, url, clientId]);

  // Offers past their validity leave the list on their own.
  useEffect(() => {
    const timer = setInterval(
      () =>
        setOffers((list) => {
          const live = liveOffers(list, Date.now());
          return live.length === list.length ? list : live;
        }),
      10_000,
    );
    return () => clearInterval(timer);
  }, []);

  const doCheckIn = useCallback(async () => {
    const current = link.current;
    if (current === null) return;
    setCheckIn({ kind: 'sending' });
    try {
      await current.checkIn();
      setCheckIn({ kind: 'checked-in', at: new Date().toISOString() });
    } catch (error) {
      setCheckIn({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }, []);

  const scan = useCallback(async (code: string) => {
    const current = link.current;
    if (current === null) throw new Error('Choose a store to scan in first.');
    setLastAnswer(null);
    await current.scan(code);
  }, []);

  const open = useCallback((offer: PhoneOffer) => {
    setOffers((list) => markOpened(list, offer));
    const { deliveryId } = offer;
    if (deliveryId !== undefined && link.current !== null) {
      link.current
        .offerOpened({ ...offer, deliveryId })
        .catch((error: unknown) => console.warn('card: "opened" not sent', error));
    }
  }, []);

  return { status, checkIn, offers, lastAnswer, doCheckIn, scan, open };
}
