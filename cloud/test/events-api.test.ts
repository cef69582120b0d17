import { eventPageSchema, storedEventSchema } from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../src/http/problem.ts';
import { engagementCallers, GINZA, RIVOLI } from './support/engagement-helpers.ts';
import { createTestCloud, type TestCloud } from './support/test-app.ts';

const SOHO = 'sto_newyork-soho';
let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 10 });
  callers = await engagementCallers(cloud);
});
afterAll(async () => {
  await cloud?.close();
});

function eventBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Winter launch',
    kind: 'launch',
    storeIds: [RIVOLI, SOHO],
    startsAt: '2026-12-09T19:00',
    endsAt: '2026-12-09T21:30',
    capacity: 40,
    ...overrides,
  };
}

async function send(path: string, method: string, body?: unknown, token = callers.marketer) {
  return callers.call(path, { token, method, body });
}

async function create(overrides: Record<string, unknown> = {}) {
  const response = await send('/v1/events', 'POST', eventBody(overrides));
  expect(response.status).toBe(201);
  return callers.read(response, storedEventSchema);
}

async function fieldsOf(response: Response) {
  const problem = problemSchema.parse(await response.json());
  return (problem.error.fields ?? []).map((field) => field.path).sort();
}

describe('events', () => {
  it('reads the same wall-clock time in each store’s zone', async () => {
    const event = await create();
    expect(event).toMatchObject({ version: 1, status: 'scheduled', segmentId: null });
    expect(event.sessions).toEqual([
      {
        storeId: RIVOLI,
        timeZone: 'Europe/Paris',
        startsAt: '2026-12-09T18:00:00.000Z',
        endsAt: '2026-12-09T20:30:00.000Z',
      },
      {
        storeId: SOHO,
        timeZone: 'America/New_York',
        startsAt: '2026-12-10T00:00:00.000Z',
        endsAt: '2026-12-10T02:30:00.000Z',
      },
    ]);
    const read = await send(`/v1/events/${event.id}`, 'GET');
    expect(await callers.read(read, storedEventSchema)).toEqual(event);
  });

  it('takes each store’s own offset on the days around a daylight-saving change', async () => {
    // 29 March 2026: Paris is on summer time (UTC+2), New York already since 8 March (UTC-4).
    const event = await create({ startsAt: '2026-03-29T10:00', endsAt: '2026-03-29T12:00' });
    expect(event.sessions.map((session) => session.startsAt)).toEqual([
      '2026-03-29T08:00:00.000Z',
      '2026-03-29T14:00:00.000Z',
    ]);
  });

  it('refuses a time the clocks skip at one of its stores, naming it', async () => {
    // 02:30 does not exist in Paris on 28 March 2027; in Tokyo it does.
    const response = await send(
      '/v1/events',
      'POST',
      eventBody({
        storeIds: [GINZA, RIVOLI],
        startsAt: '2027-03-28T02:30',
        endsAt: '2027-03-28T04:00',
      }),
    );
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual(['startsAt']);
  });

  it.each([
    { name: 'an end before the start', body: { endsAt: '2026-12-09T18:00' }, fields: ['endsAt'] },
    {
      name: 'an unknown store',
      body: { storeIds: [RIVOLI, 'sto_nowhere'] },
      fields: ['storeIds.1'],
    },
    { name: 'a repeated store', body: { storeIds: [RIVOLI, RIVOLI] }, fields: ['storeIds'] },
    { name: 'no capacity', body: { capacity: 0 }, fields: ['capacity'] },
    { name: 'a date without time', body: { startsAt: '2026-12-09' }, fields: ['startsAt'] },
    { name: 'an unknown segment', body: { segmentId: 'seg_nowhere' }, fields: ['segmentId'] },
    {
      name: 'a host from another store',
      body: { hostAssociateIds: ['asc_aiko'] },
      fields: ['hostAssociateIds.0'],
    },
    { name: 'an unknown field', body: { dressCode: 'black tie' }, fields: [''] },
  ])('refuses $name, naming the field', async ({ body, fields }) => {
    const response = await send('/v1/events', 'POST', eventBody(body));
    expect(response.status).toBe(400);
    const named = await fieldsOf(response);
    if (fields[0] === '') expect(named.length).toBeGreaterThan(0);
    else expect(named).toEqual(fields);
  });

  it('changes some fields, keeps the others, and counts versions', async () => {
    const event = await create({ name: 'Master class', kind: 'master-class' });
    const patched = await send(`/v1/events/${event.id}`, 'PATCH', {
      capacity: 12,
      startsAt: '2026-12-09T18:00',
    });
    expect(patched.status).toBe(200);
    const changed = await callers.read(patched, storedEventSchema);
    expect(changed).toMatchObject({ name: 'Master class', capacity: 12, version: 2 });
    expect(changed.sessions[0]?.startsAt).toBe('2026-12-09T17:00:00.000Z');
    const again = await send(`/v1/events/${event.id}`, 'PATCH', { description: 'Bring a friend' });
    expect((await callers.read(again, storedEventSchema)).version).toBe(3);
    const bad = await send(`/v1/events/${event.id}`, 'PATCH', { endsAt: '2026-12-09T17:00' });
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(['endsAt']);
  });

  it('cancels an event, which then changes no more', async () => {
    const event = await create({ name: 'Private evening', kind: 'private-evening' });
    const cancelled = await send(`/v1/events/${event.id}/cancel`, 'POST');
    expect(await callers.read(cancelled, storedEventSchema)).toMatchObject({
      status: 'cancelled',
      version: 2,
    });
    const edit = await send(`/v1/events/${event.id}`, 'PATCH', { capacity: 3 });
    expect(edit.status).toBe(409);
  });

  it('lists events soonest first, by store, status and dates, a page at a time', async () => {
    const marker = { storeIds: [GINZA], name: 'Tokyo series' };
    const early = await create({
      ...marker,
      startsAt: '2027-01-10T18:00',
      endsAt: '2027-01-10T20:00',
    });
    const late = await create({
      ...marker,
      startsAt: '2027-02-10T18:00',
      endsAt: '2027-02-10T20:00',
    });
    const draft = await create({
      ...marker,
      startsAt: '2027-01-20T18:00',
      endsAt: '2027-01-20T20:00',
      status: 'draft',
    });
    const list = async (query: string) =>
      (await callers.read(await send(`/v1/events?${query}`, 'GET'), eventPageSchema)).items.map(
        (item) => item.id,
      );
    expect(await list(`storeId=${GINZA}`)).toEqual([early.id, draft.id, late.id]);
    expect(await list(`storeId=${GINZA}&status=scheduled`)).toEqual([early.id, late.id]);
    expect(await list(`storeId=${GINZA}&from=2027-01-15&to=2027-02-01`)).toEqual([draft.id]);
    const first = await callers.read(
      await send(`/v1/events?storeId=${GINZA}&limit=2`, 'GET'),
      eventPageSchema,
    );
    expect(first.items.map((item) => item.id)).toEqual([early.id, draft.id]);
    const next = await send(
      `/v1/events?storeId=${GINZA}&limit=2&cursor=${first.nextCursor}`,
      'GET',
    );
    const second = await callers.read(next, eventPageSchema);
    expect(second).toEqual({ items: [expect.objectContaining({ id: late.id })], nextCursor: null });
  });

  it.each([
    ['a status it does not know', 'status=open', ['status']],
    ['dates the wrong way round', 'from=2027-02-01&to=2027-01-01', ['to']],
    ['a cursor it did not give', 'cursor=bm9wZQ', ['cursor']],
  ])('refuses a list with %s', async (_name, query, fields) => {
    const response = await send(`/v1/events?${query}`, 'GET');
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual(fields);
  });

  it('is for the office: an associate may not, nobody may not', async () => {
    expect((await send('/v1/events', 'GET', undefined, callers.associate)).status).toBe(403);
    expect((await callers.call('/v1/events')).status).toBe(401);
    expect((await send('/v1/events/evt_nowhere', 'GET')).status).toBe(404);
  });
});
