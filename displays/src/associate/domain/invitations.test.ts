import type { ProfileInvitation } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { invitationViews } from './invitations.ts';

const invitation = (over: Partial<ProfileInvitation>): ProfileInvitation => ({
  eventId: 'evt_launch',
  name: 'Autumn launch',
  kind: 'launch',
  storeIds: ['sto_paris-rivoli', 'sto_tokyo-ginza'],
  sessions: [
    {
      storeId: 'sto_paris-rivoli',
      startsAt: '2026-12-03T18:00:00.000Z',
      endsAt: '2026-12-03T20:00:00.000Z',
    },
    {
      storeId: 'sto_tokyo-ginza',
      startsAt: '2026-12-04T10:00:00.000Z',
      endsAt: '2026-12-04T12:00:00.000Z',
    },
  ],
  rsvp: 'yes',
  hostAssociateIds: ['asc_aiko'],
  ...over,
});

describe('invitations on a card', () => {
  it("takes this store's session, says who hosts, soonest first", () => {
    const views = invitationViews(
      [
        invitation({}),
        invitation({
          eventId: 'evt_master',
          name: 'Master class',
          sessions: [
            {
              storeId: 'sto_newyork-soho',
              startsAt: '2026-12-01T18:00:00.000Z',
              endsAt: '2026-12-01T19:00:00.000Z',
            },
          ],
          hostAssociateIds: [],
        }),
      ],
      { storeId: 'sto_tokyo-ginza', me: 'asc_aiko' },
    );
    expect(views).toEqual([
      expect.objectContaining({
        eventId: 'evt_master',
        startsAt: '2026-12-01T18:00:00.000Z',
        hostedByMe: false,
        hosts: 0,
      }),
      expect.objectContaining({
        eventId: 'evt_launch',
        startsAt: '2026-12-04T10:00:00.000Z',
        hostedByMe: true,
        hosts: 1,
      }),
    ]);
  });

  it('shows nothing for a profile without invitations', () => {
    expect(invitationViews(undefined, { storeId: 'sto_tokyo-ginza', me: 'asc_aiko' })).toEqual([]);
  });
});
