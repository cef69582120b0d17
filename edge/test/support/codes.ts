import {
  CONTENT_CODE,
  EVENT_TICKET,
  type EventTicketClaims,
  type IngestEvent,
  ingestBatchSchema,
  type ProductCard,
  signCode,
  type TicketRevocation,
} from '@vitrine/shared';
import type { OrganisationKey } from './passes.ts';

export const ORG = 'org_maison-demo';

export const LEICA_Q3: ProductCard = {
  sku: 'CAM-LQ3',
  name: 'Leica Q3',
  category: 'cameras',
  price: 5900,
  currency: 'EUR',
};

export const SILK_CARRE: ProductCard = {
  sku: 'SLK-CARRE',
  name: 'Silk twill carré 90',
  category: 'silk',
  price: 450,
  currency: 'EUR',
};

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A product label as the cloud signs it. */
export function productCode(
  key: OrganisationKey,
  product: ProductCard = LEICA_Q3,
  { org = ORG } = {},
): Promise<string> {
  return signCode(CONTENT_CODE, {
    claims: { kind: 'product', org, iat: nowSeconds(), product },
    privateKey: key.privateKey,
    kid: key.kid,
  });
}

/** The code beside a screen of a store. */
export function screenCode(
  key: OrganisationKey,
  store: string,
  screen = 'window-left',
  { org = ORG } = {},
): Promise<string> {
  return signCode(CONTENT_CODE, {
    claims: { kind: 'screen', org, iat: nowSeconds(), store, screen },
    privateKey: key.privateKey,
    kid: key.kid,
  });
}

/** Claims of a ticket valid for the next hour at `store`, admitting two. */
export function ticketClaims(
  store: string,
  overrides: Partial<EventTicketClaims> = {},
  now = Date.now(),
): EventTicketClaims {
  const seconds = Math.floor(now / 1000);
  return {
    jti: `tkt_${Math.random().toString(36).slice(2, 12)}`,
    evt: 'evt_q3-launch',
    sub: 'cus_000001',
    org: ORG,
    store,
    admits: 2,
    iat: seconds - 3600,
    nbf: seconds - 60,
    exp: seconds + 3600,
    ...overrides,
  };
}

export function ticketCode(key: OrganisationKey, claims: EventTicketClaims): Promise<string> {
  return signCode(EVENT_TICKET, { claims, privateKey: key.privateKey, kid: key.kid });
}

/**
 * A fetch that plays the cloud's ingest and ticket revocation feed for an edge under test
 * (recording what the edge reported), and hands every other call to the fake cloud.
 */
export function cloudFeeds() {
  const ingested: IngestEvent[] = [];
  const ticketRevocations: TicketRevocation[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/v1/ingest') {
      const batch = ingestBatchSchema.parse(JSON.parse(String(init?.body)));
      ingested.push(...batch.events);
      return Response.json({ accepted: batch.events.map((event) => event.key), duplicates: [] });
    }
    if (url.pathname.endsWith('/sync/ticket-revocations')) {
      const since = Number(url.searchParams.get('since') ?? 0);
      return Response.json({
        items: ticketRevocations.slice(since),
        watermark: ticketRevocations.length,
        hasMore: false,
      });
    }
    return globalThis.fetch(input, init);
  };
  return { fetch, ingested, ticketRevocations };
}
