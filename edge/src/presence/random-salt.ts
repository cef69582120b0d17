import { randomBytes } from 'node:crypto';

/** The salt source for anonymous identifiers in production: 128 random bits. */
export function randomSalt(): string {
  return randomBytes(16).toString('base64');
}
