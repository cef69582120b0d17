import { type SimulationResult, simulationResultSchema } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { engagementCallers, GINZA, RIVOLI } from './support/engagement-helpers.ts';
import {
  DAY,
  FLOOR,
  FOREIGN,
  GINZA_NOON,
  GOLD,
  insertDeliveries,
  insertSimulationCampaigns,
  insertSimulationCustomers,
  LAUNCH,
  LOUNGE,
  MEMBER,
} from './support/simulation-fixtures.ts';
import { createTestCloud, SEED_NOW, type TestCloud } from './support/test-app.ts';

let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;
let ids: Awaited<ReturnType<typeof insertSimulationCampaigns>>;
async function simulateFor(body: Record<string, unknown>) {
  return callers.call('/v1/simulation', { token: callers.marketer, method: 'POST', body });
}

async function simulated(body: Record<string, unknown>): Promise<SimulationResult> {
  const response = await simulateFor(body);
  expect(response.status).toBe(200);
  return callers.read(response, simulationResultSchema);
}

function reasons(result: SimulationResult): Record<string, string> {
  return Object.fromEntries(result.verdicts.map((verdict) => [verdict.campaignId, verdict.reason]));
}

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 5 });
  callers = await engagementCallers(cloud);
  await insertSimulationCustomers(cloud);
  ids = await insertSimulationCampaigns(callers);
});
afterAll(async () => {
  await cloud?.close();
});

describe('the simulation', () => {
  it('computes the customer’s facts from the cloud’s records as of the instant', async () => {
    const result = await simulated({
      customerId: GOLD,
      storeId: GINZA,
      at: GINZA_NOON,
      event: { kind: 'store-enter' },
    });
    expect(result.facts).toEqual({
      visits: {
        total: 4,
        atThisStore: 3,
        previousAt: new Date(SEED_NOW.getTime() - 10 * DAY).toISOString(),
      },
      birthMonth: 12,
      invitedEventIds: [LAUNCH],
    });
    expect(result.localTime).toBe('2026-12-05T12:00');
  });

  it('chooses by priority, caps what exceeds a campaign’s per-visit limit and explains the rest', async () => {
    const result = await simulated({
      customerId: GOLD,
      storeId: GINZA,
      at: GINZA_NOON,
      event: { kind: 'store-enter' },
    });
    expect(result.chosen).toEqual([
      { campaignId: ids.welcome, deliveries: ['associate-alert'] },
      { campaignId: ids.birthday, deliveries: ['phone-offer'] },
    ]);
    const verdicts = reasons(result);
    expect(verdicts[ids.regular]).toBe('capped-per-visit');
    expect(verdicts[ids.draft]).toBe('inactive');
    expect(verdicts[ids.lounge]).toBe('trigger-mismatch');
    expect(verdicts).not.toHaveProperty(ids.evening);
  });

  it('leaves a customer out of audiences they do not match', async () => {
    const result = await simulated({
      customerId: MEMBER,
      storeId: GINZA,
      at: GINZA_NOON,
      event: { kind: 'store-enter' },
    });
    expect(result.facts.visits).toEqual({ total: 1, atThisStore: 1, previousAt: null });
    expect(result.chosen.map((one) => one.campaignId)).toEqual([ids.welcome]);
    const verdicts = reasons(result);
    expect(verdicts[ids.birthday]).toBe('not-in-audience');
    expect(verdicts[ids.regular]).toBe('not-in-audience');
  });

  it('answers a dwell only in the campaign’s zone', async () => {
    const at = GINZA_NOON;
    const dwell = (zoneId: string) => ({ kind: 'zone-dwell', zoneId, dwellS: 45 });
    const inLounge = await simulated({
      customerId: GOLD,
      storeId: GINZA,
      at,
      event: dwell(LOUNGE),
    });
    expect(inLounge.chosen.map((one) => one.campaignId)).toEqual([ids.lounge]);
    const onFloor = await simulated({ customerId: GOLD, storeId: GINZA, at, event: dwell(FLOOR) });
    expect(onFloor.chosen).toEqual([]);
    const verdict = onFloor.verdicts.find((one) => one.campaignId === ids.lounge);
    expect(verdict).toMatchObject({ reason: 'trigger-mismatch', detail: `not in zone ${FLOOR}` });
  });

  it('lets an invited guest’s attendance trigger the event’s campaign', async () => {
    const attend = { kind: 'event-attendance', eventId: LAUNCH };
    const guest = await simulated({
      customerId: GOLD,
      storeId: GINZA,
      at: GINZA_NOON,
      event: attend,
    });
    expect(guest.chosen.map((one) => one.campaignId)).toEqual([ids.launch]);
    const other = await simulated({
      customerId: MEMBER,
      storeId: GINZA,
      at: GINZA_NOON,
      event: attend,
    });
    expect(reasons(other)[ids.launch]).toBe('not-in-audience');
  });

  it('reads the schedule in the store’s local time across a daylight-saving change', async () => {
    // Paris leaves summer time on 25 October 2026: 16:30 UTC is 18:30 before, 17:30 after.
    const at = (instant: string) =>
      simulated({ customerId: GOLD, storeId: RIVOLI, at: instant, event: { kind: 'store-enter' } });
    const before = await at('2026-10-24T16:30:00Z');
    expect(before.localTime).toBe('2026-10-24T18:30');
    expect(reasons(before)[ids.evening]).toBe('chosen');
    const after = await at('2026-10-26T16:30:00Z');
    expect(after.localTime).toBe('2026-10-26T17:30');
    expect(reasons(after)[ids.evening]).toBe('not-scheduled');
    expect(reasons(await at('2026-10-26T17:30:00Z'))[ids.evening]).toBe('chosen');
  });
});

describe('the simulation reads the deliveries edges reported', () => {
  const HOUR = 3_600_000;
  const noon = Date.parse(GINZA_NOON);

  beforeAll(async () => {
    await insertDeliveries(cloud, [
      // Two facts of one decision: one delivery of the weekly campaign, two days ago.
      {
        decision: 'dec_sim-1',
        campaignId: ids.weekly,
        customerId: GOLD,
        at: new Date(noon - 2 * DAY),
        actions: ['associate-alert', 'phone-offer'],
      },
      {
        decision: 'dec_sim-2',
        campaignId: ids.cooled,
        customerId: GOLD,
        at: new Date(noon - HOUR),
        actions: ['associate-alert'],
      },
      // Someone else's: one decision of the limited gift (budget 2), the last of the other.
      {
        decision: 'dec_sim-3',
        campaignId: ids.limited,
        customerId: 'cus_000001',
        at: new Date(noon - 3 * DAY),
        actions: ['associate-alert', 'phone-offer'],
      },
      {
        decision: 'dec_sim-4',
        campaignId: ids.spent,
        customerId: 'cus_000002',
        at: new Date(noon - 3 * DAY),
        actions: ['associate-alert'],
      },
      // After the simulated instant: not yet delivered then.
      {
        decision: 'dec_sim-5',
        campaignId: ids.weekly,
        customerId: MEMBER,
        at: new Date(noon + HOUR),
        actions: ['associate-alert'],
      },
    ]);
  });

  const enterLounge = (customerId: string) =>
    simulated({
      customerId,
      storeId: GINZA,
      at: GINZA_NOON,
      event: { kind: 'zone-enter', zoneId: LOUNGE },
    });

  it('for the customer’s caps and cooldowns, and the organisation’s budgets', async () => {
    const gold = await enterLounge(GOLD);
    expect(gold.chosen.map((one) => one.campaignId)).toEqual([ids.limited]);
    const verdicts = gold.verdicts.filter((one) => one.reason !== 'trigger-mismatch');
    expect(verdicts.map(({ campaignId, reason }) => [campaignId, reason])).toEqual([
      [ids.weekly, 'capped-per-customer'],
      [ids.limited, 'chosen'],
      [ids.cooled, 'cooldown'],
      [ids.spent, 'budget-reached'],
      [ids.draft, 'inactive'],
    ]);
  });

  it('as of the simulated instant, not after', async () => {
    const member = await enterLounge(MEMBER);
    expect(member.chosen.map((one) => one.campaignId)).toEqual([
      ids.weekly,
      ids.limited,
      ids.cooled,
    ]);
  });
});

describe('the simulation refuses', () => {
  const valid = {
    customerId: GOLD,
    storeId: GINZA,
    at: GINZA_NOON,
    event: { kind: 'store-enter' },
  };

  it('an unknown store or customer, and a customer of another organisation, naming them', async () => {
    for (const [body, named] of [
      [{ ...valid, storeId: 'sto_nowhere' }, 'sto_nowhere'],
      [{ ...valid, customerId: 'cus_nobody' }, 'cus_nobody'],
      [{ ...valid, customerId: FOREIGN }, FOREIGN],
    ] as const) {
      const response = await simulateFor(body);
      expect(response.status).toBe(404);
      expect((await callers.read(response, problemSchema)).error.message).toContain(named);
    }
  });

  it('an invalid body, naming the field', async () => {
    const response = await simulateFor({ ...valid, event: { kind: 'zone-dwell', zoneId: LOUNGE } });
    expect(response.status).toBe(400);
    const fields = (await callers.read(response, problemSchema)).error.fields ?? [];
    expect(fields.map((field) => field.path)).toContain('event.dwellS');
    const late = await simulateFor({ ...valid, at: 'tomorrow' });
    expect((await callers.read(late, problemSchema)).error.fields?.[0]?.path).toBe('at');
    const elsewhere = await simulateFor({
      ...valid,
      event: { kind: 'zone-enter', zoneId: 'zon_paris-rivoli-lounge' },
    });
    expect(elsewhere.status).toBe(400);
    expect((await callers.read(elsewhere, problemSchema)).error.fields).toEqual([
      { path: 'event.zoneId', message: `zon_paris-rivoli-lounge is not a zone of ${GINZA}` },
    ]);
  });

  it('callers who are not marketers or admins', async () => {
    const call = (token: string) =>
      callers.call('/v1/simulation', { token, method: 'POST', body: valid });
    expect((await call(callers.associate)).status).toBe(403);
    expect((await call(callers.ginzaEdge)).status).toBe(403);
    expect((await call(callers.admin)).status).toBe(200);
  });
});
