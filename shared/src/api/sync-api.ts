import { z } from 'zod';
import { consentSchema, customerProfileSchema } from '../customer/customer-profile.ts';
import { customerIdSchema } from '../ids/ids.ts';

/**
 * The profile feed an edge pulls from the cloud (`GET /v1/stores/{storeId}/sync/profiles`)
 * and the in-store registration, consent and erasure calls.
 *
 * A watermark is opaque to the edge: it stores the last one it received and sends it back.
 * `0` asks for a snapshot. `<seq>` is a position in the cloud's change feed; while a
 * snapshot is paged it reads `<seq>:<last customer id>`.
 */
export const syncWatermarkSchema = z
  .string()
  .max(120)
  .regex(/^\d{1,18}(:cus_[A-Za-z0-9][A-Za-z0-9_-]{0,63})?$/, 'must be a sync watermark');
export type SyncWatermark = z.infer<typeof syncWatermarkSchema>;

/** The feed position a watermark stands for (its snapshot cursor left out). */
export function watermarkSequence(watermark: SyncWatermark): number {
  return Number(watermark.split(':')[0]);
}

/**
 * `upsert`: hold this profile. `heldUntil`: the instant the customer leaves the store's
 * selection unless something changes first (their last visit or purchase here ages out);
 * null or absent while nothing in time takes them out (home store, top tier).
 * `remove`: the customer changed and is no longer in the selection: drop the copy.
 * `erase`: the customer was erased: drop every trace, pending reports included.
 */
export const profileSyncItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('upsert'),
    profile: customerProfileSchema,
    heldUntil: z.iso.datetime({ offset: true }).nullable().optional(),
  }),
  z.object({ kind: z.literal('remove'), customerId: customerIdSchema }),
  z.object({ kind: z.literal('erase'), customerId: customerIdSchema }),
]);
export type ProfileSyncItem = z.infer<typeof profileSyncItemSchema>;

export const profileSyncPageSchema = z.object({
  items: z.array(profileSyncItemSchema),
  /** Send it back as `since` for the next page (or the next delta). */
  watermark: syncWatermarkSchema,
  /** True while pages remain: ask again at once. */
  more: z.boolean(),
});
export type ProfileSyncPage = z.infer<typeof profileSyncPageSchema>;

/** `POST /v1/stores/{storeId}/customers`: a customer registered in store. */
export const customerRegistrationSchema = z
  .object({
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    // Surrounding spaces are a typing accident, not a different address.
    email: z.string().trim().pipe(z.email().max(254)).optional(),
    phone: z
      .string()
      .max(40)
      .regex(/^\+?[0-9 ().-]{6,40}$/, 'must be a phone number')
      .optional(),
    preferences: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
    /** The month of the birthday, never the date. */
    birthMonth: z.number().int().min(1).max(12).optional(),
    /** Each captured explicitly: nothing is assumed. */
    consent: consentSchema,
  })
  .refine((body) => body.email !== undefined || body.phone !== undefined, {
    message: 'an email or a phone is required',
    path: ['email'],
  });
export type CustomerRegistration = z.infer<typeof customerRegistrationSchema>;

export const duplicateCandidateSchema = z.object({
  id: customerIdSchema,
  name: z.string(),
  /** What matched, and whether exactly (after normalisation) or nearly. */
  matchedOn: z.enum(['email', 'phone']),
  match: z.enum(['exact', 'near']),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/** The 409 body of a registration that looks like an existing customer. */
export const duplicateCustomerProblemSchema = z.object({
  error: z.object({
    code: z.literal('conflict'),
    message: z.string(),
    candidates: z.array(duplicateCandidateSchema),
  }),
});
export type DuplicateCustomerProblem = z.infer<typeof duplicateCustomerProblemSchema>;

/** `PUT /v1/customers/{customerId}/consent` answers with the consent now on record. */
export const consentRecordSchema = z.object({
  customerId: customerIdSchema,
  consent: consentSchema,
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;
