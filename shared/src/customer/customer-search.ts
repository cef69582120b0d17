import { z } from 'zod';
import { customerIdSchema, storeIdSchema } from '../ids/ids.ts';
import { customerProfileSchema, tierSchema } from './customer-profile.ts';

/**
 * Finding a client by name, email or phone: the associate's search box, answered by the
 * cloud over the whole organisation (`GET /v1/stores/{storeId}/customers/search?q=`) and
 * by the edge (`GET /api/customers?q=`), from its own profiles when the cloud is away.
 */

/**
 * Accented Latin letters and the letter each folds to. The cloud's generated name keys and
 * the edge's local search apply the same map with SQL's `translate`, so keep it to one
 * character for one character (no `ß`, `æ`, dotted `İ`, whose case mapping changes length).
 */
export const NAME_FOLD_FROM =
  'àáâãäåāăąÀÁÂÃÄÅĀĂĄçćčÇĆČďđĎĐèéêëēėęěÈÉÊËĒĖĘĚğĞìíîïīįÌÍÎÏĪĮłŁñńňÑŃŇòóôõöøōőÒÓÔÕÖØŌŐŕřŔŘśšşŚŠŞťţŤŢùúûüūůűųÙÚÛÜŪŮŰŲýÿÝŸźżžŹŻŽ';
export const NAME_FOLD_TO =
  'aaaaaaaaaaaaaaaaaaccccccddddeeeeeeeeeeeeeeeeggiiiiiiiiiiiillnnnnnnoooooooooooooooorrrrssssssttttuuuuuuuuuuuuuuuuyyyyzzzzzz';

const FOLDS = new Map([...NAME_FOLD_FROM].map((letter, index) => [letter, NAME_FOLD_TO[index]]));

/** Lower case without accents: `Inès` and `INES` both read `ines`. */
export function foldName(name: string): string {
  return [...name.toLowerCase()].map((letter) => FOLDS.get(letter) ?? letter).join('');
}

/** How many matches a search gives at most. */
export const CUSTOMER_SEARCH_LIMIT = 20;

export const customerSearchQuerySchema = z.object({
  q: z.string().trim().min(2, 'must be at least 2 characters').max(100),
});

/** What the words typed are taken for. */
export type CustomerQuery =
  | { kind: 'email'; email: string }
  /** `raw` as typed (its `+` or `00` says whether a country code is in it). */
  | { kind: 'phone'; raw: string; digits: string }
  /** Folded words, each the start of the first or the last name. */
  | { kind: 'name'; words: string[] };

/** An `@` makes an email; digits (6 or more) and phone punctuation only, a phone. */
export function classifyCustomerQuery(q: string): CustomerQuery {
  const trimmed = q.trim();
  if (trimmed.includes('@'))
    return { kind: 'email', email: trimmed.replace(/\s/g, '').toLowerCase() };
  const digits = trimmed.replace(/\D/g, '');
  if (/^\+?[0-9 ().-]+$/.test(trimmed) && digits.length >= 6) {
    return { kind: 'phone', raw: trimmed, digits };
  }
  return { kind: 'name', words: foldName(trimmed).split(/\s+/).filter(Boolean) };
}

/** `ines.moreau@example.org` → `i•••@example.org`: enough to tell two clients apart. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

/** `+33612345678` → `+•••••••••678`: the last three digits only. */
export function maskPhone(phone: string): string {
  const total = phone.replace(/\D/g, '').length;
  let seen = 0;
  return phone.replace(/\d/g, (digit) => {
    seen += 1;
    return seen > total - 3 ? digit : '•';
  });
}

/** A match: who it is and enough to tell them apart, their contact details masked. */
export const customerSearchCardSchema = z.object({
  id: customerIdSchema,
  firstName: z.string(),
  lastName: z.string(),
  tier: tierSchema,
  homeStoreId: storeIdSchema.nullable(),
  homeStoreName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type CustomerSearchCard = z.infer<typeof customerSearchCardSchema>;

/** The cloud's answer: at most `CUSTOMER_SEARCH_LIMIT` matches, and what the words were taken for. */
export const customerSearchResultSchema = z.object({
  items: z.array(customerSearchCardSchema),
  matchedOn: z.enum(['name', 'email', 'phone']),
});
export type CustomerSearchResult = z.infer<typeof customerSearchResultSchema>;

/** Where the edge's answer comes from: `local` is only the customers this store holds. */
export const customerSourceSchema = z.enum(['cloud', 'local']);
export type CustomerSource = z.infer<typeof customerSourceSchema>;

/** `GET /api/customers?q=` on the edge. */
export const edgeCustomerSearchSchema = customerSearchResultSchema.extend({
  source: customerSourceSchema,
});
export type EdgeCustomerSearch = z.infer<typeof edgeCustomerSearchSchema>;

/** `GET /api/customers/{customerId}` on the edge: the customer card. */
export const edgeCustomerCardSchema = z.object({
  profile: customerProfileSchema,
  source: customerSourceSchema,
});
export type EdgeCustomerCard = z.infer<typeof edgeCustomerCardSchema>;

/** A profile as a search match. */
export function toSearchCard(profile: {
  id: string;
  firstName: string;
  lastName: string;
  tier: CustomerSearchCard['tier'];
  homeStoreId: string | null;
  homeStoreName: string | null;
  email: string | null;
  phone: string | null;
}): CustomerSearchCard {
  return {
    id: profile.id,
    firstName: profile.firstName,
    lastName: profile.lastName,
    tier: profile.tier,
    homeStoreId: profile.homeStoreId,
    homeStoreName: profile.homeStoreName,
    email: profile.email === null ? null : maskEmail(profile.email),
    phone: profile.phone === null ? null : maskPhone(profile.phone),
  };
}
