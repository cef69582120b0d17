import type { Tier } from '@vitrine/shared';
import { TIER_LABELS } from '../domain/alert-view.ts';

export function TierBadge({ tier }: { tier: Tier | null }) {
  if (tier === null) return <span class="tier-badge tier-badge--unknown">Tier unknown</span>;
  return <span class={`tier-badge tier-badge--${tier}`}>{TIER_LABELS[tier]}</span>;
}
