import type { PurchaseLine, Tier } from '@vitrine/shared';
import {
  CLIENT_ORIGINS,
  NAME_BOOKS,
  type NameBook,
  type NameCountry,
  PREFERENCES,
  PRODUCTS,
  TOP_TIER_NOTES,
} from './demo-catalog.ts';
import type { DemoStore } from './demo-facts.ts';
import type { Random } from './prng.ts';

export interface GeneratedCustomer {
  id: string;
  organisationId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  tier: Tier;
  lifetimeValue: number;
  currency: string;
  preferences: string[];
  homeStoreId: string;
  consentTracking: boolean;
  consentMarketing: boolean;
  consentProfiling: boolean;
  notes: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface GeneratedPurchase {
  id: string;
  customerId: string;
  storeId: string;
  purchasedAt: Date;
  total: number;
  currency: string;
  lines: PurchaseLine[];
  itemCount: number;
}

export interface GenerateCustomerOptions {
  organisationId: string;
  stores: readonly DemoStore[];
  random: Random;
  /** Purchases fall in the three years before this instant. */
  now: Date;
}

const THREE_YEARS_MS = 3 * 365 * 24 * 60 * 60 * 1000;
const TIER_WEIGHTS = [
  ['member', 70],
  ['silver', 18],
  ['gold', 9],
  ['platinum', 3],
] as const;
const PURCHASE_RANGE: Record<Tier, readonly [number, number]> = {
  member: [1, 3],
  silver: [2, 5],
  gold: [3, 7],
  platinum: [5, 8],
};

export function customerId(index: number): string {
  return `cus_${String(index).padStart(6, '0')}`;
}

function asciiLocal(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function phoneNumber(book: NameBook, random: Random): string {
  const digits = (count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('');
  return `${book.dialCode} ${digits(3)} ${digits(3)} ${digits(4)}`;
}

/** Whole yen, cents elsewhere. */
function roundMoney(amount: number, currency: string): number {
  return currency === 'JPY' ? Math.round(amount) : Math.round(amount * 100) / 100;
}

function purchaseLines(store: DemoStore, random: Random): PurchaseLine[] {
  return random.sample(PRODUCTS, random.int(1, 3)).map((product) => ({
    sku: product.sku,
    name: product.name,
    category: product.category,
    quantity: product.category === 'film' ? random.int(2, 10) : 1,
    unitPrice: roundMoney(product.priceEur * store.perEuro, store.currency),
  }));
}

/**
 * The demo's customer number `index` (1-based) and their purchases. Pure: the same
 * random state gives the same customer. Customer 1 is the story of the design: a Tokyo
 * platinum client with purchases in Paris and New York.
 */
export function generateCustomer(
  index: number,
  { organisationId, stores, random, now }: GenerateCustomerOptions,
): { customer: GeneratedCustomer; purchases: GeneratedPurchase[] } {
  const featured = index === 1;
  const home = featured ? requireStore(stores, 'sto_tokyo-ginza') : random.pick(stores);
  const origin: NameCountry = random.weighted(CLIENT_ORIGINS[home.id] ?? [['US', 1]]);
  const book: NameBook = NAME_BOOKS[origin];
  const firstName = random.pick(book.first);
  const lastName = random.pick(book.last);
  const tier: Tier = featured ? 'platinum' : random.weighted(TIER_WEIGHTS);
  const id = customerId(index);

  const [minPurchases, maxPurchases] = PURCHASE_RANGE[tier];
  const count = random.int(minPurchases, maxPurchases);
  const others = stores.filter((store) => store.id !== home.id);
  const purchases: GeneratedPurchase[] = [];
  for (let n = 1; n <= count; n += 1) {
    const abroad = featured ? n <= others.length : random.chance(0.2);
    const store = abroad ? (featured ? (others[n - 1] ?? home) : random.pick(others)) : home;
    const lines = purchaseLines(store, random);
    purchases.push({
      id: `pur_${id.slice(4)}-${String(n).padStart(2, '0')}`,
      customerId: id,
      storeId: store.id,
      purchasedAt: new Date(now.getTime() - Math.floor(random.next() * THREE_YEARS_MS)),
      total: roundMoney(
        lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
        store.currency,
      ),
      currency: store.currency,
      lines,
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    });
  }

  const perEuro = new Map(stores.map((store) => [store.currency, store.perEuro]));
  const lifetimeValue = roundMoney(
    purchases.reduce(
      (sum, purchase) =>
        sum + (purchase.total / (perEuro.get(purchase.currency) ?? 1)) * home.perEuro,
      0,
    ),
    home.currency,
  );
  const firstPurchase = purchases.reduce(
    (earliest, purchase) => Math.min(earliest, purchase.purchasedAt.getTime()),
    now.getTime(),
  );
  const topTier = tier === 'gold' || tier === 'platinum';

  return {
    customer: {
      id,
      organisationId,
      firstName,
      lastName,
      email: `${asciiLocal(firstName)}.${asciiLocal(lastName)}.${index}@${book.emailDomain}`,
      phone: phoneNumber(book, random),
      tier,
      lifetimeValue,
      currency: home.currency,
      preferences: random.sample(PREFERENCES, random.int(1, 4)),
      homeStoreId: home.id,
      consentTracking: featured || random.chance(0.8),
      consentMarketing: featured || random.chance(0.75),
      consentProfiling: featured || random.chance(0.85),
      notes: topTier ? random.pick(TOP_TIER_NOTES) : '',
      createdAt: new Date(firstPurchase),
      updatedAt: now,
    },
    purchases,
  };
}

function requireStore(stores: readonly DemoStore[], id: string): DemoStore {
  const store = stores.find((candidate) => candidate.id === id);
  if (store === undefined) throw new Error(`the demo needs store ${id}`);
  return store;
}
