import type { Zone } from '@vitrine/shared';

/** The demo every part of Vitrine relies on: ids, stores, logins. */
export const DEMO_ORGANISATION = { id: 'org_maison-demo', name: 'Maison Lumière' } as const;

export const DEMO_PASSWORD = 'vitrine-demo';

export interface DemoStore {
  id: string;
  slug: string;
  name: string;
  city: string;
  country: string;
  timeZone: string;
  currency: string;
  /** How many of this currency make one euro, roughly: enough for a demo's sums. */
  perEuro: number;
}

export const DEMO_STORES: readonly DemoStore[] = [
  {
    id: 'sto_tokyo-ginza',
    slug: 'tokyo-ginza',
    name: 'Maison Lumière Ginza',
    city: 'Tokyo',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    currency: 'JPY',
    perEuro: 160,
  },
  {
    id: 'sto_paris-rivoli',
    slug: 'paris-rivoli',
    name: 'Maison Lumière Rivoli',
    city: 'Paris',
    country: 'FR',
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    perEuro: 1,
  },
  {
    id: 'sto_newyork-soho',
    slug: 'newyork-soho',
    name: 'Maison Lumière SoHo',
    city: 'New York',
    country: 'US',
    timeZone: 'America/New_York',
    currency: 'USD',
    perEuro: 1.08,
  },
];

const ZONE_KINDS = [
  ['entrance', 'Entrance'],
  ['floor', 'Main floor'],
  ['fitting', 'Fitting rooms'],
  ['lounge', 'Client lounge'],
  ['counter', 'Camera counter'],
] as const;

export function demoZones(store: DemoStore): Zone[] {
  return ZONE_KINDS.map(([kind, name]) => ({
    id: `zon_${store.slug}-${kind}`,
    storeId: store.id,
    name,
    kind,
  }));
}

export interface DemoLogin {
  email: string;
  password: string;
  name: string;
  role: 'admin' | 'marketer' | 'associate';
  /** The store of an associate; null for office roles. */
  storeId: string | null;
  /** The id the login's token carries as `sub`. */
  id: string;
}

function associate(slug: string, name: string, storeId: string): DemoLogin {
  return {
    id: `asc_${slug}`,
    email: `${slug}@vitrine.demo`,
    password: DEMO_PASSWORD,
    name,
    role: 'associate',
    storeId,
  };
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    id: 'usr_admin',
    email: 'admin@vitrine.demo',
    password: DEMO_PASSWORD,
    name: 'Alex Admin',
    role: 'admin',
    storeId: null,
  },
  {
    id: 'usr_marketer',
    email: 'marketer@vitrine.demo',
    password: DEMO_PASSWORD,
    name: 'Margot Marketer',
    role: 'marketer',
    storeId: null,
  },
  associate('aiko', 'Aiko Tanaka', 'sto_tokyo-ginza'),
  associate('kenji', 'Kenji Watanabe', 'sto_tokyo-ginza'),
  associate('camille', 'Camille Laurent', 'sto_paris-rivoli'),
  associate('louis', 'Louis Moreau', 'sto_paris-rivoli'),
  associate('jordan', 'Jordan Lee', 'sto_newyork-soho'),
  associate('maya', 'Maya Patel', 'sto_newyork-soho'),
];
