import { describe, expect, it } from 'vitest';
import { createSeenIds } from './seen-ids.ts';

describe('seen ids', () => {
  it('recognises a repeated id', () => {
    const seen = createSeenIds();
    expect(seen.firstTime('msg_a')).toBe(true);
    expect(seen.firstTime('msg_a')).toBe(false);
    expect(seen.firstTime('msg_b')).toBe(true);
  });

  it('takes back an id whose message will come again', () => {
    const seen = createSeenIds();
    seen.firstTime('msg_a');
    seen.forget('msg_a');
    expect(seen.firstTime('msg_a')).toBe(true);
  });

  it('forgets the oldest ids beyond its capacity', () => {
    const seen = createSeenIds(2);
    seen.firstTime('msg_a');
    seen.firstTime('msg_b');
    seen.firstTime('msg_c');
    expect(seen.firstTime('msg_a')).toBe(true);
    expect(seen.firstTime('msg_c')).toBe(false);
  });
});
