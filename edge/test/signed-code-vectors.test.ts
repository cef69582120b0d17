import { CONTENT_CODE, EVENT_TICKET } from '@vitrine/shared';
import { CompactSign } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { importKeySet, type KeySet } from '../src/identity/domain/key-set.ts';
import { verifySignedCode } from '../src/identity/domain/verify-signed-code.ts';
import { judgeTicket } from '../src/scans/domain/judge-ticket.ts';
import {
  LEICA_Q3,
  ORG,
  productCode,
  screenCode,
  ticketClaims,
  ticketCode,
} from './support/codes.ts';
import { createOrganisationKey, enrolApp, type OrganisationKey } from './support/passes.ts';

/**
 * Signed QR codes as the edge meets them: one record per case, each with the one outcome
 * it must have. The edge knows only `ours` (the organisation's published key).
 */
const STORE = 'sto_tokyo-ginza';
const NOW = Date.now();

let ours: OrganisationKey;
let theirs: OrganisationKey;
let forger: OrganisationKey;
let keys: KeySet;

beforeAll(async () => {
  ours = await createOrganisationKey();
  theirs = await createOrganisationKey();
  // A stranger's key under our kid: what a forger would try.
  forger = { ...(await createOrganisationKey()), kid: ours.kid };
  keys = await importKeySet({ keys: [ours.jwk] });
});

/** The payload of one JWS under the header and signature of another: an edited claim. */
function spliced(signed: string, payloadFrom: string): string {
  const [prefixAndHeader, , signature] = signed.split('.');
  const [, payload] = payloadFrom.split('.');
  return `${prefixAndHeader}.${payload}.${signature}`;
}

interface Vector {
  name: string;
  text: () => Promise<string>;
  /** What the edge decides: `ok` with the kind, or the refusal reason. */
  expect: string;
}

const contentVectors: Vector[] = [
  { name: 'a product label', text: () => productCode(ours), expect: 'product' },
  { name: 'a screen code', text: () => screenCode(ours, STORE), expect: 'screen' },
  {
    name: 'a truncated label',
    text: async () => (await productCode(ours)).slice(0, -7),
    expect: 'tampered',
  },
  { name: 'a forged signature', text: () => productCode(forger), expect: 'forged_signature' },
  {
    name: 'a price edited after signing',
    text: async () =>
      spliced(await productCode(ours), await productCode(theirs, { ...LEICA_Q3, price: 1 })),
    expect: 'forged_signature',
  },
  {
    name: 'another organisation’s label',
    text: () => productCode(theirs, LEICA_Q3, { org: 'org_elsewhere' }),
    expect: 'unknown_key',
  },
  {
    name: 'another organisation’s label, signed by a key the cloud shares with ours',
    text: () => productCode(ours, LEICA_Q3, { org: 'org_elsewhere' }),
    expect: 'wrong_organisation',
  },
  {
    name: 'a ticket shown as a content code',
    text: async () => (await ticketCode(ours, ticketClaims(STORE))).replace('VT1:', 'VC1:'),
    expect: 'tampered',
  },
  {
    name: 'claims off the schema, properly signed',
    text: async () => {
      const jws = await new CompactSign(
        new TextEncoder().encode(JSON.stringify({ kind: 'product', org: ORG, iat: 1 })),
      )
        .setProtectedHeader({ alg: 'ES256', kid: ours.kid, typ: CONTENT_CODE.typ })
        .sign(ours.privateKey);
      return `VC1:${jws}`;
    },
    expect: 'tampered',
  },
];

describe('content code vectors', () => {
  it.each(contentVectors)('$name → $expect', async (vector) => {
    const verified = verifySignedCode(CONTENT_CODE, await vector.text(), {
      keys,
      organisationId: ORG,
    });
    expect(verified.ok ? verified.value.claims.kind : verified.reason).toBe(vector.expect);
  });
});

interface TicketVector extends Vector {
  revoked?: boolean;
  admitted?: number;
}

const ticketVectors: TicketVector[] = [
  { name: 'a valid ticket', text: () => ticketCode(ours, ticketClaims(STORE)), expect: 'ok' },
  {
    name: 'a valid ticket with one of two admitted',
    text: () => ticketCode(ours, ticketClaims(STORE)),
    admitted: 1,
    expect: 'ok',
  },
  {
    name: 'a ticket whose places are all used',
    text: () => ticketCode(ours, ticketClaims(STORE)),
    admitted: 2,
    expect: 'already_used',
  },
  {
    name: 'a truncated ticket',
    text: async () => (await ticketCode(ours, ticketClaims(STORE))).slice(0, 60),
    expect: 'tampered',
  },
  {
    name: 'a forged ticket',
    text: () => ticketCode(forger, ticketClaims(STORE)),
    expect: 'forged_signature',
  },
  {
    name: 'a ticket with its admits raised after signing',
    text: async () =>
      spliced(
        await ticketCode(ours, ticketClaims(STORE)),
        await ticketCode(theirs, ticketClaims(STORE, { admits: 10 })),
      ),
    expect: 'forged_signature',
  },
  {
    name: 'another organisation’s ticket',
    text: () => ticketCode(theirs, ticketClaims(STORE, { org: 'org_elsewhere' })),
    expect: 'unknown_key',
  },
  {
    name: 'another organisation’s ticket, signed by a key the cloud shares with ours',
    text: () => ticketCode(ours, ticketClaims(STORE, { org: 'org_elsewhere' })),
    expect: 'wrong_organisation',
  },
  {
    name: 'a loyalty pass shown as a ticket',
    text: async () => `VT1:${(await enrolApp(ours)).pass}`,
    expect: 'tampered',
  },
  {
    name: 'an expired ticket',
    text: () =>
      ticketCode(
        ours,
        ticketClaims(STORE, {
          nbf: Math.floor(NOW / 1000) - 7200,
          exp: Math.floor(NOW / 1000) - 1,
        }),
      ),
    expect: 'ticket_expired',
  },
  {
    name: 'a ticket before its doors open',
    text: () =>
      ticketCode(
        ours,
        ticketClaims(STORE, {
          nbf: Math.floor(NOW / 1000) + 600,
          exp: Math.floor(NOW / 1000) + 7200,
        }),
      ),
    expect: 'ticket_not_yet_valid',
  },
  {
    name: 'a ticket for another store',
    text: () => ticketCode(ours, ticketClaims('sto_paris-rivoli')),
    expect: 'wrong_store',
  },
  {
    name: 'a revoked ticket',
    text: () => ticketCode(ours, ticketClaims(STORE)),
    revoked: true,
    expect: 'ticket_revoked',
  },
];

describe('event ticket vectors', () => {
  it.each(ticketVectors)('$name → $expect', async (vector) => {
    const verified = verifySignedCode(EVENT_TICKET, await vector.text(), {
      keys,
      organisationId: ORG,
    });
    if (!verified.ok) {
      expect(verified.reason).toBe(vector.expect);
      return;
    }
    const judgement = judgeTicket({
      claims: verified.value.claims,
      storeId: STORE,
      now: NOW,
      revoked: vector.revoked ?? false,
      admitted: vector.admitted ?? 0,
    });
    expect(judgement.ok ? 'ok' : judgement.reason).toBe(vector.expect);
    if (judgement.ok) expect(judgement.admission).toBe((vector.admitted ?? 0) + 1);
  });
});

describe('an edge that does not know its organisation', () => {
  it('takes a code by its key alone', async () => {
    const text = await productCode(ours, LEICA_Q3, { org: 'org_elsewhere' });
    expect(verifySignedCode(CONTENT_CODE, text, { keys }).ok).toBe(true);
  });
});
