import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestedEvents } from '../src/db/schema-ingest.ts';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginAs, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let api: ReturnType<typeof createCaller>;
let marketer = '';
const PARIS = 'sto_paris-rivoli';
const TOKYO = 'sto_tokyo-ginza';
const FLOOR = 'zon_paris-rivoli-floor';

let sequence = 0;
function delivery(
  storeId: string,
  at: string,
  customerId: string,
  campaignId: string,
  action: string,
  outcome: 'sent' | 'no-recipient' | 'failed',
) {
  sequence += 1;
  return {
    id: `delivery:d${sequence}`,
    storeId,
    kind: 'delivery',
    occurredAt: new Date(at),
    customerId,
    payload: {
      decisionId: `dec_${sequence}`,
      campaignId,
      customerId,
      action,
      trigger: 'zone-dwell',
      zoneId: FLOOR,
      offerId: null,
      contentId: null,
      outcome,
    },
  };
}
function play(storeId: string, at: string, screenId: string, contentId: string, ms: number) {
  sequence += 1;
  return {
    id: `screen-play:p${sequence}`,
    storeId,
    kind: 'screen-play',
    occurredAt: new Date(at),
    customerId: null,
    payload: {
      screenId,
      zoneId: FLOOR,
      contentId,
      playlistId: null,
      campaignId: null,
      durationMs: ms,
    },
  };
}

const EVENTS = [
  delivery(PARIS, '2026-12-01T10:00:00Z', 'cus_000001', 'cmp_dwell', 'phone-offer', 'sent'),
  delivery(PARIS, '2026-12-01T10:05:00Z', 'cus_000002', 'cmp_dwell', 'phone-offer', 'no-recipient'),
  delivery(PARIS, '2026-12-01T10:06:00Z', 'cus_000001', 'cmp_dwell', 'screen-content', 'sent'),
  delivery(PARIS, '2026-12-01T10:07:00Z', 'cus_000002', 'cmp_dwell', 'screen-content', 'sent'),
  delivery(PARIS, '2026-12-01T11:00:00Z', 'cus_000003', 'cmp_vip', 'associate-alert', 'failed'),
  // 00:30 on 2 December in Paris.
  delivery(PARIS, '2026-12-01T23:30:00Z', 'cus_000001', 'cmp_vip', 'associate-alert', 'sent'),
  delivery(TOKYO, '2026-12-01T02:00:00Z', 'cus_000004', 'cmp_vip', 'associate-alert', 'sent'),
  play(PARIS, '2026-12-01T09:00:00Z', 'floor-1', 'cnt_window', 15_000),
  play(PARIS, '2026-12-01T09:01:00Z', 'floor-2', 'cnt_window', 15_000),
  play(PARIS, '2026-12-01T09:02:00Z', 'floor-1', 'cnt_window', 7_500),
  play(PARIS, '2026-12-01T09:03:00Z', 'floor-1', 'cnt_card', 20_000),
];

async function report(path: string) {
  const response = await api.call(path, { token: marketer });
  expect(response.status).toBe(200);
  return ((await response.json()) as { rows: unknown[] }).rows;
}

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 5 });
  api = createCaller(cloud);
  marketer = await loginAs(cloud, 'marketer@vitrine.demo');
  await cloud.database.db.insert(ingestedEvents).values(EVENTS);
});

afterAll(async () => {
  await cloud?.close();
});

describe('campaign deliveries', () => {
  it('counts each action by outcome per store, campaign and local day', async () => {
    const rows = await report(
      `/v1/analytics/deliveries?storeId=${PARIS}&from=2026-12-01&to=2026-12-02`,
    );
    expect(rows).toEqual([
      {
        day: '2026-12-01',
        storeId: PARIS,
        campaignId: 'cmp_dwell',
        action: 'phone-offer',
        sent: 1,
        noRecipient: 1,
        failed: 0,
        customers: 2,
      },
      {
        day: '2026-12-01',
        storeId: PARIS,
        campaignId: 'cmp_dwell',
        action: 'screen-content',
        sent: 2,
        noRecipient: 0,
        failed: 0,
        customers: 2,
      },
      {
        day: '2026-12-01',
        storeId: PARIS,
        campaignId: 'cmp_vip',
        action: 'associate-alert',
        sent: 0,
        noRecipient: 0,
        failed: 1,
        customers: 1,
      },
      {
        day: '2026-12-02',
        storeId: PARIS,
        campaignId: 'cmp_vip',
        action: 'associate-alert',
        sent: 1,
        noRecipient: 0,
        failed: 0,
        customers: 1,
      },
    ]);
  });

  it('keeps to one campaign when asked, across stores', async () => {
    const rows = await report(
      '/v1/analytics/deliveries?campaignId=cmp_vip&from=2026-12-01&to=2026-12-01',
    );
    expect(rows).toEqual([
      expect.objectContaining({ storeId: PARIS, campaignId: 'cmp_vip', failed: 1 }),
      expect.objectContaining({ storeId: TOKYO, campaignId: 'cmp_vip', sent: 1 }),
    ]);
  });

  it('exports CSV with a header of the row fields', async () => {
    const response = await api.call(
      '/v1/analytics/deliveries?from=2026-12-02&to=2026-12-02&format=csv',
      { token: marketer },
    );
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('day,storeId,campaignId,action,sent,noRecipient,failed,customers');
    expect(lines.slice(1)).toEqual([`2026-12-02,${PARIS},cmp_vip,associate-alert,1,0,0,1`]);
  });

  it('names a bad campaign id (400)', async () => {
    const response = await api.call(
      '/v1/analytics/deliveries?campaignId=nope&from=2026-12-01&to=2026-12-01',
      { token: marketer },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('campaignId');
  });
});

describe('proof of play', () => {
  it('counts plays, screens and time shown per content item per local day', async () => {
    expect(await report('/v1/analytics/plays?from=2026-12-01&to=2026-12-01')).toEqual([
      {
        day: '2026-12-01',
        storeId: PARIS,
        contentId: 'cnt_card',
        plays: 1,
        screens: 1,
        playedS: 20,
      },
      {
        day: '2026-12-01',
        storeId: PARIS,
        contentId: 'cnt_window',
        plays: 3,
        screens: 2,
        playedS: 37.5,
      },
    ]);
  });
});
