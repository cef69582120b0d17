import type { TokenClaims } from '@vitrine/shared';

export type AssociateAccess =
  | { ok: true; associateId: string; name: string; storeId: string }
  | { ok: false; reason: string };

/** Only an associate bound to this very store may see its alerts and profiles. */
export function authorizeAssociate(claims: TokenClaims, storeId: string): AssociateAccess {
  if (claims.role !== 'associate')
    return { ok: false, reason: `role ${claims.role} is not associate` };
  if (claims.store !== storeId) {
    return { ok: false, reason: `associate of ${claims.store}, not of ${storeId}` };
  }
  return { ok: true, associateId: claims.sub, name: claims.name, storeId };
}
