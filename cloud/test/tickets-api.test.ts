import {
  customerProfileSchema,
  decodeCode,
  deviceTokenResponseSchema,
  EVENT_TICKET,
  ingestResponseSchema,
  issuedTicketSchema,
  organisationJwksSchema,
  pageSchema,
  signedCodeResponseSchema,
  ticketRevocationFeedSchema,
} from '@vitrine/shared';
import { compactVerify, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { createTestCloud, loginAs, SEED_NOW, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
const tokens: Record<string, string> = {};
let customerId: string;
let erasedCustomerId: string;

const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(SEED_NOW.getTime() + offsetMs).toISOString();

/** A request as the given caller; undefined or null is nobody. */
function call(method: string, path: string, token: string | null | undefined, body?: unknown) {
  return cloud.app.request(path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function ticketRequest(overrides: Record<string, unknown> = {}) {
  return {
    eventId: 'evt_q3-launch',
    customerId,
    storeId: 'sto_tokyo-ginza',
    admits: 2,
    validFrom: at(2 * HOUR),
    validUntil: at(5 * HOUR),
    ...overrides,
  };
}

async function issue(overrides: Record<string, unknown> = {}, token = tokens.marketer) {
  const response = await call('POST', '/v1/tickets', token, ticketRequest(overrides));
  expect(response.status).toBe(201);
  return issuedTicketSchema.parse(await response.json());
}

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 8 });
  for (const name of ['admin', 'marketer', 'aiko']) {
    tokens[name] = await loginAs(cloud, `${name}@vitrine.demo`);
  }
  const page = pageSchema(customerProfileSchema);
  const listed = page.parse(
    await (await call('GET', '/v1/stores/sto_tokyo-ginza/customers?limit=2', tokens.admin)).json(),
  );
  customerId = listed.items[0]?.id ?? '';
  erasedCustomerId = listed.items[1]?.id ?? '';
  expect((await call('DELETE', `/v1/customers/${erasedCustomerId}`, tokens.admin)).status).toBe(
    204,
  );
  for (const store of ['sto_tokyo-ginza', 'sto_paris-rivoli']) {
    const device = await call('POST', `/v1/stores/${store}/device-tokens`, tokens.admin);
    tokens[store] = deviceTokenResponseSchema.parse(await device.json()).token;
  }
});

afterAll(async () => {
  await cloud?.close();
});

describe('POST /v1/tickets', () => {
  it('issues a ticket whose code the organisation signed, with its window to the second', async () => {
    const ticket = await issue();
    expect(ticket).toMatchObject({
      eventId: 'evt_q3-launch',
      customerId,
      storeId: 'sto_tokyo-ginza',
      admits: 2,
      validFrom: at(2 * HOUR),
      validUntil: at(5 * HOUR),
      revokedAt: null,
    });
    const decoded = decodeCode(EVENT_TICKET, ticket.code);
    if (!decoded.ok) throw new Error(decoded.detail);
    const jwks = organisationJwksSchema.parse(
      await (await call('GET', '/.well-known/jwks.json', null)).json(),
    );
    const { payload } = await compactVerify(decoded.value.jws, createLocalJWKSet(jwks));
    expect(EVENT_TICKET.claims.parse(JSON.parse(new TextDecoder().decode(payload)))).toEqual({
      jti: ticket.ticketId,
      evt: 'evt_q3-launch',
      sub: customerId,
      org: 'org_maison-demo',
      store: 'sto_tokyo-ginza',
      admits: 2,
      iat: SEED_NOW.getTime() / 1000,
      nbf: SEED_NOW.getTime() / 1000 + 2 * 3600,
      exp: SEED_NOW.getTime() / 1000 + 5 * 3600,
    });
  });

  it.each([
    { name: 'more than ten people', body: { admits: 11 }, field: 'admits' },
    { name: 'nobody', body: { admits: 0 }, field: 'admits' },
    {
      name: 'a window that ends before it starts',
      body: { validUntil: at(HOUR) },
      field: 'validUntil',
    },
    {
      name: 'a window already over',
      body: { validFrom: at(-5 * HOUR), validUntil: at(-HOUR) },
      field: 'validUntil',
    },
    { name: 'an event id without its prefix', body: { eventId: 'q3-launch' }, field: 'eventId' },
    {
      name: 'a customer who does not exist',
      body: { customerId: 'cus_999999' },
      field: 'customerId',
    },
    {
      name: 'a store the organisation does not have',
      body: { storeId: 'sto_nowhere' },
      field: 'storeId',
    },
    { name: 'a date that is not one', body: { validFrom: 'tomorrow' }, field: 'validFrom' },
  ])('refuses $name, naming $field', async ({ body, field }) => {
    const response = await call('POST', '/v1/tickets', tokens.marketer, ticketRequest(body));
    expect(response.status).toBe(400);
    const { error } = problemSchema.parse(await response.json());
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.map((f) => f.path)).toContain(field);
  });

  it('refuses an erased customer, naming customerId', async () => {
    const response = await call(
      'POST',
      '/v1/tickets',
      tokens.admin,
      ticketRequest({ customerId: erasedCustomerId }),
    );
    expect(response.status).toBe(400);
    expect(problemSchema.parse(await response.json()).error.fields?.[0]?.path).toBe('customerId');
  });

  it('lets no associate issue, and nobody without a token', async () => {
    expect((await call('POST', '/v1/tickets', tokens.aiko, ticketRequest())).status).toBe(403);
    expect((await call('POST', '/v1/tickets', null, ticketRequest())).status).toBe(401);
  });
});

describe('a ticket’s code and QR image', () => {
  it('serves the same code every time, as SVG by default and PNG on request', async () => {
    const ticket = await issue();
    const code = signedCodeResponseSchema.parse(
      await (await call('GET', `/v1/tickets/${ticket.ticketId}/code`, tokens.admin)).json(),
    );
    expect(code.code).toBe(ticket.code);
    const svg = await call('GET', `/v1/tickets/${ticket.ticketId}/qr`, tokens.marketer);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect((await svg.text()).startsWith('<svg')).toBe(true);
    const png = await call('GET', `/v1/tickets/${ticket.ticketId}/qr?format=png`, tokens.marketer);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).subarray(0, 4)]).toEqual([
      0x89, 0x50, 0x4e, 0x47,
    ]);
  });

  it('answers 404 for a ticket it never issued', async () => {
    for (const path of [
      '/v1/tickets/tkt_none',
      '/v1/tickets/tkt_none/code',
      '/v1/tickets/tkt_none/qr',
    ]) {
      expect((await call('GET', path, tokens.marketer)).status, path).toBe(404);
    }
    expect((await call('GET', '/v1/tickets/not-a-ticket', tokens.marketer)).status).toBe(400);
  });
});

describe('revoking a ticket', () => {
  it('withdraws its code and puts it in its store’s feed, once', async () => {
    const ticket = await issue();
    const revoke = () => call('POST', `/v1/tickets/${ticket.ticketId}/revoke`, tokens.marketer);
    const first = issuedTicketSchema.parse(await (await revoke()).json());
    expect(first.revokedAt).toBe(SEED_NOW.toISOString());
    expect((await revoke()).status).toBe(200);
    const code = await call('GET', `/v1/tickets/${ticket.ticketId}/code`, tokens.marketer);
    expect(code.status).toBe(409);
    expect(problemSchema.parse(await code.json()).error.code).toBe('conflict');

    const feedPath = '/v1/stores/sto_tokyo-ginza/sync/ticket-revocations';
    const feed = ticketRevocationFeedSchema.parse(
      await (await call('GET', `${feedPath}?since=0`, tokens['sto_tokyo-ginza'])).json(),
    );
    expect(feed.items.filter((item) => item.ticketId === ticket.ticketId)).toEqual([
      {
        ticketId: ticket.ticketId,
        revokedAt: SEED_NOW.toISOString(),
        ticketExpiresAt: ticket.validUntil,
      },
    ]);
    const after = ticketRevocationFeedSchema.parse(
      await (
        await call('GET', `${feedPath}?since=${feed.watermark}`, tokens['sto_tokyo-ginza'])
      ).json(),
    );
    expect(after).toEqual({ items: [], watermark: feed.watermark, hasMore: false });
  });

  it('revokes the tickets of an erased customer in their store’s feed', async () => {
    const page = pageSchema(customerProfileSchema);
    const listed = page.parse(
      await (
        await call('GET', '/v1/stores/sto_tokyo-ginza/customers?limit=4', tokens.admin)
      ).json(),
    );
    const guest = listed.items[3]?.id ?? '';
    const ticket = await issue({ customerId: guest });
    expect((await call('DELETE', `/v1/customers/${guest}`, tokens.admin)).status).toBe(204);

    const feed = ticketRevocationFeedSchema.parse(
      await (
        await call(
          'GET',
          '/v1/stores/sto_tokyo-ginza/sync/ticket-revocations?since=0',
          tokens['sto_tokyo-ginza'],
        )
      ).json(),
    );
    expect(feed.items.filter((item) => item.ticketId === ticket.ticketId)).toEqual([
      {
        ticketId: ticket.ticketId,
        revokedAt: SEED_NOW.toISOString(),
        ticketExpiresAt: ticket.validUntil,
      },
    ]);
    expect(JSON.stringify(feed)).not.toContain(guest);
  });

  it('keeps a store’s revoked tickets from other stores’ edges', async () => {
    const paris = await issue({ storeId: 'sto_paris-rivoli' });
    await call('POST', `/v1/tickets/${paris.ticketId}/revoke`, tokens.admin);
    const own = ticketRevocationFeedSchema.parse(
      await (
        await call(
          'GET',
          '/v1/stores/sto_paris-rivoli/sync/ticket-revocations',
          tokens['sto_paris-rivoli'],
        )
      ).json(),
    );
    expect(own.items.map((item) => item.ticketId)).toEqual([paris.ticketId]);
    const tokyo = ticketRevocationFeedSchema.parse(
      await (
        await call(
          'GET',
          '/v1/stores/sto_tokyo-ginza/sync/ticket-revocations',
          tokens['sto_tokyo-ginza'],
        )
      ).json(),
    );
    expect(tokyo.items.map((item) => item.ticketId)).not.toContain(paris.ticketId);
    const foreign = await call(
      'GET',
      '/v1/stores/sto_paris-rivoli/sync/ticket-revocations',
      tokens['sto_tokyo-ginza'],
    );
    expect(foreign.status).toBe(403);
  });

  it('answers 404 for revoking a ticket it never issued, 403 for an associate', async () => {
    expect((await call('POST', '/v1/tickets/tkt_none/revoke', tokens.admin)).status).toBe(404);
    const ticket = await issue();
    const byAssociate = await call('POST', `/v1/tickets/${ticket.ticketId}/revoke`, tokens.aiko);
    expect(byAssociate.status).toBe(403);
  });
});

describe('what the edge reports of codes and tickets', () => {
  it('ingests content scans and ticket admissions', async () => {
    const events = [
      {
        key: 'content-scan:msg_scan1',
        kind: 'content-scan',
        store: 'sto_tokyo-ginza',
        occurredAt: SEED_NOW.toISOString(),
        data: {
          messageId: 'msg_scan1',
          customerId,
          clientId: 'app-1',
          kind: 'product',
          sku: 'CAM-LQ3',
          screenId: null,
        },
      },
      {
        key: 'ticket-admission:tkt_1-1',
        kind: 'ticket-admission',
        store: 'sto_tokyo-ginza',
        occurredAt: SEED_NOW.toISOString(),
        data: {
          ticketId: 'tkt_1',
          eventId: 'evt_q3-launch',
          customerId,
          admission: 1,
          admits: 2,
          messageId: 'msg_door1',
          clientId: 'kiosk.door',
          via: 'kiosk',
        },
      },
    ];
    const response = await call('POST', '/v1/ingest', tokens['sto_tokyo-ginza'], {
      events,
    });
    expect(response.status).toBe(200);
    expect(ingestResponseSchema.parse(await response.json()).accepted).toEqual([
      'content-scan:msg_scan1',
      'ticket-admission:tkt_1-1',
    ]);
  });
});
