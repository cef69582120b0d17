import { describe, expect, it } from 'vitest';
import { buildProfile } from '../../test/support/profiles.ts';
import { suggestForArrival } from './suggestion.ts';

describe('suggestion for an arrival', () => {
  it('tells a visiting client where they come from and what they last bought elsewhere', () => {
    expect(suggestForArrival(buildProfile(), { storeId: 'sto_paris-rivoli' })).toBe(
      'Platinum client from Tokyo, no recent purchase here; last bought a Leica Q3 in Ginza; likes black and white film and rangefinders',
    );
  });

  it('names a regular of this store as one and skips purchases made here', () => {
    expect(suggestForArrival(buildProfile(), { storeId: 'sto_tokyo-ginza' })).toBe(
      'Platinum client, a regular of this store; likes black and white film and rangefinders',
    );
  });

  it('notices a visitor who has already bought here', () => {
    const profile = buildProfile({ homeStoreId: 'sto_newyork-soho', homeStoreName: 'New York' });
    expect(suggestForArrival(profile, { storeId: 'sto_tokyo-ginza', maxPreferences: 1 })).toBe(
      'Platinum client from New York, has bought here recently; likes black and white film',
    );
  });

  it('picks the most recent purchase elsewhere whatever the order it is given in', () => {
    const base = buildProfile();
    const profile = { ...base, recentPurchases: [...base.recentPurchases].reverse() };
    expect(suggestForArrival(profile, { storeId: 'sto_paris-rivoli' })).toContain(
      'last bought a Leica Q3 in Ginza',
    );
  });

  it('says only the tier for a client with no history and no preferences', () => {
    const profile = buildProfile({
      tier: 'member',
      homeStoreId: null,
      homeStoreName: null,
      recentPurchases: [],
      preferences: [],
    });
    expect(suggestForArrival(profile, { storeId: 'sto_paris-rivoli' })).toBe(
      'Member client, no recent purchase here',
    );
  });
});
