import { classifyCustomerQuery } from '@vitrine/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LocalProfileStore } from '../src/store/local-profile-store.ts';
import { DEFAULT_PROFILE_HOLDS } from '../src/store/profile-holds.ts';
import { buildProfile } from './support/profiles.ts';

const { demandHoldMs: DEMAND_HOLD_MS, visitHoldMs: VISIT_HOLD_MS } = DEFAULT_PROFILE_HOLDS;

/**
 * The behaviour every LocalProfileStore adapter must have, opened with the default holds.
 * Each test gets an empty store; time is the `at` and `now` passed in.
 */
export function localProfileStoreContract(name: string, open: () => Promise<LocalProfileStore>) {
  describe(`LocalProfileStore contract: ${name}`, () => {
    let store: LocalProfileStore;
    beforeEach(async () => {
      store = await open();
      return () => store.close();
    });

    it('starts empty, with no watermark', async () => {
      expect(await store.count()).toBe(0);
      expect(await store.watermark()).toBeNull();
      expect(await store.get('cus_000001')).toBeNull();
      expect(await store.consentOf('cus_000001')).toBeNull();
    });

    it('applies a page of the feed and its watermark together', async () => {
      const haruki = buildProfile();
      const elise = buildProfile({ id: 'cus_000002', firstName: 'Élise', tier: 'gold' });
      await store.applySync(
        { upserts: [haruki, elise], erasures: [], watermark: '7:cus_000002' },
        1000,
      );
      expect(await store.count()).toBe(2);
      expect(await store.watermark()).toBe('7:cus_000002');
      expect(await store.get('cus_000002')).toEqual({
        profile: elise,
        source: 'sync',
        storedAt: 1000,
      });
    });

    it('replaces a profile on a later upsert and removes an erased one', async () => {
      await store.applySync({ upserts: [buildProfile()], erasures: [], watermark: '3' }, 1000);
      const withdrawn = buildProfile({
        consent: { tracking: false, marketing: false, profiling: false },
        preferences: [],
      });
      await store.applySync({ upserts: [withdrawn], erasures: [], watermark: '4' }, 2000);
      expect((await store.get('cus_000001'))?.profile).toEqual(withdrawn);
      expect(await store.consentOf('cus_000001')).toEqual({
        tracking: false,
        marketing: false,
        profiling: false,
      });
      await store.applySync(
        { upserts: [], erasures: ['cus_000001', 'cus_999999'], watermark: '5' },
        3000,
      );
      expect(await store.get('cus_000001')).toBeNull();
      expect(await store.consentOf('cus_000001')).toBeNull();
      expect(await store.count()).toBe(0);
      expect(await store.watermark()).toBe('5');
    });

    it('keeps a profile fetched on demand, and a synced one stays synced', async () => {
      const visitor = buildProfile({ id: 'cus_000077', homeStoreId: 'sto_tokyo-ginza' });
      await store.putFetched(visitor, 500);
      expect(await store.get('cus_000077')).toEqual({
        profile: visitor,
        source: 'demand',
        storedAt: 500,
      });
      await store.applySync({ upserts: [buildProfile()], erasures: [], watermark: '2' }, 600);
      await store.putFetched(buildProfile({ notes: 'newer' }), 700);
      expect(await store.get('cus_000001')).toMatchObject({
        source: 'sync',
        storedAt: 700,
        profile: { notes: 'newer' },
      });
      await store.forget('cus_000077');
      expect(await store.get('cus_000077')).toBeNull();
      expect(await store.watermark()).toBe('2');
    });

    it('reports the consent it holds, so sensing can leave untracked customers alone', async () => {
      await store.applySync(
        {
          upserts: [
            buildProfile({
              id: 'cus_000010',
              consent: { tracking: true, marketing: false, profiling: true },
            }),
            buildProfile({
              id: 'cus_000011',
              consent: { tracking: false, marketing: true, profiling: true },
            }),
          ],
          erasures: [],
          watermark: '9',
        },
        1,
      );
      expect((await store.consentOf('cus_000010'))?.tracking).toBe(true);
      expect((await store.consentOf('cus_000011'))?.tracking).toBe(false);
    });

    it('removes a customer who left the selection, as it removes an erased one', async () => {
      await store.applySync(
        {
          upserts: [buildProfile(), buildProfile({ id: 'cus_000002' })],
          erasures: [],
          watermark: '2',
        },
        1,
      );
      await store.applySync(
        { upserts: [], erasures: [], removals: ['cus_000002', 'cus_000404'], watermark: '3' },
        2,
      );
      expect(await store.get('cus_000002')).toBeNull();
      expect(await store.get('cus_000001')).not.toBeNull();
      expect(await store.watermark()).toBe('3');
    });

    it('lets a synced customer go once their time in the selection has passed', async () => {
      const held = new Map([
        ['cus_000001', 5_000],
        ['cus_000002', 9_000],
      ]);
      await store.applySync(
        {
          upserts: [
            buildProfile(),
            buildProfile({ id: 'cus_000002' }),
            buildProfile({ id: 'cus_000003', homeStoreId: 'sto_here' }),
          ],
          erasures: [],
          heldUntil: held,
          watermark: '4',
        },
        1,
      );
      // A lookup refreshes a synced copy without touching its end of stay.
      await store.putFetched(buildProfile({ notes: 'refreshed' }), 2);
      await store.putFetched(buildProfile({ id: 'cus_000077' }), 2);
      expect(await store.pruneExpired(4_999)).toEqual([]);
      expect(await store.pruneExpired(5_000)).toEqual(['cus_000001']);
      expect(await store.get('cus_000001')).toBeNull();
      // A later upsert moves the end of stay (a new visit), or lifts it (now at home).
      await store.applySync(
        {
          upserts: [buildProfile({ id: 'cus_000002' })],
          erasures: [],
          heldUntil: new Map([['cus_000002', 20_000]]),
          watermark: '5',
        },
        3,
      );
      expect(await store.pruneExpired(10_000)).toEqual([]);
      await store.applySync(
        { upserts: [buildProfile({ id: 'cus_000002' })], erasures: [], watermark: '6' },
        4,
      );
      expect(await store.pruneExpired(1e12)).toEqual(['cus_000077']);
      expect((await store.get('cus_000003'))?.source).toBe('sync');
      expect(await store.count()).toBe(2);
    });

    it('holds a copy fetched on demand for the on-demand hold, then lets it go', async () => {
      await store.putFetched(buildProfile({ id: 'cus_000077' }), 1_000);
      expect(await store.pruneExpired(1_000 + DEMAND_HOLD_MS - 1)).toEqual([]);
      // Fetched again: held from the latest fetch.
      await store.putFetched(buildProfile({ id: 'cus_000077', notes: 'again' }), 5_000);
      expect(await store.pruneExpired(1_000 + DEMAND_HOLD_MS)).toEqual([]);
      expect(await store.pruneExpired(5_000 + DEMAND_HOLD_MS)).toEqual(['cus_000077']);
      expect(await store.get('cus_000077')).toBeNull();
    });

    it('holds a customer who checked in for the visit hold, as the cloud will', async () => {
      await store.applySync(
        {
          upserts: [buildProfile(), buildProfile({ id: 'cus_000002', homeStoreId: 'sto_here' })],
          erasures: [],
          heldUntil: new Map([['cus_000001', 10_000]]),
          watermark: '1',
        },
        1,
      );
      await store.putFetched(buildProfile({ id: 'cus_000077' }), 1_000);
      // A visit while the cloud is unreachable: the synced regular and the fetched visitor
      // are held a visit hold from it; the one held without end stays so.
      await store.noteVisit('cus_000001', 8_000);
      await store.noteVisit('cus_000077', 8_000);
      await store.noteVisit('cus_000002', 8_000);
      await store.noteVisit('cus_000404', 8_000);
      expect(await store.count()).toBe(3);
      expect(await store.pruneExpired(8_000 + VISIT_HOLD_MS - 1)).toEqual([]);
      // A visit older than the current end of stay never shortens it.
      await store.noteVisit('cus_000001', 2_000);
      expect(await store.pruneExpired(8_000 + VISIT_HOLD_MS)).toEqual(['cus_000001', 'cus_000077']);
      expect((await store.get('cus_000002'))?.source).toBe('sync');
    });

    it('lets the feed set the end of stay after a visit it has heard of', async () => {
      await store.putFetched(buildProfile(), 1_000);
      await store.noteVisit('cus_000001', 2_000);
      await store.applySync(
        {
          upserts: [buildProfile()],
          erasures: [],
          heldUntil: new Map([['cus_000001', 2_000 + 2 * VISIT_HOLD_MS]]),
          watermark: '2',
        },
        3_000,
      );
      expect(await store.pruneExpired(2_000 + VISIT_HOLD_MS)).toEqual([]);
      expect(await store.pruneExpired(2_000 + 2 * VISIT_HOLD_MS)).toEqual(['cus_000001']);
    });

    it('keeps a visit it made offline when the feed, not yet aware of it, says less', async () => {
      await store.applySync(
        {
          upserts: [buildProfile(), buildProfile({ id: 'cus_000002' })],
          erasures: [],
          heldUntil: new Map([
            ['cus_000001', 5_000],
            ['cus_000002', 5_000],
          ]),
          watermark: '1',
        },
        1,
      );
      await store.noteVisit('cus_000001', 4_000);
      await store.noteVisit('cus_000002', 4_000);
      // A page written before the visits reached the cloud: an unchanged end of stay for
      // one, the other out of the selection.
      await store.applySync(
        {
          upserts: [buildProfile({ notes: 'edited in the cloud' })],
          erasures: [],
          removals: ['cus_000002'],
          heldUntil: new Map([['cus_000001', 5_000]]),
          watermark: '2',
        },
        4_500,
      );
      expect(await store.pruneExpired(5_000)).toEqual([]);
      expect((await store.get('cus_000001'))?.profile.notes).toBe('edited in the cloud');
      expect(await store.get('cus_000002')).not.toBeNull();
      expect(await store.pruneExpired(4_000 + VISIT_HOLD_MS)).toEqual(['cus_000001', 'cus_000002']);
      // An erasure is never held back by a visit.
      await store.putFetched(buildProfile({ id: 'cus_000003' }), 6_000);
      await store.noteVisit('cus_000003', 6_000);
      await store.applySync({ upserts: [], erasures: ['cus_000003'], watermark: '3' }, 6_001);
      expect(await store.get('cus_000003')).toBeNull();
    });

    it('applies a page of a thousand profiles', async () => {
      const upserts = Array.from({ length: 1000 }, (_, i) =>
        buildProfile({ id: `cus_${String(i + 1).padStart(6, '0')}` }),
      );
      await store.applySync({ upserts, erasures: [], watermark: '1000' }, 1);
      expect(await store.count()).toBe(1000);
      expect((await store.get('cus_000500'))?.profile.id).toBe('cus_000500');
    });

    it('finds held customers by the start of a name, an email or the end of a phone', async () => {
      const elise = buildProfile({
        id: 'cus_000002',
        firstName: 'Élise',
        lastName: 'Dürr_Moreau',
        email: 'elise.durr@example.fr',
        phone: '+33612345678',
      });
      const other = buildProfile({ id: 'cus_000003', firstName: 'Elias', lastName: 'Martin' });
      await store.applySync({ upserts: [elise, other], erasures: [], watermark: '1' }, 1000);
      const ids = async (q: string) =>
        (await store.search(classifyCustomerQuery(q), 20)).map((profile) => profile.id);
      expect(await ids('eli')).toEqual(['cus_000002', 'cus_000003']);
      expect(await ids('ELISE durr_')).toEqual(['cus_000002']);
      expect(await ids('eli d%')).toEqual([]);
      expect(await ids('lise')).toEqual([]);
      expect(await ids('Elise.Durr@Example.fr')).toEqual(['cus_000002']);
      expect(await ids('elisedurr+vip@example.fr')).toEqual(['cus_000002']);
      expect(await ids('06 12 34 56 78')).toEqual(['cus_000002']);
      expect(await ids('eli')).toHaveLength(2);
      expect(await store.search(classifyCustomerQuery('eli'), 1)).toHaveLength(1);
    });
  });
}
