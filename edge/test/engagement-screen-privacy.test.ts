import { type CustomerProfile, topicFilter } from '@vitrine/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCampaign, buildSegment } from '../../shared/test/support/engagement-fixtures.ts';
import { type Harness, startHarness } from './support/edge-harness.ts';
import { engagementFeed, screenMessageOf } from './support/engagement-catalogue.ts';
import { type Received, subscribeAll } from './support/mqtt-helpers.ts';
import { buildProfile } from './support/profiles.ts';
import { uniqueSuffix, waitFor } from './support/wait.ts';

const ZONE = 'zon_window';
const MEMBERS = 'seg_members';

/** Every customer who checks in: the window's screens play the members' content. */
const windowGreeting = buildCampaign({
  id: 'cmp_window-greeting',
  name: 'Window greeting',
  trigger: { kind: 'check-in' },
  audience: { kind: 'segment', segmentId: MEMBERS },
  actions: [
    { kind: 'screen-content', contentId: 'cnt_window-loop', holdS: 15, zoneId: ZONE },
    { kind: 'associate-alert', suggestion: 'Walk them to the window' },
  ],
});

let h: Harness;
let screens: Received[];
let closeScreens: () => Promise<unknown>;

beforeAll(async () => {
  h = await startHarness({
    engagementFeed: (storeId) => {
      const feed = engagementFeed(storeId, [windowGreeting]);
      const members = buildSegment({
        id: MEMBERS,
        name: 'Members',
        rule: { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'member' }] },
      });
      return { ...feed, catalogue: { ...feed.catalogue, segments: [members] } };
    },
  });
  await h.waitForCounter('vitrine_edge_engagement_catalogue_syncs_total', { outcome: 'changed' });
  const listener = await subscribeAll(
    h.edge.mqttUrl,
    [topicFilter('zoneScreen', { store: h.storeId })],
    `screens-${uniqueSuffix()}`,
  );
  screens = listener.received;
  closeScreens = listener.close;
});
afterAll(async () => {
  await closeScreens?.();
  await h?.close();
});

let drawn = 0;
/** Random people, each with an id of their own (a second check-in would be capped). */
const profileArb: fc.Arbitrary<CustomerProfile> = fc
  .record({
    body: fc.stringMatching(/^[a-z0-9]{4,10}$/),
    firstName: fc.stringMatching(/^[A-ZÉ][a-zéèüøå]{4,12}$/),
    lastName: fc.stringMatching(/^[A-Z][a-zß'-]{4,16}$/),
    email: fc.emailAddress(),
    phone: fc.stringMatching(/^\+[1-9][0-9] [0-9]{2,4} [0-9]{4} [0-9]{4}$/),
    tier: fc.constantFrom('member', 'silver', 'gold', 'platinum' as const),
  })
  .map(({ body, ...person }) =>
    buildProfile({
      ...person,
      id: `cus_${body}x${(drawn++).toString(36)}`,
      notes: `${person.firstName} likes the window`,
    }),
  );

describe('zone screens', () => {
  it('never receive a customer’s name, email, phone or id, whoever checks in', async () => {
    await fc.assert(
      fc.asyncProperty(profileArb, async (profile) => {
        h.cloud.addProfile(profile);
        const before = screens.length;
        await h.publishCheckIn(profile.id, `app-${drawn}`);
        const message = await waitFor(() => screens[before], {
          what: `the window screen message for ${profile.id}`,
        });
        const payload = message.payload.toString('utf8');
        expect(screenMessageOf(payload).zoneId).toBe(ZONE);
        for (const secret of [
          profile.id,
          profile.firstName,
          profile.lastName,
          profile.email,
          profile.phone,
        ]) {
          expect(payload).not.toContain(secret);
        }
        expect(payload).not.toContain('cus_');
      }),
      { numRuns: 25 },
    );
  });
});
