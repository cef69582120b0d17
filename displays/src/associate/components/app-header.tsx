import type { ComponentChildren } from 'preact';
import type { ConnectionStatus } from '../domain/connection-status.ts';
import { ConnectionIndicator } from './connection-indicator.tsx';
import { SoundToggle } from './sound-toggle.tsx';

export interface AppHeaderProps {
  associateName: string;
  storeName: string;
  status: ConnectionStatus;
  todayCount: number;
  soundEnabled: boolean;
  onSoundToggle: (enabled: boolean) => void;
  onSignOut: () => void;
  /** The client desk's search box and buttons. */
  tools?: ComponentChildren;
}

export function AppHeader(props: AppHeaderProps) {
  return (
    <header class="app-header">
      <div class="app-header__brand">
        <span class="wordmark">Vitrine</span>
        <span class="app-header__store" data-testid="store-name">
          {props.storeName}
        </span>
      </div>
      <div class="app-header__stats">
        <div class="stat">
          <span class="stat__value" data-testid="today-count">
            {props.todayCount}
          </span>
          <span class="stat__label">
            {props.todayCount === 1 ? 'arrival today' : 'arrivals today'}
          </span>
        </div>
        <ConnectionIndicator status={props.status} />
      </div>
      {props.tools}
      <div class="app-header__actions">
        <SoundToggle enabled={props.soundEnabled} onToggle={props.onSoundToggle} />
        <span class="app-header__associate" data-testid="associate-name">
          {props.associateName}
        </span>
        <button type="button" class="text-button" onClick={props.onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
