import type { ArrivalAlert, Tier } from '@vitrine/shared';

/** How the customer arrived, as a short label on the card. */
export const SOURCE_LABELS: Record<ArrivalAlert['source'], string> = {
  'check-in': 'App check-in',
  'qr-scan': 'QR pass',
  presence: 'Presence',
};

/** How the customer arrived, as a sentence for the screen reader. */
const SOURCE_SENTENCES: Record<ArrivalAlert['source'], string> = {
  'check-in': 'Checked in with the app',
  'qr-scan': 'Scanned their QR pass',
  presence: 'Detected in store',
};

export const TIER_LABELS: Record<Tier, string> = {
  member: 'Member',
  silver: 'Silver',
  gold: 'Gold',
  platinum: 'Platinum',
};

/** What the associate can trust about the profile on a card. */
export type ProfileStatus =
  | { kind: 'fresh' }
  | { kind: 'cached' }
  /** The edge could not reach the cloud and had no copy of the profile. */
  | { kind: 'unavailable'; customerId: string }
  /** The customer has not agreed to show their profile to associates. */
  | { kind: 'private'; customerId: string };

export function profileStatus(alert: ArrivalAlert): ProfileStatus {
  if (alert.freshness === 'unavailable') {
    return { kind: 'unavailable', customerId: alert.customerId };
  }
  // The edge had the profile yet sent none: the customer withheld it.
  if (alert.profile === null) return { kind: 'private', customerId: alert.customerId };
  if (alert.freshness === 'cached' || alert.degraded) return { kind: 'cached' };
  return { kind: 'fresh' };
}

/** The customer's name, or their reference when the edge could not get a profile. */
export function customerName(alert: ArrivalAlert): string {
  const profile = alert.profile;
  if (profile === null) return alert.customerId;
  const name = `${profile.firstName} ${profile.lastName}`.trim();
  return name === '' ? alert.customerId : name;
}

/** The tier from the profile, else what the check-in carried. */
export function alertTier(alert: ArrivalAlert): Tier | null {
  return alert.profile?.tier ?? alert.tier;
}

/** A customer whose home store is another store of the organisation. */
export function isVisitingFromAnotherStore(alert: ArrivalAlert): boolean {
  const home = alert.profile?.homeStoreId;
  return home !== undefined && home !== null && home !== alert.storeId;
}

const CAVEATS: Record<ProfileStatus['kind'], string> = {
  fresh: '',
  cached: ' Profile from cache.',
  unavailable: ' Profile unavailable.',
  private: ' Profile not shared.',
};

/** The sentence read out by a screen reader when a customer arrives. */
export function arrivalAnnouncement(alert: ArrivalAlert): string {
  const tier = alertTier(alert);
  const who = tier === null ? customerName(alert) : `${customerName(alert)}, ${TIER_LABELS[tier]}`;
  const how = SOURCE_SENTENCES[alert.source];
  const status = profileStatus(alert);
  const caveat = CAVEATS[status.kind];
  return `New arrival: ${who}. ${how}.${caveat}`;
}

/**
 * "Entrance" for `zon_tokyo-ginza-entrance`: zone ids are the store's slug followed by the
 * zone's own name. An id of another shape is shown as it is.
 */
export function zoneLabel(zoneId: string | null, storeId: string): string | null {
  if (zoneId === null) return null;
  const prefix = `zon_${storeId.replace(/^sto_/, '')}-`;
  if (!zoneId.startsWith(prefix) || zoneId.length === prefix.length) return zoneId;
  const name = zoneId.slice(prefix.length);
  const words = name.replaceAll(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Two letters for the card's monogram. */
export function initials(alert: ArrivalAlert): string {
  const profile = alert.profile;
  if (profile === null) return '?';
  const letters = `${profile.firstName.charAt(0)}${profile.lastName.charAt(0)}`;
  return letters === '' ? '?' : letters.toUpperCase();
}
