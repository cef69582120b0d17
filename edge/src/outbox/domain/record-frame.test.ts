import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.ts';
import { decodeFrame, encodeFrame, FRAME_HEADER_BYTES } from './record-frame.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('record frames', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
  });

  it('reads back what it wrote, frame after frame', () => {
    const a = encodeFrame(bytes('{"a":1}'));
    const b = encodeFrame(bytes('{"b":2}'));
    const file = new Uint8Array([...a, ...b]);
    const first = decodeFrame(file, 0);
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(new TextDecoder().decode(first.payload)).toBe('{"a":1}');
    const second = decodeFrame(file, first.size);
    expect(second.status === 'ok' && new TextDecoder().decode(second.payload)).toBe('{"b":2}');
  });

  const frame = encodeFrame(bytes('{"event":"check-in"}'));
  const cases: { name: string; data: Uint8Array; expect: 'incomplete' | 'corrupt' }[] = [
    { name: 'header cut short', data: frame.subarray(0, 5), expect: 'incomplete' },
    {
      name: 'payload cut short (torn write)',
      data: frame.subarray(0, frame.length - 3),
      expect: 'incomplete',
    },
    {
      name: 'a flipped payload bit',
      data: frame.map((byte, i) => (i === FRAME_HEADER_BYTES + 2 ? byte ^ 0x04 : byte)),
      expect: 'corrupt',
    },
    { name: 'zeros (a pre-allocated tail)', data: new Uint8Array(32), expect: 'corrupt' },
    {
      name: 'an impossible length',
      data: new Uint8Array([0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0, 1]),
      expect: 'corrupt',
    },
  ];
  for (const testCase of cases) {
    it(`refuses ${testCase.name}`, () => {
      expect(decodeFrame(testCase.data, 0).status).toBe(testCase.expect);
    });
  }
});
