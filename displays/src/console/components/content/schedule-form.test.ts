import { playlistDraftSchema } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { emptyScheduleForm, playlistDraftOf } from './schedule-form.ts';

const STORE = 'sto_paris-rivoli';
const filled = {
  ...emptyScheduleForm(),
  name: 'Q3 launch',
  target: 'screen:window-1',
  contentId: 'cnt_launch',
  validFrom: '2026-12-09',
  start: '12:00',
  end: '20:00',
};

describe('playlistDraftOf', () => {
  it('schedules one item from a day at some hours, every day by default', () => {
    const read = playlistDraftOf(filled, STORE);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.draft.dayparts).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '12:00', end: '20:00' },
    ]);
    expect(playlistDraftSchema.safeParse(read.draft).success).toBe(true);
  });

  it('plays all day when no hours are given, and on a zone', () => {
    const read = playlistDraftOf({ ...filled, start: '', end: '', target: 'zone:zon_x' }, STORE);
    expect(read.ok && read.draft.dayparts).toEqual([]);
    expect(read.ok && read.draft.target).toEqual({ kind: 'zone', zoneId: 'zon_x' });
  });

  it('names what the form lacks', () => {
    const read = playlistDraftOf({ ...emptyScheduleForm(), priority: 'high' }, STORE);
    expect(read).toEqual({
      ok: false,
      fields: {
        priority: 'must be a number',
        target: 'choose a screen or a zone',
        'entries.0.contentId': 'choose an item',
      },
    });
  });
});
