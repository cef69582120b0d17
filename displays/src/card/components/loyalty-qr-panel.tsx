import type { MemberProfile } from '@vitrine/shared';
import { QrSvg } from './qr-svg.tsx';

export interface LoyaltyQrPanelProps {
  profile: MemberProfile | null;
  text: string | null;
  secondsLeft: number;
  storeChosen: boolean;
}

/** The card itself: the member's name and tier, and the rotating QR with its countdown. */
export function LoyaltyQrPanel({ profile, text, secondsLeft, storeChosen }: LoyaltyQrPanelProps) {
  const tier = profile?.tier ?? 'member';
  return (
    <section class={`member-card member-card--${tier}`} aria-label="Loyalty card">
      <div class="member-card__head">
        <span class="wordmark">Vitrine</span>
        <span class="member-card__tier" data-testid="tier">
          {tier}
        </span>
      </div>
      <p class="member-card__name" data-testid="member-name">
        {profile ? `${profile.firstName} ${profile.lastName}` : '…'}
      </p>
      {text !== null ? (
        <>
          <QrSvg text={text} label="Your loyalty QR code" level="L" testId="loyalty-qr" />
          <p class="member-card__countdown" aria-live="off" data-testid="qr-countdown">
            Renews in {secondsLeft} s
          </p>
        </>
      ) : (
        <p class="member-card__waiting">
          {storeChosen ? 'Preparing your code…' : 'Choose your store to show your code.'}
        </p>
      )}
    </section>
  );
}
