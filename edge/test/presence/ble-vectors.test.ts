import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  beaconIdOf,
  decodeAdvertisement,
  decodeAdvertisementHex,
  decodeEddystone,
  decodeManufacturerData,
  hexToBytes,
} from '../../src/presence/index.ts';

const vectorSchema = z.object({
  name: z.string(),
  input: z.enum(['advertisement', 'manufacturer-data', 'eddystone-service-data']).optional(),
  hex: z.string(),
  expect: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().optional(),
});

const vectors = z
  .array(vectorSchema)
  .parse(JSON.parse(readFileSync(join(import.meta.dirname, 'ble-vectors.json'), 'utf8')));

/** The EID resolver a store would hold: one enrolled associate badge. */
const resolveEid = (eid: string) => (eid === '1122334455667788' ? 'tag-badge-7' : null);

function decode(input: string | undefined, bytes: Uint8Array) {
  const options = { now: 1_700_000_000_000, resolveEid };
  if (input === 'manufacturer-data') return decodeManufacturerData(bytes);
  if (input === 'eddystone-service-data') return decodeEddystone(bytes, options);
  return decodeAdvertisement(bytes, options);
}

describe('BLE advertisement vectors', () => {
  it('holds both decodable and must-fail cases', () => {
    expect(vectors.filter((v) => v.expect === null).length).toBeGreaterThanOrEqual(15);
    expect(vectors.filter((v) => v.expect !== null).length).toBeGreaterThanOrEqual(15);
  });

  for (const vector of vectors) {
    it(vector.name, () => {
      const bytes = hexToBytes(vector.hex);
      expect(bytes).not.toBeNull();
      const result = decode(vector.input, bytes ?? new Uint8Array());
      if (vector.expect === null) {
        expect(result).toEqual({ ok: false, reason: vector.reason });
      } else {
        expect(result).toEqual({ ok: true, frame: vector.expect });
      }
    });
  }
});

describe('beacon identities', () => {
  it('prints iBeacon and Eddystone ids the way ranging reports carry them', () => {
    const ibeacon = decodeAdvertisementHex(vectors[0]?.hex ?? '');
    expect(ibeacon.ok && beaconIdOf(ibeacon.frame)).toBe(
      'ibeacon:426c7565-4368-6172-6d42-6561636f6e73:1:2',
    );
    const uid = vectors.find((v) => v.name.startsWith('Eddystone-UID with reserved'));
    const decoded = decodeAdvertisementHex(uid?.hex ?? '');
    expect(decoded.ok && beaconIdOf(decoded.frame)).toBe(
      'eddystone:8b0ca750095477cb3e77:000000000001',
    );
  });

  it('gives telemetry and unresolved ephemeral ids no identity', () => {
    for (const name of ['Eddystone-TLM version 0', 'Eddystone-EID unknown to the resolver']) {
      const vector = vectors.find((v) => v.name === name);
      const result = decodeAdvertisementHex(vector?.hex ?? '', { resolveEid });
      expect(result.ok && beaconIdOf(result.frame)).toBeNull();
    }
  });

  it('refuses hex that is not hex', () => {
    expect(decodeAdvertisementHex('4c0')).toEqual({ ok: false, reason: 'not-a-beacon' });
    expect(decodeAdvertisementHex('zz')).toEqual({ ok: false, reason: 'not-a-beacon' });
  });
});

describe('decoding arbitrary bytes', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        for (const result of [
          decodeAdvertisement(bytes, { resolveEid }),
          decodeManufacturerData(bytes),
          decodeEddystone(bytes, { resolveEid }),
        ]) {
          expect(typeof result.ok).toBe('boolean');
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('never throws on advertisements built from well-formed structures with random payloads', () => {
    const structure = fc
      .tuple(fc.constantFrom(0x01, 0x03, 0x09, 0x16, 0xff), fc.uint8Array({ maxLength: 29 }))
      .map(([type, data]) => [data.length + 1, type, ...data]);
    fc.assert(
      fc.property(fc.array(structure, { maxLength: 4 }), (structures) => {
        const result = decodeAdvertisement(Uint8Array.from(structures.flat()));
        if (result.ok) expect(result.frame.kind).toMatch(/^(ibeacon|altbeacon|eddystone-)/);
      }),
      { numRuns: 5_000 },
    );
  });
});
