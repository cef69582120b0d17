import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestedEvents } from '../src/db/schema-ingest.ts';
import { problemSchema } from '../src/http/problem.ts';
import { createCaller } from './support/sync-helpers.ts';
import { createTestCloud, loginAs, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let api: ReturnType<typeof createCaller>;
const tokens: Record<string, string> = {};
const PARIS = 'sto_paris-rivoli';
const TOKYO = 'sto_tokyo-ginza';
const FLOOR = 'zon_paris-rivoli-floor';
const LOUNGE = 'zon_paris-rivoli-lounge';

let sequence = 0;
function event(
  storeId: string,
  kind: string,
  occurredAt: string,
  payload: Record<string, unknown>,
  customerId: string | null = null,
) {
  sequence += 1;
  return {
    id: `${kind}:e${sequence}`,
    storeId,
    kind,
    occurredAt: new Date(occurredAt),
    payload: customerId === null ? payload : { ...payload, customerId },
    customerId,
  };
}
const presence = (
  at: string,
  customerId: string,
  type: string,
  { zoneId = null, durationMs = null }: { zoneId?: string | null; durationMs?: number | null } = {},
) => event(PARIS, 'presence', at, { type, zoneId, durationMs, reason: null }, customerId);
const alert = (at: string, alertId: string, campaignId?: string) =>
  event(PARIS, 'alert', at, { alertId, ...(campaignId ? { campaignId } : {}) }, 'cus_000001');
const ack = (at: string, alertId: string) => event(PARIS, 'alert-ack', at, { alertId });

/**
 * A hand-made fortnight's worth in miniature. Paris is UTC+1 and Tokyo UTC+9 in December,
 * so some instants fall on another local day than their UTC date.
 */
const EVENTS = [
  event(PARIS, 'check-in', '2026-12-01T09:00:00Z', { method: 'app' }, 'cus_000001'),
  event(PARIS, 'check-in', '2026-12-01T22:30:00Z', { method: 'app' }, 'cus_000002'),
  // 00:30 on 2 December in Paris.
  event(PARIS, 'check-in', '2026-12-01T23:30:00Z', { method: 'kiosk' }, 'cus_000001'),
  presence('2026-12-01T10:00:00Z', 'cus_000003', 'store-enter'),
  presence('2026-12-01T10:30:00Z', 'cus_000003', 'store-exit', { durationMs: 1_800_000 }),
  presence('2026-12-01T09:40:00Z', 'cus_000001', 'store-exit', { durationMs: 2_400_000 }),
  presence('2026-12-01T09:05:00Z', 'cus_000001', 'zone-enter', { zoneId: FLOOR }),
  presence('2026-12-01T09:20:00Z', 'cus_000001', 'zone-exit', {
    zoneId: FLOOR,
    durationMs: 900_000,
  }),
  presence('2026-12-01T10:05:00Z', 'cus_000003', 'zone-enter', { zoneId: FLOOR }),
  presence('2026-12-01T10:10:00Z', 'cus_000003', 'zone-dwell', {
    zoneId: FLOOR,
    durationMs: 300_000,
  }),
  presence('2026-12-01T10:15:00Z', 'cus_000003', 'zone-exit', {
    zoneId: FLOOR,
    durationMs: 600_000,
  }),
  presence('2026-12-01T10:15:00Z', 'cus_000003', 'zone-enter', { zoneId: LOUNGE }),
  // 01:00 on 1 December in Tokyo; the one before is still 30 November there.
  event(TOKYO, 'check-in', '2026-11-30T16:00:00Z', { method: 'app' }, 'cus_000004'),
  event(TOKYO, 'check-in', '2026-11-30T14:00:00Z', { method: 'app' }, 'cus_000004'),

  alert('2026-12-01T09:00:00Z', 'alr_1', 'cmp_vip'),
  ack('2026-12-01T09:00:30Z', 'alr_1'),
  ack('2026-12-01T09:02:00Z', 'alr_1'),
  alert('2026-12-01T11:00:00Z', 'alr_2', 'cmp_vip'),
  ack('2026-12-01T11:01:30Z', 'alr_2'),
  alert('2026-12-01T12:00:00Z', 'alr_3'),
  ack('2026-12-01T12:05:00Z', 'alr_3'),
  alert('2026-12-01T13:00:00Z', 'alr_4', 'cmp_dwell'),
  alert('2026-12-02T08:00:00Z', 'alr_5', 'cmp_dwell'),
  ack('2026-12-02T08:00:10Z', 'alr_5'),

  event(PARIS, 'content-scan', '2026-12-01T10:00:00Z', { kind: 'product', sku: 'CAM-LQ3' }),
  event(PARIS, 'content-scan', '2026-12-01T10:01:00Z', { kind: 'product', sku: 'FLM-HP5' }),
  event(PARIS, 'content-scan', '2026-12-01T10:02:00Z', { kind: 'screen', screenId: 'screen-1' }),
  event(PARIS, 'ticket-admission', '2026-12-02T18:00:00Z', { admission: 1 }),
];

async function report(path: string, token = tokens.marketer) {
  const response = await api.call(path, { token });
  expect(response.status).toBe(200);
  return ((await response.json()) as { rows: unknown[] }).rows;
}

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 5 });
  api = createCaller(cloud);
  for (const name of ['admin', 'marketer', 'camille']) {
    tokens[name] = await loginAs(cloud, `${name}@vitrine.demo`);
  }
  await cloud.database.db.insert(ingestedEvents).values(EVENTS);
});

afterAll(async () => {
  await cloud?.close();
});

describe('visits and dwell', () => {
  it('counts per store and zone per local day, with dwell from the stays that ended', async () => {
    expect(await report('/v1/analytics/visits?from=2026-12-01&to=2026-12-02')).toEqual([
      {
        day: '2026-12-01',
        storeId: PARIS,
        zoneId: null,
        entries: 3,
        visitors: 3,
        stays: 2,
        dwellTotalS: 4200,
        dwellAvgS: 2100,
      },
      {
        day: '2026-12-01',
        storeId: PARIS,
        zoneId: FLOOR,
        entries: 2,
        visitors: 2,
        stays: 2,
        dwellTotalS: 1500,
        dwellAvgS: 750,
      },
      {
        day: '2026-12-01',
        storeId: PARIS,
        zoneId: LOUNGE,
        entries: 1,
        visitors: 1,
        stays: 0,
        dwellTotalS: 0,
        dwellAvgS: null,
      },
      {
        day: '2026-12-01',
        storeId: TOKYO,
        zoneId: null,
        entries: 1,
        visitors: 1,
        stays: 0,
        dwellTotalS: 0,
        dwellAvgS: null,
      },
      {
        day: '2026-12-02',
        storeId: PARIS,
        zoneId: null,
        entries: 1,
        visitors: 1,
        stays: 0,
        dwellTotalS: 0,
        dwellAvgS: null,
      },
    ]);
  });

  it('keeps to one store, and to its local days', async () => {
    expect(
      await report(`/v1/analytics/visits?storeId=${TOKYO}&from=2026-11-30&to=2026-11-30`),
    ).toEqual([
      {
        day: '2026-11-30',
        storeId: TOKYO,
        zoneId: null,
        entries: 1,
        visitors: 1,
        stays: 0,
        dwellTotalS: 0,
        dwellAvgS: null,
      },
    ]);
  });
});

describe('alerts', () => {
  it('counts delivered and acknowledged alerts, with time to the first acknowledgement', async () => {
    expect(
      await report(`/v1/analytics/alerts?storeId=${PARIS}&from=2026-12-01&to=2026-12-02`),
    ).toEqual([
      // Acknowledged after 30, 90 and 300 s: p90 = 90 + 0.8 × (300 − 90).
      {
        day: '2026-12-01',
        storeId: PARIS,
        delivered: 4,
        acknowledged: 3,
        ackP50S: 90,
        ackP90S: 258,
      },
      {
        day: '2026-12-02',
        storeId: PARIS,
        delivered: 1,
        acknowledged: 1,
        ackP50S: 10,
        ackP90S: 10,
      },
    ]);
  });

  it('filters by the campaign that suggested them', async () => {
    expect(
      await report('/v1/analytics/alerts?campaignId=cmp_vip&from=2026-12-01&to=2026-12-02'),
    ).toEqual([
      {
        day: '2026-12-01',
        storeId: PARIS,
        delivered: 2,
        acknowledged: 2,
        ackP50S: 60,
        ackP90S: 84,
      },
    ]);
  });
});

describe('check-ins and scans', () => {
  it('counts check-ins, product and screen scans and admissions per store per local day', async () => {
    expect(
      await report('/v1/analytics/activity?from=2026-12-01&to=2026-12-02', tokens.admin),
    ).toEqual([
      {
        day: '2026-12-01',
        storeId: PARIS,
        checkIns: 2,
        productScans: 2,
        screenScans: 1,
        ticketAdmissions: 0,
      },
      {
        day: '2026-12-01',
        storeId: TOKYO,
        checkIns: 1,
        productScans: 0,
        screenScans: 0,
        ticketAdmissions: 0,
      },
      {
        day: '2026-12-02',
        storeId: PARIS,
        checkIns: 1,
        productScans: 0,
        screenScans: 0,
        ticketAdmissions: 1,
      },
    ]);
  });
});

describe('CSV export', () => {
  it('answers CSV on ?format=csv, with a header and the same rows', async () => {
    const response = await api.call(
      '/v1/analytics/activity?from=2026-12-02&to=2026-12-02&format=csv',
      {
        token: tokens.marketer,
      },
    );
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="activity-2026-12-02-2026-12-02.csv"',
    );
    expect(await response.text()).toBe(
      'day,storeId,checkIns,productScans,screenScans,ticketAdmissions\r\n' +
        '2026-12-02,sto_paris-rivoli,1,0,0,1\r\n',
    );
  });

  it('answers CSV to Accept: text/csv, an empty figure as an empty cell', async () => {
    const response = await cloud.app.request(
      `/v1/analytics/visits?storeId=${PARIS}&from=2026-12-02&to=2026-12-02`,
      { headers: { authorization: `Bearer ${tokens.marketer}`, accept: 'text/csv' } },
    );
    expect(await response.text()).toBe(
      'day,storeId,zoneId,entries,visitors,stays,dwellTotalS,dwellAvgS\r\n' +
        '2026-12-02,sto_paris-rivoli,,1,1,0,0,\r\n',
    );
  });
});

describe('bad requests', () => {
  it('answers 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-12-02&to=2026-12-01', 'to'],
      ['from=2026-01-01&to=2027-06-01', 'to'],
      ['from=yesterday&to=2026-12-01', 'from'],
      ['from=2026-12-01&to=2026-12-02&storeId=paris', 'storeId'],
      ['from=2026-12-01&to=2026-12-02&format=xml', 'format'],
    ];
    for (const [query, field] of cases) {
      const response = await api.call(`/v1/analytics/visits?${query}`, { token: tokens.marketer });
      expect(response.status).toBe(400);
      const { error } = problemSchema.parse(await response.json());
      expect(error.fields?.map((one) => one.path)).toEqual([field]);
    }
  });

  it('is for marketers and admins only', async () => {
    const response = await api.call('/v1/analytics/visits?from=2026-12-01&to=2026-12-02', {
      token: tokens.camille,
    });
    expect(response.status).toBe(403);
  });
});
