import type { CampaignSuggestion } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { addSuggestion, type SuggestionsByCustomer } from './campaign-suggestions.ts';

const suggestion = (change: Partial<CampaignSuggestion> = {}): CampaignSuggestion => ({
  suggestionId: 'sug_1',
  storeId: 'sto_tokyo-ginza',
  customerId: 'cus_000001',
  campaignId: 'cmp_winter',
  zoneId: null,
  suggestion: 'Offer the winter cashmere preview.',
  at: '2026-11-23T05:00:00.000Z',
  ...change,
});
const none: SuggestionsByCustomer = new Map();

describe('addSuggestion', () => {
  it('keeps suggestions by customer, newest first', () => {
    const one = addSuggestion(none, suggestion());
    const two = addSuggestion(
      one,
      suggestion({ suggestionId: 'sug_2', at: '2026-11-23T05:05:00.000Z' }),
    );
    const other = addSuggestion(two, suggestion({ suggestionId: 'sug_3', customerId: 'cus_2' }));
    expect(other.get('cus_000001')?.map((s) => s.suggestionId)).toEqual(['sug_2', 'sug_1']);
    expect(other.get('cus_2')).toHaveLength(1);
  });

  it('shows a repeated suggestion once, as its latest copy', () => {
    const once = addSuggestion(none, suggestion());
    const twice = addSuggestion(once, suggestion({ suggestion: 'Offer the preview, in grey.' }));
    expect(twice.get('cus_000001')?.map((s) => s.suggestion)).toEqual([
      'Offer the preview, in grey.',
    ]);
  });

  it('keeps only the few latest per customer', () => {
    let all = none;
    for (let i = 0; i < 5; i++) {
      all = addSuggestion(
        all,
        suggestion({ suggestionId: `sug_${i}`, at: `2026-11-23T05:0${i}:00.000Z` }),
        { perCustomer: 3 },
      );
    }
    expect(all.get('cus_000001')?.map((s) => s.suggestionId)).toEqual(['sug_4', 'sug_3', 'sug_2']);
  });
});
