import { CONNECTION_LABELS, type ConnectionStatus } from '../domain/connection-status.ts';

export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  return (
    <span class={`connection connection--${status}`} role="status" data-status={status}>
      <span class="connection__dot" aria-hidden="true" />
      {CONNECTION_LABELS[status]}
    </span>
  );
}
