import { z } from 'zod';
import { offerIdSchema } from '../ids/ids.ts';

export const offerBenefitSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), percent: z.number().gt(0).max(100) }),
  z.strictObject({
    kind: z.literal('amount'),
    amount: z.number().positive(),
    currency: z.string().length(3),
  }),
  z.strictObject({ kind: z.literal('gift'), description: z.string().trim().min(1).max(200) }),
]);
export type OfferBenefit = z.infer<typeof offerBenefitSchema>;

export const productRefSchema = z.strictObject({
  sku: z.string().min(1).max(64),
  name: z.string().max(200).optional(),
});
export type ProductRef = z.infer<typeof productRefSchema>;

/**
 * What a customer gets on their phone. Validity is a pair of instants: an offer that
 * ends "at midnight in Paris" is stored as that instant, so every store agrees on it.
 */
/** The fields of an offer, for every schema that carries one (stored, written, listed). */
export const offerFields = {
  name: z.string().trim().min(1).max(120),
  title: z.string().trim().min(1).max(120),
  body: z.string().max(1000).default(''),
  imageUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  products: z.array(productRefSchema).max(50).default([]),
  benefit: offerBenefitSchema,
  /** Shown to the associate or scanned at the till; null when the offer is automatic. */
  code: z.string().min(1).max(64).nullable().default(null),
  validity: z.strictObject({
    from: z.iso.datetime({ offset: true }),
    until: z.iso.datetime({ offset: true }),
  }),
  redemptionLimit: z
    .strictObject({
      perCustomer: z.number().int().positive().default(1),
      /** Redemptions across the organisation; null for no limit. */
      total: z.number().int().positive().nullable().default(null),
    })
    .default({ perCustomer: 1, total: null }),
};

function endsAfterStart(
  offer: { validity: { from: string; until: string } },
  ctx: z.RefinementCtx,
) {
  if (Date.parse(offer.validity.until) > Date.parse(offer.validity.from)) return;
  ctx.addIssue({
    code: 'custom',
    message: 'must end after it starts',
    path: ['validity', 'until'],
  });
}

export const offerSchema = z
  .strictObject({ id: offerIdSchema, ...offerFields })
  .superRefine(endsAfterStart);
/** An offer as a marketer writes it: the cloud gives it its id. */
export const offerWriteSchema = z.strictObject(offerFields).superRefine(endsAfterStart);
export type OfferWrite = z.infer<typeof offerWriteSchema>;
export type Offer = z.infer<typeof offerSchema>;
export type OfferInput = z.input<typeof offerSchema>;
