import type { ArrivalAlert, AssociateHello, LoginResponse } from '@vitrine/shared';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type AlertSocket, connectAlertSocket } from '../api/alert-socket.ts';
import { fetchRecentAlerts } from '../api/edge-http.ts';
import { type DayTally, emptyTally, mergeAlerts, tallyToday } from '../domain/alert-feed.ts';
import { arrivalAnnouncement } from '../domain/alert-view.ts';
import type { ConnectionFacts } from '../domain/connection-status.ts';
import { describeRefusal } from '../domain/socket-refusal.ts';
import type { ClaimDeskEvents } from './use-claim-desk.ts';

export interface ArrivalFeedOptions {
  /** The session can no longer be used (refused socket, rejected token): back to login. */
  onSessionEnded: (reason: string) => void;
  /** A live arrival (not one loaded from the recent list). */
  onArrival: (alert: ArrivalAlert) => void;
  /** The tablet's time zone, for "alerts today". */
  timeZone: string;
  /** Claims and suggestions, from the same socket. */
  desk: ClaimDeskEvents;
}

export interface ArrivalFeed {
  hello: AssociateHello | null;
  alerts: ArrivalAlert[];
  facts: ConnectionFacts;
  tally: DayTally;
  /** Live alerts by id, with the time they were received: they are highlighted a while. */
  receivedAt: ReadonlyMap<string, number>;
  announcement: string;
  /** A problem worth a line under the header (the recent list could not be loaded). */
  notice: string | null;
  /** Sends a request about an arrival on the current socket; false when it is down. */
  send: AlertSocket['send'];
}

/** setTimeout's longest delay; a longer session is left to the edge's refusal. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Live arrivals stay in this map only while they may still be highlighted. */
const RECEIVED_MEMORY_MS = 10 * 60_000;

function rememberReceived(
  current: ReadonlyMap<string, number>,
  alertId: string,
  at: number,
): Map<string, number> {
  const next = new Map<string, number>();
  for (const [id, receivedAt] of current) {
    if (at - receivedAt < RECEIVED_MEMORY_MS) next.set(id, receivedAt);
  }
  return next.set(alertId, at);
}

/**
 * The associate's live feed: the recent list on login and after every reconnect (to fill
 * the gap), then each `alert` from the socket, merged by alert id.
 */
export function useArrivalFeed(
  session: LoginResponse,
  { onSessionEnded, onArrival, timeZone, desk }: ArrivalFeedOptions,
): ArrivalFeed {
  const [hello, setHello] = useState<AssociateHello | null>(null);
  const [alerts, setAlerts] = useState<ArrivalAlert[]>([]);
  const [tally, setTally] = useState<DayTally>(() => emptyTally(new Date(), timeZone));
  const [receivedAt, setReceivedAt] = useState<ReadonlyMap<string, number>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [facts, setFacts] = useState<ConnectionFacts>({
    connected: false,
    everConnected: false,
    failedAttempts: 0,
    browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  });

  // Callbacks change on every render of the parent; the socket must not.
  const callbacks = useRef({ onSessionEnded, onArrival, desk });
  callbacks.current = { onSessionEnded, onArrival, desk };
  const current = useRef<AlertSocket | null>(null);
  const send = useCallback<AlertSocket['send']>(
    (event, payload, answer) => current.current?.send(event, payload, answer) ?? false,
    [],
  );

  useEffect(() => {
    let closed = false;
    const token = session.token;

    const add = (incoming: readonly ArrivalAlert[]) => {
      setAlerts((current) => mergeAlerts(current, incoming));
      setTally((current) => tallyToday(current, incoming, new Date(), timeZone));
    };

    const loadRecent = async () => {
      const recent = await fetchRecentAlerts(token);
      if (closed) return;
      if (recent.ok) {
        add(recent.alerts);
        setNotice(null);
      } else if (recent.status === 401 || recent.status === 403) {
        callbacks.current.onSessionEnded(`${recent.message} Please sign in again.`);
      } else {
        setNotice(`Earlier arrivals could not be loaded: ${recent.message}`);
      }
    };

    let everConnected = false;
    const socket = connectAlertSocket(token, {
      hello: (next) => setHello(next),
      alert: (alert) => {
        add([alert]);
        setReceivedAt((current) => rememberReceived(current, alert.alertId, Date.now()));
        setAnnouncement(arrivalAnnouncement(alert));
        callbacks.current.onArrival(alert);
      },
      connected: (recovered) => {
        // After a drop, alerts may have been pushed while this tablet was away: the edge
        // replayed them on a recovered socket; otherwise the recent list fills the gap.
        if (everConnected && !recovered) void loadRecent();
        everConnected = true;
        setFacts((f) => ({ ...f, connected: true, everConnected: true, failedAttempts: 0 }));
      },
      disconnected: () => {
        setFacts((f) => ({ ...f, connected: false }));
        callbacks.current.desk.disconnected();
      },
      attemptFailed: () => setFacts((f) => ({ ...f, failedAttempts: f.failedAttempts + 1 })),
      refused: (refusal) => {
        if (!closed) callbacks.current.onSessionEnded(describeRefusal(refusal));
      },
      invalid: (event, detail) => console.warn(`Dropped an invalid ${event} event`, detail),
      claims: (claims) => callbacks.current.desk.claims(claims, socket.send),
      claim: (claim) => callbacks.current.desk.claim(claim),
      suggestion: (suggestion) => callbacks.current.desk.suggestion(suggestion),
    });
    current.current = socket;
    void loadRecent();

    // The edge would refuse the next reconnect anyway; say so at the moment it happens.
    const expiresInMs = Date.parse(session.expiresAt) - Date.now();
    const expiry =
      expiresInMs <= MAX_TIMEOUT_MS
        ? setTimeout(
            () =>
              callbacks.current.onSessionEnded('Your session has expired. Please sign in again.'),
            Math.max(expiresInMs, 0),
          )
        : undefined;

    const online = () => setFacts((f) => ({ ...f, browserOnline: true }));
    const offline = () => setFacts((f) => ({ ...f, browserOnline: false }));
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      closed = true;
      clearTimeout(expiry);
      socket.close();
      current.current = null;
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [session.token, session.expiresAt, timeZone]);

  return { hello, alerts, facts, tally, receivedAt, announcement, notice, send };
}
