import type { SignedCodeFormat } from '@vitrine/shared';
import type { z } from 'zod';
import { importKeySet, type KeySet } from './domain/key-set.ts';
import type { JwsStep } from './domain/verify-jws.ts';
import {
  type SignedCodeRefusal,
  type VerifiedCode,
  verifySignedCode,
} from './domain/verify-signed-code.ts';
import type { IdentityState } from './identity-file.ts';

export interface CodeVerifier {
  /** A content code or ticket verified offline with the organisation's published keys. */
  verify<C extends z.ZodType<{ org: string }>>(
    format: SignedCodeFormat<C>,
    text: string,
  ): JwsStep<VerifiedCode<z.infer<C>>, SignedCodeRefusal>;
  /** Whether the cloud revoked this ticket (as last synced). */
  isTicketRevoked(ticketId: string): boolean;
  /** Takes a new key set and ticket revocations (from the cloud, or from disk at start). */
  load(state: IdentityState): Promise<void>;
}

/**
 * The organisation's keys and the store's revoked tickets, as the identity sync last
 * brought them: the same key set the pass verifier holds, so a code is trusted exactly
 * when a pass would be, and a retired key withdraws both.
 */
export interface CodeVerifierOptions {
  now?: () => number;
  /** The organisation of this edge, when known: its codes alone are accepted. */
  organisationId?: string | undefined;
}

export function createCodeVerifier({
  now = Date.now,
  organisationId,
}: CodeVerifierOptions = {}): CodeVerifier {
  let keys: KeySet = new Map();
  // Ticket id → when it expires: an expired ticket is refused anyway, so it can go.
  let revoked = new Map<string, number>();
  return {
    verify(format, text) {
      return verifySignedCode(format, text, { keys, organisationId });
    },
    isTicketRevoked(ticketId) {
      return revoked.has(ticketId);
    },
    async load(state) {
      keys = await importKeySet(state.jwks);
      const at = now();
      revoked = new Map(
        state.ticketRevocations
          .map((item) => [item.ticketId, Date.parse(item.ticketExpiresAt)] as const)
          .filter(([, expiresAt]) => expiresAt > at),
      );
    },
  };
}
