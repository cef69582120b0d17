import type { Playlist, ScreenContentItem, ScreenPlayerContent } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { nowPlaying, sameShowing } from './now-playing.ts';

const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const image = (id: string, durationS = 10): ScreenContentItem => ({
  id,
  kind: 'image',
  name: id,
  url: `https://cdn.example.com/${id}.jpg`,
  durationS,
});
const playlist = (
  id: string,
  entries: [string, number][],
  start: string,
  end: string,
): Playlist => ({
  id,
  name: id,
  storeId: 'sto_paris-rivoli',
  target: { kind: 'screen', screenId: 'window' },
  priority: 50,
  entries: entries.map(([contentId, shareOfVoice]) => ({ contentId, shareOfVoice })),
  dayparts: [{ days: [...EVERY_DAY], start, end }],
  validFrom: null,
  validUntil: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
});

const content: ScreenPlayerContent = {
  storeId: 'sto_paris-rivoli',
  timeZone: 'Europe/Paris',
  version: 'v1',
  screen: {
    id: 'window',
    zoneId: 'zon_paris-rivoli-floor',
    name: 'Window',
    orientation: 'landscape',
    resolution: { width: 1920, height: 1080 },
  },
  playlists: [
    playlist('pls_morning', [['cnt_morning', 100]], '08:00', '12:00'),
    playlist(
      'pls_afternoon',
      [
        ['cnt_card', 50],
        ['cnt_lost', 50],
      ],
      '12:00',
      '18:00',
    ),
  ],
  items: [image('cnt_morning'), image('cnt_card'), image('cnt_lost')],
  codes: {},
};
/** 11:59:55 in Paris (UTC+1 in December). */
const BEFORE_NOON = Date.parse('2026-12-02T10:59:55.000Z');
const none = new Set<string>();

describe('what the screen plays now', () => {
  it('plays the daypart of the store time, until the next one starts', () => {
    const now = nowPlaying({ content, at: BEFORE_NOON, skipped: none, interrupt: null });
    expect(now.onScreen?.item.id).toBe('cnt_morning');
    expect(now.onScreen?.playlistId).toBe('pls_morning');
    // The 10 s item is cut at noon, where the afternoon playlist takes over.
    expect(new Date(now.nextChangeAt).toISOString()).toBe('2026-12-02T11:00:00.000Z');
    const afternoon = nowPlaying({ content, at: now.nextChangeAt, skipped: none, interrupt: null });
    expect(afternoon.onScreen?.item.id).toBe('cnt_card');
  });

  it('goes on without an item whose media failed', () => {
    const at = Date.parse('2026-12-02T11:00:12.000Z');
    expect(nowPlaying({ content, at, skipped: none, interrupt: null }).onScreen?.item.id).toBe(
      'cnt_lost',
    );
    const skipping = nowPlaying({ content, at, skipped: new Set(['cnt_lost']), interrupt: null });
    expect(skipping.onScreen?.item.id).toBe('cnt_card');
  });

  it('rests outside every daypart, until the next one', () => {
    const night = Date.parse('2026-12-02T21:30:00.000Z');
    const now = nowPlaying({ content, at: night, skipped: none, interrupt: null });
    expect(now.onScreen).toBeNull();
    expect(now.nextChangeAt).toBeGreaterThan(night);
  });

  it('plays an interrupt for its hold, then resumes the schedule', () => {
    const interrupt = {
      receivedAt: BEFORE_NOON,
      interrupt: {
        message: {
          storeId: 'sto_paris-rivoli',
          zoneId: 'zon_paris-rivoli-floor',
          contentId: 'cnt_evening',
          campaignId: 'cmp_master-class',
          segmentId: null,
          holdS: 15,
          issuedAt: '2026-12-02T10:59:55.000Z',
        },
        item: image('cnt_evening'),
      },
    };
    const held = nowPlaying({ content, at: BEFORE_NOON + 1000, skipped: none, interrupt });
    expect(held.onScreen).toMatchObject({ campaignId: 'cmp_master-class', playlistId: null });
    expect(held.nextChangeAt).toBe(BEFORE_NOON + 15_000);
    const after = nowPlaying({ content, at: BEFORE_NOON + 15_000, skipped: none, interrupt });
    // 12:00:10: the afternoon's second slot, as if the interrupt had never been.
    expect(after.onScreen).toMatchObject({ campaignId: null, playlistId: 'pls_afternoon' });
    expect(after.onScreen?.item.id).toBe('cnt_lost');
  });

  it('tells one showing from the next, even of the same item', () => {
    const first = nowPlaying({ content, at: BEFORE_NOON, skipped: none, interrupt: null }).onScreen;
    const again = nowPlaying({
      content,
      at: BEFORE_NOON + 1000,
      skipped: none,
      interrupt: null,
    }).onScreen;
    const next = nowPlaying({
      content,
      at: BEFORE_NOON - 10_000,
      skipped: none,
      interrupt: null,
    }).onScreen;
    expect(sameShowing(first, again)).toBe(true);
    expect(sameShowing(first, next)).toBe(false);
  });
});
