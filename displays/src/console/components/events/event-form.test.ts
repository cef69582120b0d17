import { eventWriteSchema } from '@vitrine/shared';
import { describe, expect, it } from 'vitest';
import { emptyEventForm, errorsUnder, eventWriteOf, toggled } from './event-form.ts';

const filled = {
  ...emptyEventForm(),
  name: 'Leica Q3 launch',
  storeIds: ['sto_paris-rivoli'],
  startsAt: '2026-12-09T19:00',
  endsAt: '2026-12-09T21:00',
  capacity: '40',
  segmentId: 'seg_gold',
};

describe('eventWriteOf', () => {
  it('gives the body the cloud reads, a blank segment as none', () => {
    const read = eventWriteOf({ ...filled, segmentId: '' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.write.capacity).toBe(40);
    expect(read.write.segmentId).toBeNull();
    expect(eventWriteSchema.safeParse(read.write).success).toBe(true);
  });

  it('names the capacity when it is not a number, or blank', () => {
    expect(eventWriteOf({ ...filled, capacity: 'forty' })).toEqual({
      ok: false,
      fields: { capacity: 'must be a number' },
    });
    expect(eventWriteOf({ ...filled, capacity: ' ' })).toEqual({
      ok: false,
      fields: { capacity: 'required' },
    });
  });
});

describe('errorsUnder', () => {
  it("joins a list's own message and its items'", () => {
    const errors = { storeIds: 'too few', 'storeIds.1': 'no store sto_x', name: 'required' };
    expect(errorsUnder(errors, 'storeIds')).toBe('too few; no store sto_x');
    expect(errorsUnder(errors, 'store')).toBeUndefined();
  });
});

describe('toggled', () => {
  it('adds an id once and removes it', () => {
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
