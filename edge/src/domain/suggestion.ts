import type { CustomerProfile } from '@vitrine/shared';

export interface SuggestionContext {
  /** The store the customer is in now. */
  storeId: string;
  /** How many preferences to mention at most. */
  maxPreferences?: number;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "a Leica Q3", "an Hermès scarf"; names that start with a digit stay bare. */
function withArticle(name: string): string {
  if (/^[0-9]/.test(name)) return name;
  return /^[aeiouh]/i.test(name) ? `an ${name}` : `a ${name}`;
}

/**
 * One line an associate can read in a second before greeting the customer: who they are
 * to the brand, whether this store knows them, what they bought last elsewhere, and what
 * they like. Built only from the profile; null when there is nothing worth saying.
 */
export function suggestForArrival(
  profile: CustomerProfile,
  { storeId, maxPreferences = 2 }: SuggestionContext,
): string | null {
  const parts: string[] = [];
  const boughtHere = profile.recentPurchases.some((purchase) => purchase.storeId === storeId);
  const homeHere = profile.homeStoreId === storeId;
  const who =
    !homeHere && profile.homeStoreName
      ? `${capitalise(profile.tier)} client from ${profile.homeStoreName}`
      : `${capitalise(profile.tier)} client`;
  if (homeHere) parts.push(`${who}, a regular of this store`);
  else if (boughtHere) parts.push(`${who}, has bought here recently`);
  else parts.push(`${who}, no recent purchase here`);

  const lastElsewhere = [...profile.recentPurchases]
    .filter((purchase) => purchase.storeId !== storeId)
    .sort((a, b) => Date.parse(b.purchasedAt) - Date.parse(a.purchasedAt))[0];
  const lastLine = lastElsewhere?.lines[0];
  if (lastElsewhere && lastLine) {
    parts.push(`last bought ${withArticle(lastLine.name)} in ${lastElsewhere.storeName}`);
  }

  const likes = profile.preferences.slice(0, maxPreferences);
  if (likes.length > 0) parts.push(`likes ${likes.join(' and ')}`);

  return parts.join('; ');
}
