import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatRedemptionCode, redemptionCodeMessage } from '@vitrine/shared';

const FILE = 'redemption.key';
const KEY_BYTES = 32;
/** 128 bits of HMAC-SHA256, base64url: short enough for a small QR, too long to guess. */
const MAC_CHARS = 22;

export interface RedemptionSigner {
  /** The code the customer's phone shows for a delivery of this store. */
  codeFor(deliveryId: string): string;
  /** Whether the mac is this edge's for the store and delivery (constant time). */
  holds(storeId: string, deliveryId: string, mac: string): boolean;
}

export function createRedemptionSigner(storeId: string, key: Uint8Array): RedemptionSigner {
  const macOf = (store: string, deliveryId: string) =>
    createHmac('sha256', key)
      .update(redemptionCodeMessage(store, deliveryId))
      .digest('base64url')
      .slice(0, MAC_CHARS);
  return {
    codeFor: (deliveryId) =>
      formatRedemptionCode({ storeId, deliveryId, mac: macOf(storeId, deliveryId) }),
    holds(store, deliveryId, mac) {
      const expected = Buffer.from(macOf(store, deliveryId));
      const given = Buffer.from(mac);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

/**
 * The edge's own key for redemption codes, made at its first start and kept in its data
 * folder: codes are checked offline, and a restart still accepts the codes it gave out.
 */
export async function loadRedemptionKey(dir: string): Promise<Uint8Array> {
  const path = join(dir, FILE);
  try {
    const key = await readFile(path);
    if (key.length === KEY_BYTES) return key;
    throw new Error(`${path}: ${key.length} bytes, expected ${KEY_BYTES}`);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  await mkdir(dir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  const file = await open(path, 'wx', 0o600);
  try {
    await file.writeFile(key);
    await file.sync();
  } finally {
    await file.close();
  }
  return key;
}
