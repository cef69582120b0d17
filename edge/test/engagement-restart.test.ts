import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, type HarnessOptions, startHarness } from './support/edge-harness.ts';
import { engagementFeed, VIP_WELCOME, vipWelcome } from './support/engagement-catalogue.ts';
import { recordingLogger } from './support/log-lines.ts';
import { settle, uniqueSuffix } from './support/wait.ts';

/** Once a day per customer: a cap a restart must not reset. */
const oncePerDay = vipWelcome({ caps: { perCustomer: { max: 1, per: 'day' } } });

const homes: string[] = [];
let running: Harness | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
  for (const dir of homes.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function newHome() {
  const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-edge-'));
  homes.push(dataDir);
  return { storeId: `sto_test-${uniqueSuffix()}`, dataDir };
}

/** An edge on `home` deciding with the once-a-day welcome, its catalogue in use and synced. */
async function edgeOn(home: { storeId: string; dataDir: string }, options: HarnessOptions = {}) {
  running = await startHarness({
    home,
    engagementFeed: (storeId) => engagementFeed(storeId, [oncePerDay]),
    ...options,
  });
  // The first sync of the second edge finds the version it read from disk: unchanged.
  await running.waitForCounter('vitrine_edge_engagement_catalogue_syncs_total');
  await running.waitForCounter('vitrine_edge_engagement_campaigns');
  return running;
}

/** Checks the customer in and says whether the associates were told what to do. */
async function checkInSuggested(h: Harness, customerId: string): Promise<boolean> {
  const aiko = await h.connectAssociate({ token: await h.tokenFor('aiko') });
  const decided = await h.counter('vitrine_edge_engagement_decisions_total');
  await h.publishCheckIn(customerId);
  await h.waitForCounter('vitrine_edge_engagement_decisions_total', {}, decided + 1);
  await settle(150);
  return aiko.suggestions.some((s) => s.customerId === customerId && s.campaignId === VIP_WELCOME);
}

async function stop(h: Harness) {
  await h.close();
  running = null;
}

describe('campaign caps at the edge', () => {
  it('hold across a restart: a customer capped before it is still capped after', async () => {
    const home = await newHome();
    const first = await edgeOn(home);
    expect(await checkInSuggested(first, 'cus_000001')).toBe(true);
    await stop(first);
    const second = await edgeOn(home);
    expect(await checkInSuggested(second, 'cus_000001')).toBe(false);
  });

  it('start empty from a corrupt state file, and say so in the log', async () => {
    const home = await newHome();
    const first = await edgeOn(home);
    expect(await checkInSuggested(first, 'cus_000001')).toBe(true);
    await stop(first);
    await writeFile(join(home.dataDir, 'engagement', 'state.json'), '{"customers": [tru');
    const { logger, lines } = recordingLogger();
    const second = await edgeOn(home, { logger });
    expect(lines.join('\n')).toContain('engagement state unreadable; starting empty');
    expect(await checkInSuggested(second, 'cus_000001')).toBe(true);
  });
});
