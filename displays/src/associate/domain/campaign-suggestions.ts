import type { CampaignSuggestion } from '@vitrine/shared';

/** The engine's suggestions by customer id, newest first. */
export type SuggestionsByCustomer = ReadonlyMap<string, readonly CampaignSuggestion[]>;

export interface AddSuggestionOptions {
  /** A card shows a few; older ones are no longer news. */
  perCustomer?: number;
}

/**
 * A `suggestion` push added to its customer, whether or not their arrival card is shown
 * yet (the push may overtake the alert): a repeat of the same suggestion id replaces its
 * earlier copy rather than showing twice.
 */
export function addSuggestion(
  current: SuggestionsByCustomer,
  suggestion: CampaignSuggestion,
  { perCustomer = 3 }: AddSuggestionOptions = {},
): SuggestionsByCustomer {
  const others = (current.get(suggestion.customerId) ?? []).filter(
    (known) => known.suggestionId !== suggestion.suggestionId,
  );
  const list = [suggestion, ...others]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, Math.max(0, perCustomer));
  return new Map(current).set(suggestion.customerId, list);
}
