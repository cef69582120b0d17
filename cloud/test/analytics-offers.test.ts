import { type IngestEvent, ingestResponseSchema, issuedTicketSchema } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { engagementCallers, GINZA, RIVOLI } from './support/engagement-helpers.ts';
import {
  answerInvitation,
  createInvitedEvent,
  ginzaDoorAdmission,
} from './support/event-fixtures.ts';
import { createTestCloud, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;
let eventId = '';
const GUESTS = ['cus_offer1', 'cus_offer2', 'cus_offer3', 'cus_offer4', 'cus_offer5'];
const DWELL = 'cmp_floor-dwell';
const WELCOME = 'cmp_vip-welcome';
const COFFEE = 'off_coffee';
const SCARF = 'off_scarf';

let sequence = 0;
function delivery(
  at: string,
  customerId: string,
  campaignId: string,
  offerId: string | null,
  outcome: 'sent' | 'no-recipient' = 'sent',
): IngestEvent & { kind: 'delivery' } {
  sequence += 1;
  const decisionId = `d${String(sequence).padStart(31, '0')}`;
  return {
    key: `delivery:${decisionId}-0`,
    kind: 'delivery',
    store: GINZA,
    occurredAt: at,
    data: {
      decisionId,
      campaignId,
      customerId,
      action: offerId === null ? 'associate-alert' : 'phone-offer',
      trigger: 'zone-dwell',
      zoneId: null,
      offerId,
      contentId: null,
      outcome,
    },
  };
}
const deliveryIdOf = (event: IngestEvent & { kind: 'delivery' }) => `${event.data.decisionId}-0`;

/** What an event about a delivered offer says of it. */
function offerOf(of: IngestEvent & { kind: 'delivery' }) {
  return {
    deliveryId: deliveryIdOf(of),
    offerId: of.data.offerId ?? '',
    campaignId: of.data.campaignId,
    customerId: of.data.customerId,
  };
}

function opened(of: IngestEvent & { kind: 'delivery' }, at: string): IngestEvent {
  return {
    key: `offer-opened:${deliveryIdOf(of)}`,
    kind: 'offer-opened',
    store: GINZA,
    occurredAt: at,
    data: { ...offerOf(of), clientId: 'app-1', messageId: `msg_open${sequence++}` },
  };
}

function redeemed(of: IngestEvent & { kind: 'delivery' }, at: string): IngestEvent {
  return {
    key: `offer-redemption:${deliveryIdOf(of)}`,
    kind: 'offer-redemption',
    store: GINZA,
    occurredAt: at,
    data: { ...offerOf(of), associateId: 'asc_aiko', method: 'associate-scan' },
  };
}

// Ginza is UTC+9: 2026-12-01T16:00Z is already 2 December there.
const first = delivery('2026-12-01T01:00:00Z', 'cus_offer1', DWELL, COFFEE);
const second = delivery('2026-12-01T02:00:00Z', 'cus_offer2', DWELL, COFFEE);
const third = delivery('2026-12-01T03:00:00Z', 'cus_offer3', DWELL, COFFEE);
const unsent = delivery('2026-12-01T03:30:00Z', 'cus_offer4', DWELL, COFFEE, 'no-recipient');
const scarf = delivery('2026-12-01T04:00:00Z', 'cus_offer1', WELCOME, SCARF);
const suggestion = delivery('2026-12-01T04:00:01Z', 'cus_offer1', WELCOME, null);
const BATCH: IngestEvent[] = [
  first,
  second,
  third,
  unsent,
  scarf,
  suggestion,
  opened(first, '2026-12-01T01:05:00Z'),
  opened(second, '2026-12-01T02:05:00Z'),
  redeemed(first, '2026-12-01T01:30:00Z'),
  // Redeemed the next local day: counted on that day.
  redeemed(second, '2026-12-01T16:00:00Z'),
  opened(scarf, '2026-12-01T04:01:00Z'),
];

async function ingest(events: IngestEvent[], token = callers.ginzaEdge) {
  const response = await callers.call('/v1/ingest', { token, method: 'POST', body: { events } });
  expect(response.status).toBe(200);
  return ingestResponseSchema.parse(await response.json());
}

async function report(path: string) {
  const response = await callers.call(path, { token: callers.marketer });
  expect(response.status).toBe(200);
  return ((await response.json()) as { rows: Record<string, unknown>[] }).rows;
}

async function _send(path: string, method = 'GET', body?: unknown) {
  return callers.call(path, { token: callers.marketer, method, body });
}

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 10 });
  callers = await engagementCallers(cloud);
  eventId = await createInvitedEvent(cloud, callers, {
    marker: 'offer-audience',
    guests: GUESTS,
    atGinza: 4,
    name: 'Winter launch',
    kind: 'launch',
  });
});
afterAll(async () => {
  await cloud?.close();
});

describe('offers delivered, opened and redeemed', () => {
  it('stores each offer opened and redeemed once, however often the edge sends it', async () => {
    const sent = await ingest(BATCH);
    expect(sent.accepted).toHaveLength(BATCH.length);
    const again = await ingest(BATCH.slice(6));
    expect(again).toEqual({ accepted: [], duplicates: BATCH.slice(6).map((event) => event.key) });
  });

  it('counts them per store, campaign, offer and local day, with their rates', async () => {
    const rows = await report(
      `/v1/analytics/offers?storeId=${GINZA}&from=2026-12-01&to=2026-12-02`,
    );
    expect(rows).toEqual([
      {
        day: '2026-12-01',
        storeId: GINZA,
        campaignId: DWELL,
        offerId: COFFEE,
        delivered: 3,
        opened: 2,
        redeemed: 1,
        openRate: 2 / 3,
        redemptionRate: 1 / 3,
      },
      {
        day: '2026-12-01',
        storeId: GINZA,
        campaignId: WELCOME,
        offerId: SCARF,
        delivered: 1,
        opened: 1,
        redeemed: 0,
        openRate: 1,
        redemptionRate: 0,
      },
      {
        day: '2026-12-02',
        storeId: GINZA,
        campaignId: DWELL,
        offerId: COFFEE,
        delivered: 0,
        opened: 0,
        redeemed: 1,
        openRate: null,
        redemptionRate: null,
      },
    ]);
  });

  it('keeps to one campaign, and to the store asked', async () => {
    const rows = await report(
      `/v1/analytics/offers?campaignId=${WELCOME}&from=2026-12-01&to=2026-12-02`,
    );
    expect(rows.map((row) => [row.campaignId, row.offerId, row.delivered])).toEqual([
      [WELCOME, SCARF, 1],
    ]);
    expect(
      await report(`/v1/analytics/offers?storeId=${RIVOLI}&from=2026-12-01&to=2026-12-02`),
    ).toEqual([]);
  });

  it('exports CSV with a header of the row fields', async () => {
    const response = await callers.call(
      `/v1/analytics/offers?campaignId=${WELCOME}&from=2026-12-01&to=2026-12-01&format=csv`,
      { token: callers.marketer },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines).toEqual([
      'day,storeId,campaignId,offerId,delivered,opened,redeemed,openRate,redemptionRate',
      `2026-12-01,${GINZA},${WELCOME},${SCARF},1,1,0,1,0`,
    ]);
  });
});

describe('event RSVPs against attendance', () => {
  const answer = (customerId: string, body: unknown) =>
    answerInvitation(callers, eventId, customerId, body);
  const admit = (ticketId: string, customerId: string, admission: number) =>
    ingest([ginzaDoorAdmission(eventId, ticketId, customerId, admission)]);

  it('gives each store of the event its invitations, answers, people expected and admitted', async () => {
    const { ticket } = await answer('cus_offer1', { answer: 'yes', companions: 1 });
    await answer('cus_offer2', { answer: 'yes' });
    await answer('cus_offer3', { answer: 'no' });
    await answer('cus_offer5', { answer: 'maybe' });
    const issued = issuedTicketSchema.parse(ticket);
    await admit(issued.ticketId, 'cus_offer1', 1);
    await admit(issued.ticketId, 'cus_offer1', 2);

    const rows = await report('/v1/analytics/events?from=2026-12-09&to=2026-12-09');
    const ofEvent = rows.filter((row) => row.eventId === eventId);
    expect(ofEvent).toEqual(
      [
        {
          day: '2026-12-09',
          eventId,
          eventName: 'Winter launch',
          storeId: RIVOLI,
          startsAt: '2026-12-09T18:00:00.000Z',
          invited: 1,
          rsvpYes: 0,
          rsvpNo: 0,
          rsvpMaybe: 1,
          rsvpPending: 0,
          expected: 0,
          attended: 0,
          attendanceRate: null,
        },
        {
          day: '2026-12-09',
          eventId,
          eventName: 'Winter launch',
          storeId: GINZA,
          startsAt: '2026-12-09T10:00:00.000Z',
          invited: 4,
          rsvpYes: 2,
          rsvpNo: 1,
          rsvpMaybe: 0,
          rsvpPending: 1,
          expected: 3,
          attended: 2,
          attendanceRate: 2 / 3,
        },
      ].sort((a, b) => a.storeId.localeCompare(b.storeId)),
    );
  });

  it('keeps to a store and the days asked, and exports CSV', async () => {
    const ginza = await report(
      `/v1/analytics/events?storeId=${GINZA}&from=2026-12-01&to=2026-12-31`,
    );
    expect(ginza.filter((row) => row.eventId === eventId).map((row) => row.storeId)).toEqual([
      GINZA,
    ]);
    const before = await report('/v1/analytics/events?from=2026-12-01&to=2026-12-08');
    expect(before.filter((row) => row.eventId === eventId)).toEqual([]);
    const response = await callers.call(
      `/v1/analytics/events?storeId=${GINZA}&from=2026-12-09&to=2026-12-09&format=csv`,
      { token: callers.marketer },
    );
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'day,eventId,eventName,storeId,startsAt,invited,rsvpYes,rsvpNo,rsvpMaybe,rsvpPending,expected,attended,attendanceRate',
    );
    expect(lines).toContain(
      `2026-12-09,${eventId},Winter launch,${GINZA},2026-12-09T10:00:00.000Z,4,2,1,0,1,3,2,0.6666666666666666`,
    );
  });

  it('finds no event for a campaign that invites to none', async () => {
    expect(
      await report(`/v1/analytics/events?campaignId=${DWELL}&from=2026-12-01&to=2026-12-31`),
    ).toEqual([]);
  });
});

describe('bad filters', () => {
  const cases = [
    { name: 'a date that is not one', query: 'from=2026-13-01&to=2026-12-02', field: 'from' },
    { name: 'a period that ends first', query: 'from=2026-12-02&to=2026-12-01', field: 'to' },
    {
      name: 'a store id of the wrong kind',
      query: 'storeId=cus_1&from=2026-12-01&to=2026-12-02',
      field: 'storeId',
    },
    {
      name: 'a bad campaign id',
      query: 'campaignId=welcome&from=2026-12-01&to=2026-12-02',
      field: 'campaignId',
    },
    {
      name: 'an unknown format',
      query: 'from=2026-12-01&to=2026-12-02&format=xml',
      field: 'format',
    },
  ];
  for (const path of ['offers', 'events']) {
    for (const { name, query, field } of cases) {
      it(`answers /v1/analytics/${path} 400 naming ${field}: ${name}`, async () => {
        const response = await callers.call(`/v1/analytics/${path}?${query}`, {
          token: callers.marketer,
        });
        expect(response.status).toBe(400);
        const { error } = problemSchema.parse(await response.json());
        expect(error.fields?.map((one) => one.path)).toEqual([field]);
      });
    }
  }
});
