import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogueFile } from '../src/engagement/catalogue-file.ts';
import { cloudFeeds } from './support/codes.ts';
import { type AssociateClient, type Harness, startHarness } from './support/edge-harness.ts';
import { engagementFeed, vipWelcome } from './support/engagement-catalogue.ts';
import { buildProfile } from './support/profiles.ts';
import { uniqueSuffix, waitFor } from './support/wait.ts';

const CHAMPAGNE = 'Offer a glass of champagne';
const LEICA = 'Show the new Leica';

/** The cloud's engagement feed and store lookup off the network while `down` holds. */
const feedLink = { down: true };
const feeds = cloudFeeds();
const fetchThroughLink: typeof globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const engagementOrStore =
    url.pathname.endsWith('/sync/engagement') || /^\/v1\/stores\/[^/]+$/.test(url.pathname);
  if (feedLink.down && engagementOrStore) throw new TypeError('fetch failed');
  return feeds.fetch(input, init);
};

let h: Harness;
let aiko: AssociateClient;
let home: { storeId: string; dataDir: string };

beforeAll(async () => {
  home = {
    storeId: `sto_test-${uniqueSuffix()}`,
    dataDir: await mkdtemp(join(tmpdir(), 'vitrine-edge-')),
  };
  // What an earlier run of the edge kept: the catalogue as the cloud last sent it.
  const onDisk = engagementFeed(home.storeId, [vipWelcome()], 'v1');
  await createCatalogueFile(join(home.dataDir, 'engagement')).write({
    version: onDisk.version,
    timeZone: 'Asia/Tokyo',
    fetchedAt: Date.now() - 86_400_000,
    catalogue: onDisk.catalogue,
  });
  h = await startHarness({
    home,
    env: { EDGE_SYNC_INTERVAL_MS: '200' },
    deps: { fetch: fetchThroughLink },
    profiles: ['cus_000004', 'cus_000005'].map((id) => buildProfile({ id })),
  });
  aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
});
afterAll(async () => {
  await h?.close();
  await rm(home.dataDir, { recursive: true, force: true });
});

async function suggestionFor(customerId: string) {
  await h.publishCheckIn(customerId, `app-${customerId.slice(-1)}`);
  const suggestion = await waitFor(
    () => aiko.suggestions.find((s) => s.customerId === customerId),
    {
      what: `a suggestion for ${customerId}`,
    },
  );
  return suggestion.suggestion;
}

async function versionOnDisk(): Promise<string> {
  const text = await readFile(join(home.dataDir, 'engagement', 'catalogue.json'), 'utf8');
  const stored: { version: string } = JSON.parse(text);
  return stored.version;
}

describe('the edge without the cloud’s engagement feed', () => {
  it('decides from the catalogue on disk when the feed is unreachable at start', async () => {
    await h.waitForCounter('vitrine_edge_engagement_catalogue_syncs_total', { outcome: 'failed' });
    expect(await suggestionFor('cus_000001')).toBe(CHAMPAGNE);
  });

  it('takes a new catalogue version at the next sync, on disk and in its decisions', async () => {
    h.cloud.state.engagementFeed = engagementFeed(
      h.storeId,
      [vipWelcome({ actions: [{ kind: 'associate-alert', suggestion: LEICA }] })],
      'v2',
    );
    feedLink.down = false;
    await h.waitForCounter('vitrine_edge_engagement_catalogue_syncs_total', { outcome: 'changed' });
    expect(await versionOnDisk()).toBe('v2');
    expect(await suggestionFor('cus_000004')).toBe(LEICA);
  });

  it('keeps the last catalogue when a sync fails', async () => {
    const failed = await h.counter('vitrine_edge_engagement_catalogue_syncs_total', {
      outcome: 'failed',
    });
    h.cloud.state.engagementFeed = null;
    await h.waitForCounter(
      'vitrine_edge_engagement_catalogue_syncs_total',
      { outcome: 'failed' },
      failed + 1,
    );
    expect(await versionOnDisk()).toBe('v2');
    expect(await suggestionFor('cus_000005')).toBe(LEICA);
  });
});
