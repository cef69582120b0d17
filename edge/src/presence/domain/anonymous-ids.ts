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
}

/** Five minutes: the longest an anonymous identifier may live. */
export const MAX_SALT_ROTATION_MS = 300_000;

const keyOf = (salt: string, id: string) =>
  `anon:${hash('sha256', salt + id, 'base64url').slice(0, 22)}`;

export function createAnonymousIds({
  newSalt,
  rotationMs = MAX_SALT_ROTATION_MS,
}: AnonymousIdsOptions): AnonymousIds {
  const period = Math.min(rotationMs, MAX_SALT_ROTATION_MS);
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
      rotatedAt = now;
      rotations++;
    },
    current: (deviceId) => keyOf(salt, deviceId),
    previous: (deviceId) => (previousSalt === null ? null : keyOf(previousSalt, deviceId)),
    get rotations() {
      return rotations;
    },
  };
}
