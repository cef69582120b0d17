import { hash } from 'node:crypto';

/**
 * Identifiers of devices nobody consented to follow, replaced by a salted hash whose salt
 * rotates: within one period the same address maps to the same key (so a device is counted
 * once), across two periods nothing links them. The previous salt is kept one period only,
 * to carry a device still in the store over to its new key; then it is gone for good.
 * Salts come from a port (randomness, like time, is passed in).
 */
export interface AnonymousIds {
  /** Rotates the salt when its period is over; called with every reading and tick. */
  advance(now: number): void;
  /** The key under the current salt. */
  current(deviceId: string): string;
  /** The key under the previous salt, if one is still kept. */
  previous(deviceId: string): string | null;
  readonly rotations: number;
}

export interface AnonymousIdsOptions {
  newSalt: () => string;
  rotationMs?: number;
  /**
   * One advertisement reaches the tracker once per receiver that heard it, within
   * milliseconds: a few dozen recent keys spare most of the hashing. The memo is that small
   * so raw identifiers pass through it in moments, and it is emptied at every rotation.
   */
  memoSize?: number;
}

/** Five minutes: the longest an anonymous identifier may live. */
export const MAX_SALT_ROTATION_MS = 300_000;

const keyOf = (salt: string, id: string) =>
  `anon:${hash('sha256', salt + id, 'base64url').slice(0, 22)}`;

export function createAnonymousIds({
  newSalt,
  rotationMs = MAX_SALT_ROTATION_MS,
  memoSize = 64,
}: AnonymousIdsOptions): AnonymousIds {
  const period = Math.min(rotationMs, MAX_SALT_ROTATION_MS);
  const memo = new Map<string, string>();
  let salt = newSalt();
  let previousSalt: string | null = null;
  let rotatedAt = Number.NaN;
  let rotations = 0;
  return {
    advance(now) {
      if (Number.isNaN(rotatedAt)) rotatedAt = now;
      if (now - rotatedAt < period) return;
      // After a long quiet spell the old salt links nothing still present: drop it too.
      previousSalt = now - rotatedAt >= 2 * period ? null : salt;
      salt = newSalt();
      memo.clear();
      rotatedAt = now;
      rotations++;
    },
    current(deviceId) {
      const known = memo.get(deviceId);
      if (known !== undefined) return known;
      const key = keyOf(salt, deviceId);
      if (memo.size >= memoSize) {
        const oldest = memo.keys().next();
        if (!oldest.done) memo.delete(oldest.value);
      }
      memo.set(deviceId, key);
      return key;
    },
    previous: (deviceId) => (previousSalt === null ? null : keyOf(previousSalt, deviceId)),
    get rotations() {
      return rotations;
    },
  };
}
