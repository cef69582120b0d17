import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PassRevocation, TicketRevocation } from '@vitrine/shared';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createIdentityFile, type IdentityState, identityStateSchema } from './identity-file.ts';
import { createIdentityMetrics } from './identity-metrics.ts';
import { createIdentitySync } from './identity-sync.ts';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const jwk = { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'B'.repeat(43), kid: 'k1' };
const revocation = (n: number, expiresInMs = 86_400_000): PassRevocation => ({
  passId: `pas_${n}`,
  revokedAt: new Date(NOW).toISOString(),
  reason: 'lost_device',
  passExpiresAt: new Date(NOW + expiresInMs).toISOString(),
});

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const ticketRevocation = (n: number, expiresInMs = 86_400_000): TicketRevocation => ({
  ticketId: `tkt_${n}`,
  revokedAt: new Date(NOW).toISOString(),
  ticketExpiresAt: new Date(NOW + expiresInMs).toISOString(),
});

function harness(fetch: typeof globalThis.fetch) {
  const loaded: IdentityState[] = [];
  const codesLoaded: IdentityState[] = [];
  const file = createIdentityFile(dir);
  const sync = createIdentitySync({
    cloudUrl: 'http://cloud.test',
    token: 'edge-token',
    storeId: 'sto_tokyo-ginza',
    file,
    verifier: { load: async (state) => void loaded.push(state) },
    codeVerifier: { load: async (state) => void codesLoaded.push(state) },
    metrics: createIdentityMetrics(new Registry()),
    logger: pino({ level: 'silent' }),
    now: () => NOW,
    fetch,
  });
  return { sync, loaded, codesLoaded, file };
}

/** A cloud whose revocation feeds page two items at a time. */
function cloudWith(
  revocations: PassRevocation[],
  ticketRevocations: TicketRevocation[] = [],
): typeof globalThis.fetch {
  return async (input) => {
    const url = new URL(String(input));
    if (url.pathname === '/.well-known/jwks.json') return Response.json({ keys: [jwk] });
    const since = Number(url.searchParams.get('since'));
    const feed: unknown[] = url.pathname.endsWith('/ticket-revocations')
      ? ticketRevocations
      : revocations;
    const items = feed.slice(since, since + 2);
    return Response.json({
      items,
      watermark: since + items.length,
      hasMore: since + items.length < feed.length,
    });
  };
}

const down: typeof globalThis.fetch = async () => {
  throw new TypeError('fetch failed: ECONNREFUSED');
};

describe('identity sync', () => {
  it('pages the revocation feed, drops expired revocations and writes the state to disk', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-identity-'));
    const { sync, loaded, file } = harness(
      cloudWith([revocation(1), revocation(2), revocation(3, -1000), revocation(4)]),
    );
    expect(sync.lastSyncedAt()).toBeNull();
    await sync.start();
    await sync.stop();
    expect(sync.lastSyncedAt()).toBe(NOW);
    const state = identityStateSchema.parse(JSON.parse(await readFile(file.path, 'utf8')));
    expect(state.watermark).toBe(4);
    expect(state.revocations.map((item) => item.passId)).toEqual(['pas_1', 'pas_2', 'pas_4']);
    expect(state.jwks.keys).toHaveLength(1);
    expect(loaded.at(-1)).toEqual(state);
  });

  it('keeps this store’s revoked tickets beside the passes, for the code verifier too', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-identity-'));
    const { sync, codesLoaded, file } = harness(
      cloudWith(
        [revocation(1)],
        [ticketRevocation(1), ticketRevocation(2, -1000), ticketRevocation(3)],
      ),
    );
    await sync.start();
    expect(await sync.syncNow()).toBe(true);
    await sync.stop();
    const state = identityStateSchema.parse(JSON.parse(await readFile(file.path, 'utf8')));
    expect(state.ticketWatermark).toBe(3);
    expect(state.ticketRevocations.map((item) => item.ticketId)).toEqual(['tkt_1', 'tkt_3']);
    expect(codesLoaded.at(-1)).toEqual(state);
  });

  it('reads a state file written before tickets existed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-identity-'));
    await writeFile(
      join(dir, 'identity.json'),
      JSON.stringify({ jwks: { keys: [jwk] }, revocations: [], watermark: 4, syncedAt: null }),
    );
    const read = await createIdentityFile(dir).read();
    expect(read).toMatchObject({
      outcome: 'loaded',
      state: { watermark: 4, ticketRevocations: [], ticketWatermark: 0 },
    });
  });

  it('starts from the disk when the cloud is unreachable, and keeps it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-identity-'));
    const first = harness(cloudWith([revocation(1)]));
    await first.sync.start();
    await first.sync.stop();
    const second = harness(down);
    await second.sync.start();
    expect(await second.sync.syncNow()).toBe(false);
    await second.sync.stop();
    // A state read from disk is not a sync: the fleet view sees the edge has not reached the cloud.
    expect(second.sync.lastSyncedAt()).toBeNull();
    expect(second.loaded[0]?.revocations.map((item) => item.passId)).toEqual(['pas_1']);
    expect(second.loaded[0]?.jwks.keys).toHaveLength(1);
  });

  it('starts empty, and says so, from a corrupt file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-identity-'));
    await writeFile(join(dir, 'identity.json'), '{"jwks":');
    const { sync, loaded, file } = harness(down);
    expect(await file.read()).toMatchObject({ outcome: 'invalid' });
    await sync.start();
    await sync.stop();
    expect(loaded).toHaveLength(0);
  });
});
