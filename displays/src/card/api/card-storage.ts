import { type MemberStore, memberStoreListSchema } from '@vitrine/shared';
import { readStoredCard, type StoredCard } from '../domain/card-state.ts';

const CARD_KEY = 'vitrine.card';
const ORGANISATION_KEY = 'vitrine.card.organisation';
const STORE_KEY = 'vitrine.card.lastStore';
const CLIENT_KEY = 'vitrine.card.clientId';
const STORES_KEY = 'vitrine.card.stores';

/**
 * The card in localStorage: it stays signed in on this phone (it is the customer's own)
 * until the session expires or the customer signs out.
 */
function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode may refuse storage; the card then lasts as long as the page.
  }
}

export function loadCard(nowMs: number): StoredCard | null {
  return readStoredCard(read(CARD_KEY), nowMs);
}

export function saveCard(card: StoredCard | null): void {
  write(CARD_KEY, card === null ? null : JSON.stringify(card));
}

/** The organisation the card belongs to: from `?org=` the first time, remembered after. */
export function resolveOrganisation(search: string): string | null {
  const fromUrl = new URLSearchParams(search).get('org');
  if (fromUrl) write(ORGANISATION_KEY, fromUrl);
  return fromUrl || read(ORGANISATION_KEY);
}

export function loadLastStore(): string | null {
  return read(STORE_KEY);
}

export function saveLastStore(storeId: string): void {
  write(STORE_KEY, storeId);
}

/** The MQTT client id of this installation: made once, kept for good (a valid topic level). */
export function installationClientId(): string {
  const kept = read(CLIENT_KEY);
  if (kept !== null && /^card-[a-f0-9]{32}$/.test(kept)) return kept;
  const made = `card-${crypto.randomUUID().replaceAll('-', '')}`;
  write(CLIENT_KEY, made);
  return made;
}

/** The stores last listed, so that the card and its QR open with no network. */
export function loadStores(): MemberStore[] {
  try {
    const parsed = memberStoreListSchema.safeParse(JSON.parse(read(STORES_KEY) ?? 'null'));
    return parsed.success ? parsed.data.items : [];
  } catch {
    return [];
  }
}

export function saveStores(items: MemberStore[]): void {
  write(STORES_KEY, JSON.stringify({ items }));
}
