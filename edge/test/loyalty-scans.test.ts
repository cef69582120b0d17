import { encodeLoyaltyQr } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { createOrganisationKey, enrolApp, proofFor } from './support/passes.ts';
import { waitFor } from './support/wait.ts';

let h: Harness;
let aiko: string;

beforeAll(async () => {
  h = await startHarness();
  aiko = await h.tokenFor('aiko');
});
afterAll(async () => {
  await h.close();
});

function scan(code: string, token: string | null = aiko) {
  return fetch(`${h.edge.httpUrl}/api/scans`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ code }),
  });
}

async function loyaltyQr(customerId = 'cus_000001', at = new Date()) {
  const { pass, proof } = await h.checkInData(customerId, 'app-1', at);
  return encodeLoyaltyQr({ pass, proof });
}

describe('POST /api/scans: an associate scans a customer’s rotating loyalty QR', () => {
  it('checks the customer in and alerts every associate of the store', async () => {
    const associate = await h.connectAssociate({ token: aiko });
    const response = await scan(await loyaltyQr('cus_000002'));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { alert: { customerId: string; source: string } };
    expect(body.alert).toMatchObject({ customerId: 'cus_000002', source: 'qr-scan' });
    const pushed = await waitFor(() => associate.alerts[0], { what: 'the pushed alert' });
    expect(pushed).toMatchObject({ customerId: 'cus_000002', profile: { firstName: 'Élise' } });
  });

  const vectors: {
    name: string;
    code: () => Promise<string>;
    status: number;
    reason: string;
  }[] = [
    {
      name: 'a truncated QR',
      code: async () => (await loyaltyQr()).slice(0, -20),
      status: 422,
      reason: 'tampered',
    },
    {
      name: 'a QR from another organisation',
      code: async () => {
        const theirs = await enrolApp(await createOrganisationKey(), { org: 'org_elsewhere' });
        return encodeLoyaltyQr({ pass: theirs.pass, proof: await proofFor(theirs, h.storeId) });
      },
      status: 422,
      reason: 'unknown_key',
    },
    {
      name: 'a QR shown for another store',
      code: async () => {
        const app = await h.appOf('cus_000001');
        return encodeLoyaltyQr({ pass: app.pass, proof: await proofFor(app, 'sto_paris-rivoli') });
      },
      status: 422,
      reason: 'wrong_store',
    },
    {
      name: 'a QR older than the clock skew allows',
      code: () => loyaltyQr('cus_000001', new Date(Date.now() - 5 * 60_000)),
      status: 422,
      reason: 'stale_proof',
    },
    {
      name: 'an expired pass',
      code: async () => {
        const expired = await h.cloud.enrol('cus_000001', {
          issuedAt: Math.floor(Date.now() / 1000) - 7200,
          expiresAt: Math.floor(Date.now() / 1000) - 60,
        });
        return encodeLoyaltyQr({ pass: expired.pass, proof: await proofFor(expired, h.storeId) });
      },
      status: 422,
      reason: 'pass_expired',
    },
    {
      name: 'a product QR, not a loyalty card',
      code: async () => 'https://maison-lumiere.example/p/LEI-Q3',
      status: 400,
      reason: 'validation_failed',
    },
  ];

  it.each(vectors)('refuses $name with $status $reason and no profile', async (vector) => {
    const response = await scan(await vector.code());
    expect(response.status).toBe(vector.status);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: { code: vector.reason } });
    expect(JSON.stringify(body)).not.toMatch(/firstName|lastName|recentPurchases/);
  });

  it('refuses the same QR scanned twice', async () => {
    const code = await loyaltyQr();
    expect((await scan(code)).status).toBe(201);
    const again = await scan(code);
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ error: { code: 'replayed_nonce' } });
  });

  it('refuses a caller who is not an associate of this store', async () => {
    const code = await loyaltyQr();
    expect((await scan(code, null)).status).toBe(401);
    expect((await scan(code, await h.tokenFor('camille'))).status).toBe(403);
    const malformed = await fetch(`${h.edge.httpUrl}/api/scans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${aiko}` },
      body: '{"qr":1}',
    });
    expect(malformed.status).toBe(400);
  });

  it('counts every refusal by reason', async () => {
    for (const reason of [
      'tampered',
      'unknown_key',
      'wrong_store',
      'stale_proof',
      'pass_expired',
    ]) {
      expect(
        await h.counter('vitrine_edge_identity_rejected_total', { reason }),
        reason,
      ).toBeGreaterThanOrEqual(1);
    }
  });
});
