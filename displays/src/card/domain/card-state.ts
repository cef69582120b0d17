import {
  type IssuedPass,
  issuedPassSchema,
  type MemberSession,
  memberProfileSchema,
  memberSessionSchema,
} from '@vitrine/shared';
import { z } from 'zod';

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
export function readStoredCard(raw: string | null, nowMs: number): StoredCard | null {
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = storedCardSchema.safeParse(json);
  if (!parsed.success) return null;
  if (Date.parse(parsed.data.session.expiresAt) <= nowMs) return null;
  return parsed.data;
}

/** A pass is usable until a minute before it expires; then the card asks for a new one. */
export function passIsFresh(pass: IssuedPass | null, nowMs: number): pass is IssuedPass {
  return pass !== null && Date.parse(pass.expiresAt) - 60_000 > nowMs;
}

export type { MemberSession };
