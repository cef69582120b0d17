import type { CampaignSuggestion } from '@vitrine/shared';
import { OfferRedeemButton } from './offer-redeem-button.tsx';

export interface CampaignSuggestionsProps {
  suggestions: readonly CampaignSuggestion[];
}

/**
 * The engine's live suggestions for this customer, pushed while they are in the store; a
 * campaign that sent an offer to their phone lets the associate mark it redeemed.
 */
export function CampaignSuggestions({ suggestions }: CampaignSuggestionsProps) {
  if (suggestions.length === 0) return null;
  return (
    <ul class="campaign-suggestions" aria-label="Campaign suggestions">
      {suggestions.map((suggestion) => (
        <li
          key={suggestion.suggestionId}
          class="suggestion suggestion--campaign"
          data-campaign-id={suggestion.campaignId}
        >
          <span class="suggestion__label">Campaign</span>
          <span class="suggestion__text">{suggestion.suggestion}</span>
          {suggestion.offer !== undefined && <OfferRedeemButton offer={suggestion.offer} />}
        </li>
      ))}
    </ul>
  );
}
