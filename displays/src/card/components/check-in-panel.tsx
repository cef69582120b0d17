import type { MemberStore } from '@vitrine/shared';
import type { LinkStatus } from '../api/store-link.ts';
import type { CheckInState } from '../hooks/use-store-link.ts';

export interface CheckInPanelProps {
  store: MemberStore | null;
  status: LinkStatus | 'none';
  checkIn: CheckInState;
  onCheckIn: () => void;
  ready: boolean;
}

const STATUS_TEXT: Record<LinkStatus | 'none', string> = {
  none: 'No store chosen',
  connecting: 'Connecting to the store…',
  connected: 'Connected to the store',
  offline: 'The store cannot be reached',
};

export function CheckInPanel({ store, status, checkIn, onCheckIn, ready }: CheckInPanelProps) {
  const unreachable = store !== null && store.mqttWebSocketUrl === null;
  return (
    <section class="panel" aria-labelledby="check-in-title">
      <h2 id="check-in-title">Check in</h2>
      <p class={`link link--${status}`} data-testid="link-status">
        {unreachable ? 'This store cannot take check-ins from the card yet' : STATUS_TEXT[status]}
      </p>
      <button
        class="primary"
        type="button"
        disabled={!ready || status !== 'connected' || checkIn.kind === 'sending'}
        onClick={onCheckIn}
      >
        {checkIn.kind === 'sending'
          ? 'Checking in…'
          : `Check in${store ? ` at ${store.name}` : ''}`}
      </button>
      {checkIn.kind === 'checked-in' && (
        <p class="ok" role="status" data-testid="checked-in">
          Checked in. An associate knows you are here.
        </p>
      )}
      {checkIn.kind === 'failed' && (
        <p class="form-error" role="alert">
          Not checked in: {checkIn.message}
        </p>
      )}
    </section>
  );
}
