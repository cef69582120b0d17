import { z } from 'zod';
import { organisationIdSchema, storeIdSchema } from '../ids/ids.ts';
import { layoutItemIdSchema } from '../layout/store-layout.ts';
import type { SignedCodeFormat } from './signed-code.ts';

/** A stock-keeping unit as the catalogue names it; safe in a URL path. */
export const skuSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be a SKU: 1–64 of A–Z a–z 0–9 _ . -');

/** What the edge shows for a product, carried in the code so it answers with no cloud. */
export const productCardSchema = z.object({
  sku: skuSchema,
  name: z.string().min(1).max(200),
  category: z.string().min(1).max(64),
  price: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
});
export type ProductCard = z.infer<typeof productCardSchema>;

const signedAt = z.number().int().nonnegative();

/**
 * Claims of a content code: a product label or the code beside a screen. A label is
 * printed once and stays on the shelf: it does not expire; retiring the key that signed it
 * withdraws it (labels are reprinted after a key rotation, before the old key is retired).
 */
export const contentCodeClaimsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('product'),
    org: organisationIdSchema,
    iat: signedAt,
    product: productCardSchema,
  }),
  z.object({
    kind: z.literal('screen'),
    org: organisationIdSchema,
    iat: signedAt,
    /** A screen code belongs to one store: scanned in another, it is refused. */
    store: storeIdSchema,
    screen: layoutItemIdSchema,
  }),
]);
export type ContentCodeClaims = z.infer<typeof contentCodeClaimsSchema>;
export const CONTENT_CODE_KINDS = ['product', 'screen'] as const;
export type ContentCodeKind = ContentCodeClaims['kind'];

/** `VC1:<compact JWS>`; about 500 characters, a QR code of version 13 or so at level M. */
export const CONTENT_CODE: SignedCodeFormat<typeof contentCodeClaimsSchema> = {
  name: 'content code',
  prefix: 'VC1:',
  typ: 'vitrine-content+jwt',
  claims: contentCodeClaimsSchema,
};

/** `GET …/code` answer: the text to print, for a caller that draws its own QR code. */
export const signedCodeResponseSchema = z.object({ code: z.string().min(1) });
