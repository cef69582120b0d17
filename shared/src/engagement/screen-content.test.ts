import { describe, expect, it } from 'vitest';
import {
  screenContentDraftSchema,
  screenContentItemSchema,
  screenMessageSchema,
} from './screen-content.ts';

const message = {
  storeId: 'sto_paris-rivoli',
  zoneId: 'zon_watches',
  contentId: 'cnt_chrono-loop',
  campaignId: 'cmp_dwell-watches',
  segmentId: 'seg_watch-lovers',
  holdS: 30,
  issuedAt: '2026-11-20T15:00:00.000Z',
};

describe('screen content', () => {
  it('accepts a segment-level screen message', () => {
    expect(screenMessageSchema.parse(message)).toEqual(message);
  });

  it('has no room for a personal field in a screen message', () => {
    for (const extra of [
      { customerId: 'cus_000001' },
      { firstName: 'Haruki' },
      { email: 'a@example.com' },
      { phone: '+33 1 00 00 00 00' },
    ]) {
      expect(screenMessageSchema.safeParse({ ...message, ...extra }).success).toBe(false);
    }
  });

  it('reads every kind of item, with its defaults', () => {
    const items = [
      { id: 'cnt_a', name: 'Window', kind: 'image', url: 'https://cdn.example.com/a.jpg' },
      {
        id: 'cnt_b',
        name: 'Film',
        kind: 'video',
        url: 'https://cdn.example.com/b.mp4',
        durationS: 25,
      },
      { id: 'cnt_c', name: 'Card', kind: 'html-card', title: 'Tonight', html: '<p>Hi</p>' },
      { id: 'cnt_d', name: 'Q3', kind: 'product-card', product: { sku: 'LEI-Q3' } },
    ].map((item) => screenContentItemSchema.parse(item));
    expect(items.map((item) => item.durationS)).toEqual([10, 25, 10, 10]);
    expect(items[3]).toMatchObject({ showQr: true });
  });

  it('refuses a video without its duration, naming the field', () => {
    const parsed = screenContentDraftSchema.safeParse({
      name: 'Film',
      kind: 'video',
      url: 'https://cdn.example.com/b.mp4',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['durationS']);
  });

  it('refuses a media url that is not http(s)', () => {
    expect(
      screenContentItemSchema.safeParse({
        id: 'cnt_a',
        name: 'Window',
        kind: 'image',
        url: 'javascript:alert(1)',
      }).success,
    ).toBe(false);
  });
});
