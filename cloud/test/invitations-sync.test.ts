import {
  type CustomerProfile,
  guestListSchema,
  type ProfileSyncItem,
  profileSyncPageSchema,
  storedEventSchema,
} from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  engagementCallers,
  GINZA,
  insertKnownCustomers,
  RIVOLI,
} from './support/engagement-helpers.ts';
import { createTestCloud, loginAs, SEED_NOW, type TestCloud } from './support/test-app.ts';

// A Paris member with no visit to Ginza: only an invitation puts them in Ginza's selection.
const GUEST = 'cus_ginza-invitee';
const HOST = 'asc_aiko';
const ENDS_AT_GINZA = '2026-12-09T12:00:00.000Z'; // 21:00 in Tokyo

let cloud: TestCloud;
let callers: Awaited<ReturnType<typeof engagementCallers>>;
/** The app's clock; moved past the event to see the guest leave. */
let clock = SEED_NOW;

beforeAll(async () => {
  cloud = await createTestCloud({ customers: 10, now: () => clock });
  callers = await engagementCallers(cloud);
  await insertKnownCustomers(cloud, 'invitations-sync', [
    {
      id: GUEST,
      tier: 'member',
      lifetimeValue: 800,
      preferences: [],
      homeStoreId: RIVOLI,
      birthMonth: 12,
    },
  ]);
}, 60_000);
afterAll(async () => {
  await cloud?.close();
});

function send(path: string, method = 'GET', body?: unknown) {
  return callers.call(path, { token: callers.marketer, method, body });
}

async function feedPage(since: string) {
  const response = await callers.call(
    `/v1/stores/${GINZA}/sync/profiles?since=${encodeURIComponent(since)}&limit=1000`,
    { token: callers.ginzaEdge },
  );
  expect(response.status).toBe(200);
  return callers.read(response, profileSyncPageSchema);
}

async function snapshot(): Promise<{ items: ProfileSyncItem[]; watermark: string }> {
  const items: ProfileSyncItem[] = [];
  let watermark = '0';
  for (;;) {
    const page = await feedPage(watermark);
    items.push(...page.items);
    watermark = page.watermark;
    if (!page.more) return { items, watermark };
  }
}

function guestIn(items: ProfileSyncItem[]) {
  return items.find(
    (item) => (item.kind === 'upsert' ? item.profile.id : item.customerId) === GUEST,
  );
}

function profileOf(item: ProfileSyncItem | undefined): CustomerProfile {
  if (item?.kind !== 'upsert') throw new Error(`expected an upsert of ${GUEST}`);
  return item.profile;
}

describe('invitations in the store feed', () => {
  let eventId: string;
  let watermark: string;

  it('holds no guest at a store before they are invited there', async () => {
    const before = await snapshot();
    expect(guestIn(before.items)).toBeUndefined();
    watermark = before.watermark;
  });

  it('sends the invitation as a delta: the guest, their birth month, the event and its hosts', async () => {
    const created = await send('/v1/events', 'POST', {
      name: 'Ginza winter launch',
      kind: 'launch',
      storeIds: [GINZA],
      startsAt: '2026-12-09T19:00',
      endsAt: '2026-12-09T21:00',
      capacity: 10,
      hostAssociateIds: [HOST],
    });
    expect(created.status).toBe(201);
    eventId = (await callers.read(created, storedEventSchema)).id;
    const invited = await send(`/v1/events/${eventId}/invitations`, 'POST', {
      customerIds: [GUEST],
    });
    expect(invited.status).toBe(200);

    const delta = await feedPage(watermark);
    const item = guestIn(delta.items);
    expect(item).toMatchObject({ kind: 'upsert', heldUntil: ENDS_AT_GINZA });
    const profile = profileOf(item);
    expect(profile.birthMonth).toBe(12);
    expect(profile.invitations).toEqual([
      {
        eventId,
        name: 'Ginza winter launch',
        kind: 'launch',
        storeIds: [GINZA],
        sessions: [{ storeId: GINZA, startsAt: '2026-12-09T10:00:00.000Z', endsAt: ENDS_AT_GINZA }],
        rsvp: 'pending',
        hostAssociateIds: [HOST],
      },
    ]);
    expect(JSON.stringify(profile)).not.toContain('rsvp_');
    watermark = delta.watermark;
  });

  it('puts an invitee of an upcoming event in the snapshot of its store', async () => {
    const { items } = await snapshot();
    expect(profileOf(guestIn(items)).invitations?.map((one) => one.eventId)).toEqual([eventId]);
  });

  it('sends an RSVP as a delta', async () => {
    const guests = await callers.read(await send(`/v1/events/${eventId}/guests`), guestListSchema);
    const code = guests.guests.find((guest) => guest.customerId === GUEST)?.rsvpCode;
    const answered = await callers.call(`/v1/rsvp/${code}`, {
      method: 'POST',
      body: { answer: 'yes' },
    });
    expect(answered.status).toBe(200);

    const delta = await feedPage(watermark);
    expect(profileOf(guestIn(delta.items)).invitations?.[0]?.rsvp).toBe('yes');
    watermark = delta.watermark;
  });

  it('sends a moved event as a delta with its new times', async () => {
    const moved = await send(`/v1/events/${eventId}`, 'PATCH', {
      startsAt: '2026-12-10T19:00',
      endsAt: '2026-12-10T21:00',
    });
    expect(moved.status).toBe(200);
    const delta = await feedPage(watermark);
    const item = guestIn(delta.items);
    expect(item).toMatchObject({ heldUntil: '2026-12-10T12:00:00.000Z' });
    expect(profileOf(item).invitations?.[0]?.sessions[0]?.endsAt).toBe('2026-12-10T12:00:00.000Z');
  });

  it('lets the guest go once the event is over at the store, and keeps them at home', async () => {
    clock = new Date('2026-12-10T12:00:01.000Z');
    const earlier = { ...callers };
    // Tokens of the seed's day have expired by then.
    const admin = await loginAs(cloud, 'admin@vitrine.demo');
    callers.ginzaEdge = await callers.edgeToken(admin, GINZA);
    callers.rivoliEdge = await callers.edgeToken(admin, RIVOLI);
    try {
      expect(guestIn((await snapshot()).items)).toBeUndefined();
      const home = await callers.call(`/v1/stores/${RIVOLI}/sync/profiles?since=0&limit=1000`, {
        token: callers.rivoliEdge,
      });
      const page = await callers.read(home, profileSyncPageSchema);
      expect(profileOf(guestIn(page.items)).invitations).toEqual([]);
    } finally {
      clock = SEED_NOW;
      Object.assign(callers, earlier);
    }
  });

  it('removes the guest of a cancelled event from the store in a delta', async () => {
    const { watermark: before } = await snapshot();
    const cancelled = await send(`/v1/events/${eventId}`, 'PATCH', { status: 'cancelled' });
    expect(cancelled.status).toBe(200);
    const delta = await feedPage(before);
    expect(guestIn(delta.items)).toEqual({ kind: 'remove', customerId: GUEST });
  });
});
