/**
 * The keys duplicate detection compares. They mirror the generated columns of
 * `customers` (see db/schema-sync.ts), so a key computed here finds the rows there.
 */

/** Lower case, whitespace removed (`email_normalized`). */
export function normaliseEmail(email: string): string {
  return email.replace(/\s/g, '').toLowerCase();
}

/** Without dots and `+tag` in the local part (`email_canonical`): `j.doe+x@a.com` → `jdoe@a.com`. */
export function canonicalEmail(email: string): string {
  const normalised = normaliseEmail(email);
  const at = normalised.indexOf('@');
  const local = at < 0 ? normalised : normalised.slice(0, at);
  const domain = at < 0 ? '' : normalised.slice(at + 1).split('@')[0];
  return `${local.replace(/\+.*$|\./g, '')}@${domain}`;
}

/** International dialling codes of the countries the organisation has stores in. */
export const DIAL_CODES: Readonly<Record<string, string>> = {
  JP: '81',
  FR: '33',
  US: '1',
  GB: '44',
  DE: '49',
  IT: '39',
  ES: '34',
  CH: '41',
};

/**
 * Digits only with the country code (`phone_normalized`). A number written
 * internationally (`+81 …`, `0081 …`) keeps its code; a national one (`090 …` in Tokyo)
 * loses its trunk 0 and takes the store country's code. Unknown country: digits only.
 */
export function normalisePhone(phone: string, country: string | null = null): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  const dialCode = country === null ? undefined : DIAL_CODES[country];
  if (dialCode === undefined) return digits;
  if (dialCode === '1') {
    // North American numbers have no trunk 0: ten digits are a national number.
    return digits.length === 10 ? `1${digits}` : digits;
  }
  return digits.startsWith('0') ? `${dialCode}${digits.slice(1)}` : `${dialCode}${digits}`;
}

/** The last digits of a number: equal tails with different prefixes are a near match. */
export function phoneTail(normalisedPhone: string, digits: number): string {
  return normalisedPhone.slice(-digits);
}
