import { describe, expect, it } from 'vitest';
import { createAnonymousIds } from './anonymous-ids.ts';

function salts() {
  let n = 0;
  return () => `salt-${++n}`;
}

describe('anonymous ids', () => {
  it('maps an address to the same key within a period and never shows the address', () => {
    const ids = createAnonymousIds({ newSalt: salts(), rotationMs: 60_000 });
    ids.advance(0);
    const key = ids.current('aa:bb:cc:dd:ee:ff');
    expect(ids.current('aa:bb:cc:dd:ee:ff')).toBe(key);
    expect(key).not.toContain('aa:bb');
    expect(ids.current('aa:bb:cc:dd:ee:00')).not.toBe(key);
  });

  it('changes every key at rotation and keeps the previous salt for one period only', () => {
    const ids = createAnonymousIds({ newSalt: salts(), rotationMs: 60_000 });
    ids.advance(0);
    const first = ids.current('aa:bb:cc:dd:ee:ff');
    ids.advance(60_000);
    expect(ids.rotations).toBe(1);
    expect(ids.current('aa:bb:cc:dd:ee:ff')).not.toBe(first);
    expect(ids.previous('aa:bb:cc:dd:ee:ff')).toBe(first);
    ids.advance(120_000);
    expect(ids.previous('aa:bb:cc:dd:ee:ff')).not.toBe(first);
  });

  it('never lets a salt live longer than five minutes, whatever it is asked', () => {
    const ids = createAnonymousIds({ newSalt: salts(), rotationMs: 3_600_000 });
    ids.advance(0);
    ids.advance(299_999);
    expect(ids.rotations).toBe(0);
    ids.advance(300_000);
    expect(ids.rotations).toBe(1);
  });

  it('forgets the previous salt after a quiet spell of two periods', () => {
    const ids = createAnonymousIds({ newSalt: salts(), rotationMs: 60_000 });
    ids.advance(0);
    ids.current('aa:bb:cc:dd:ee:ff');
    ids.advance(200_000);
    expect(ids.previous('aa:bb:cc:dd:ee:ff')).toBeNull();
  });
});
