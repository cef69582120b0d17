import type { ScreenPlay } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { enqueue, playOf, withoutSent } from './play-record.ts';

const showing = {
  shownAt: Date.parse('2026-12-02T11:00:00.000Z'),
  onScreen: {
    item: {
      id: 'cnt_card',
      kind: 'image',
      name: 'Card',
      url: 'https://cdn.example.com/c.jpg',
      durationS: 10,
    },
    playlistId: 'pls_afternoon',
    campaignId: null,
    since: Date.parse('2026-12-02T11:00:00.000Z'),
  },
} as const;
const play = (playId: string): ScreenPlay => ({
  playId,
  contentId: 'cnt_card',
  playlistId: null,
  campaignId: null,
  startedAt: '2026-12-02T11:00:00.000Z',
  durationMs: 1000,
});

describe('proofs of play', () => {
  it('records what was shown, from when it was drawn and for how long', () => {
    expect(playOf(showing, showing.shownAt + 9_500, 'play-00000001')).toEqual({
      playId: 'play-00000001',
      contentId: 'cnt_card',
      playlistId: 'pls_afternoon',
      campaignId: null,
      startedAt: '2026-12-02T11:00:00.000Z',
      durationMs: 9_500,
    });
  });

  it('records nothing for a showing replaced as it was drawn', () => {
    expect(playOf(showing, showing.shownAt, 'play-00000002')).toBeNull();
  });

  it('keeps the newest plays when the queue is full, and drops those the edge has', () => {
    const queue = ['a', 'b', 'c'].map((id) => play(`play-${id}0000000`));
    const full = enqueue(queue, play('play-d0000000'), 3);
    expect(full.map((p) => p.playId)).toEqual(['play-b0000000', 'play-c0000000', 'play-d0000000']);
    expect(withoutSent(full, full.slice(0, 2)).map((p) => p.playId)).toEqual(['play-d0000000']);
  });
});
