import { EVENT_TICKET, type EventTicketClaims, newId, signCode } from '@vitrine/shared';
import type { SigningKeys } from '../auth/signing-keys.ts';
import type { StoredTicket } from './ticket-repository.ts';

export interface TicketToSign {
  organisationId: string;
  eventId: string;
  customerId: string;
  storeId: string;
  admits: number;
  validFrom: Date;
  validUntil: Date;
  /** The office user or associate issuing it. */
  issuedBy: string;
  issuedAt: Date;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** A new ticket signed with the current key, ready to be stored; its code is its QR text. */
export async function signTicket(keys: SigningKeys, ticket: TicketToSign): Promise<StoredTicket> {
  const privateKey = keys.privateKey;
  if (privateKey instanceof Uint8Array) throw new Error('the signing key is not an EC key');
  const claims: EventTicketClaims = {
    jti: newId('ticket'),
    evt: ticket.eventId,
    sub: ticket.customerId,
    org: ticket.organisationId,
    store: ticket.storeId,
    admits: ticket.admits,
    iat: seconds(ticket.issuedAt),
    nbf: seconds(ticket.validFrom),
    exp: seconds(ticket.validUntil),
  };
  const kid = keys.kid;
  const code = await signCode(EVENT_TICKET, { claims, privateKey, kid });
  return {
    id: claims.jti,
    organisationId: ticket.organisationId,
    eventId: ticket.eventId,
    customerId: ticket.customerId,
    storeId: ticket.storeId,
    admits: ticket.admits,
    // What the code says, to the second: the ticket and its QR never disagree.
    validFrom: new Date(claims.nbf * 1000),
    validUntil: new Date(claims.exp * 1000),
    code,
    kid,
    issuedBy: ticket.issuedBy,
    issuedAt: ticket.issuedAt,
    revokedAt: null,
  };
}
