import { type CustomerProfile, type CustomerQuery, foldName } from '@vitrine/shared';

/**
 * How the edge's own profiles answer a client search when the cloud cannot: the rules of
 * the cloud's search (a name's start, an email normalised or without its dots and +tag,
 * a phone by its last digits), on the customers this store holds.
 */

/** Digits a phone must share at its end (the cloud's near match reads 9 as well). */
export const PHONE_TAIL_DIGITS = 9;

/** The email without dots and `+tag` in its local part. */
export function canonicalEmailOf(email: string): string {
  const normalised = email.replace(/\s/g, '').toLowerCase();
  const at = normalised.lastIndexOf('@');
  if (at < 0) return normalised;
  return `${normalised.slice(0, at).replace(/\+.*$|\./g, '')}@${normalised.slice(at + 1)}`;
}

export function phoneTailOf(digits: string): string {
  return digits.slice(-PHONE_TAIL_DIGITS);
}

export function matchesCustomerQuery(profile: CustomerProfile, query: CustomerQuery): boolean {
  if (query.kind === 'name') {
    const first = foldName(profile.firstName);
    const last = foldName(profile.lastName);
    return query.words.every((word) => first.startsWith(word) || last.startsWith(word));
  }
  if (query.kind === 'email') {
    if (profile.email === null) return false;
    const email = profile.email.replace(/\s/g, '').toLowerCase();
    return email === query.email || canonicalEmailOf(email) === canonicalEmailOf(query.email);
  }
  if (profile.phone === null) return false;
  const digits = profile.phone.replace(/\D/g, '');
  return digits === query.digits || phoneTailOf(digits) === phoneTailOf(query.digits);
}

/** Last name, first name, id: the order of the cloud's answer. */
export function compareByName(a: CustomerProfile, b: CustomerProfile): number {
  const byLast = foldName(a.lastName).localeCompare(foldName(b.lastName));
  if (byLast !== 0) return byLast;
  const byFirst = foldName(a.firstName).localeCompare(foldName(b.firstName));
  return byFirst !== 0 ? byFirst : a.id.localeCompare(b.id);
}
