import type { CustomerProfile } from '@vitrine/shared';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildProfile } from '../../test/support/profiles.ts';
import type { ProfileLookup } from '../cloud/cloud-client.ts';
import { createLruTtlCache } from '../domain/profile-cache.ts';
import { createEdgeMetrics } from '../observability/edge-metrics.ts';
import { createProfileKnowledge } from './profile-knowledge.ts';

function knowledgeWith(answers: ProfileLookup[]) {
  let clock = 1_000_000;
  const asked: string[] = [];
  const metrics = createEdgeMetrics({ defaultMetrics: false });
  const knowledgeOf = createProfileKnowledge({
    cloud: {
      fetchProfile: async (customerId) => {
        asked.push(customerId);
        return answers.shift() ?? { outcome: 'failed', reason: 'timeout', detail: 'no answer' };
      },
    },
    cache: createLruTtlCache<CustomerProfile>({ ttlMs: 60_000 }),
    retryLookupAfterMs: 15_000,
    metrics,
    logger: pino({ level: 'silent' }),
    now: () => clock,
  });
  return {
    knowledgeOf,
    asked,
    metrics,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('profile knowledge', () => {
  it('does not ask the cloud again for a customer it just failed to answer for', async () => {
    const { knowledgeOf, asked, metrics } = knowledgeWith([]);
    expect(await knowledgeOf('cus_000001')).toEqual({ freshness: 'unavailable' });
    expect(await knowledgeOf('cus_000001')).toEqual({ freshness: 'unavailable' });
    expect(asked).toEqual(['cus_000001']);
    const lookups = await metrics.cloudLookups.get();
    expect(lookups.values.find((v) => v.labels.outcome === 'retry_later')?.value).toBe(1);
  });

  it('asks again once the retry delay has passed, and serves the fresh answer', async () => {
    const profile = buildProfile({ id: 'cus_000002' });
    const { knowledgeOf, asked, advance } = knowledgeWith([
      { outcome: 'failed', reason: 'unreachable', detail: 'refused' },
      { outcome: 'found', profile },
    ]);
    await knowledgeOf('cus_000002');
    advance(14_999);
    await knowledgeOf('cus_000002');
    expect(asked).toHaveLength(1);
    advance(1);
    expect(await knowledgeOf('cus_000002')).toEqual({ freshness: 'fresh', profile });
    expect(asked).toHaveLength(2);
  });

  it('keeps asking for other customers while one waits for its retry', async () => {
    const { knowledgeOf, asked } = knowledgeWith([]);
    await knowledgeOf('cus_000003');
    await knowledgeOf('cus_000004');
    expect(asked).toEqual(['cus_000003', 'cus_000004']);
  });
});
