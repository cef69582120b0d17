import { pbkdf2Sync, timingSafeEqual } from 'node:crypto';

/**
 * Mosquitto's password file format, as `mosquitto_passwd` writes it for its default
 * hash: `username:$7$<iterations>$<base64 salt>$<base64 hash>`, where the hash is
 * PBKDF2-HMAC-SHA512 of the password over the salt, 64 bytes long. Mosquitto 2.0 reads
 * salts of 12 or 64 bytes; 12 is what its own tool writes.
 */
export const MOSQUITTO_SALT_BYTES = 12;
const HASH_BYTES = 64;

export interface PasswordHashOptions {
  /** Random salt; `MOSQUITTO_SALT_BYTES` long. */
  salt: Uint8Array;
  /** PBKDF2 rounds; mosquitto_passwd 2.0 writes 101, 2.1 writes 1000. */
  iterations?: number;
}

export function hashMosquittoPassword(
  password: string,
  { salt, iterations = 1000 }: PasswordHashOptions,
): string {
  if (salt.length !== 12 && salt.length !== 64) {
    throw new RangeError('a Mosquitto salt is 12 or 64 bytes');
  }
  const hash = pbkdf2Sync(password, salt, iterations, HASH_BYTES, 'sha512');
  return `$7$${iterations}$${Buffer.from(salt).toString('base64')}$${hash.toString('base64')}`;
}

/** Whether a `$7$` entry is the hash of a password: how the broker checks a login. */
export function verifyMosquittoPassword(encoded: string, password: string): boolean {
  const match = /^\$7\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(encoded);
  if (!match) return false;
  const [, rounds, salt64, hash64] = match;
  const expected = Buffer.from(hash64 ?? '', 'base64');
  if (expected.length !== HASH_BYTES) return false;
  const actual = pbkdf2Sync(
    password,
    Buffer.from(salt64 ?? '', 'base64'),
    Number(rounds),
    HASH_BYTES,
    'sha512',
  );
  return timingSafeEqual(actual, expected);
}

export interface BrokerAccount {
  username: string;
  password: string;
}

export interface PasswordFileOptions {
  /** Fresh random bytes for each salt (crypto.randomBytes in the CLI). */
  randomBytes: (size: number) => Uint8Array;
  iterations?: number;
}

export function renderPasswordFile(
  accounts: readonly BrokerAccount[],
  { randomBytes, iterations }: PasswordFileOptions,
): string {
  return accounts
    .map(({ username, password }) => {
      const salt = randomBytes(MOSQUITTO_SALT_BYTES);
      return `${username}:${hashMosquittoPassword(password, { salt, iterations })}\n`;
    })
    .join('');
}
