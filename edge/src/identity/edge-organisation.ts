import { tokenClaimsSchema } from '@vitrine/shared';
import { decodeJwt } from 'jose';

export type EdgeOrganisation = { ok: true; organisationId: string } | { ok: false; detail: string };

/**
 * The organisation this edge serves, as its device token names it. The token is the
 * edge's own credential, given by the organisation's admin and refused by the cloud if
 * altered: its claims are read, not verified, so the edge knows its organisation from the
 * first start, offline. Passes, content codes and tickets of another organisation are
 * then refused even when signed by a key the cloud publishes for all of its organisations.
 */
export function organisationOfEdgeToken(token: string): EdgeOrganisation {
  let payload: unknown;
  try {
    payload = decodeJwt(token);
  } catch {
    return { ok: false, detail: 'the edge token is not a JWT' };
  }
  const claims = tokenClaimsSchema.safeParse(payload);
  if (!claims.success) return { ok: false, detail: 'the edge token carries no readable claims' };
  if (claims.data.role !== 'edge') {
    return { ok: false, detail: `the edge token is an ${claims.data.role}'s, not an edge's` };
  }
  return { ok: true, organisationId: claims.data.org };
}
