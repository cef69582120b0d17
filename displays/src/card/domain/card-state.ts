import {
  type IssuedPass,
  issuedPassSchema,
  type MemberSession,
  memberProfileSchema,
  memberSessionSchema,
} from '@vitrine/shared';
import { z } from 'zod';
import { readStoredJson } from '../../shared/stored-json.ts';

/**
 * What the card keeps between visits (besides its private key, kept in IndexedDB): the
 * organisation, the member session and the pass last issued for this installation's key.
 */
export const storedCardSchema = z.object({
  organisationId: z.string().min(1),
  session: memberSessionSchema,
  pass: issuedPassSchema.nullable(),
  /** The profile last read, shown on the card when the network is gone. */
  profile: memberProfileSchema.nullable().default(null),
});
export type StoredCard = z.output<typeof storedCardSchema>;

/** The stored card, or null when unreadable or its session has expired. */
export const readStoredCard = (raw: string | null, nowMs: number): StoredCard | null =>
  readStoredJson(raw, storedCardSchema, (card) => card.session.expiresAt, nowMs);

/** A pass is usable until a minute before it expires; then the card asks for a new one. */
export function passIsFresh(pass: IssuedPass | null, nowMs: number): pass is IssuedPass {
  return pass !== null && Date.parse(pass.expiresAt) - 60_000 > nowMs;
}

export type { MemberSession };
