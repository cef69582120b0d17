import { z } from 'zod';
import {
  associateIdSchema,
  customerIdSchema,
  eventIdSchema,
  purchaseIdSchema,
  storeIdSchema,
} from '../ids/ids.ts';

export const TIERS = ['member', 'silver', 'gold', 'platinum'] as const;
export const tierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof tierSchema>;

export const consentSchema = z.object({
  /** Passive sensing (beacons, scanners) may follow this customer in store. */
  tracking: z.boolean(),
  /** Offers and invitations may be sent to the customer. */
  marketing: z.boolean(),
  /** The profile may be shown to associates. */
  profiling: z.boolean(),
});
export type Consent = z.infer<typeof consentSchema>;

export const purchaseLineSchema = z.object({
  sku: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  category: z.string().min(1).max(64),
  quantity: z.number().int().positive(),
  unitPrice: z.number().nonnegative(),
});
export type PurchaseLine = z.infer<typeof purchaseLineSchema>;

export const purchaseSummarySchema = z.object({
  id: purchaseIdSchema,
  storeId: storeIdSchema,
  storeName: z.string(),
  purchasedAt: z.iso.datetime({ offset: true }),
  total: z.number().nonnegative(),
  currency: z.string().length(3),
  lines: z.array(purchaseLineSchema),
});
export type PurchaseSummary = z.infer<typeof purchaseSummarySchema>;

/** A visit: the customer checked in (app, kiosk, associate's scan) in a store. */
export const visitSummarySchema = z.object({
  storeId: storeIdSchema,
  storeName: z.string(),
  visitedAt: z.iso.datetime({ offset: true }),
  method: z.string().min(1).max(32),
});
export type VisitSummary = z.infer<typeof visitSummarySchema>;

/**
 * An invitation of the customer to an in-store event that is neither cancelled nor over:
 * what the arrival card shows, what segment rules on invitees read, and who hosts the
 * guest at the door. The RSVP code stays in the cloud: it lets its holder answer.
 */
export const profileInvitationSchema = z.object({
  eventId: eventIdSchema,
  name: z.string(),
  kind: z.string(),
  storeIds: z.array(storeIdSchema),
  /** When the event runs at each of its stores, as instants. */
  sessions: z.array(
    z.object({
      storeId: storeIdSchema,
      startsAt: z.iso.datetime({ offset: true }),
      endsAt: z.iso.datetime({ offset: true }),
    }),
  ),
  rsvp: z.enum(['pending', 'yes', 'no', 'maybe']),
  hostAssociateIds: z.array(associateIdSchema),
});
export type ProfileInvitation = z.infer<typeof profileInvitationSchema>;

/**
 * What an edge (and so an associate of that store) learns about a customer: the one
 * customer view, with recent purchases from every store of the organisation.
 */
export const customerProfileSchema = z.object({
  id: customerIdSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  tier: tierSchema,
  lifetimeValue: z.number().nonnegative(),
  currency: z.string().length(3),
  preferences: z.array(z.string()),
  homeStoreId: storeIdSchema.nullable(),
  homeStoreName: z.string().nullable(),
  consent: consentSchema,
  notes: z.string(),
  recentPurchases: z.array(purchaseSummarySchema),
  /** The latest visits to any store of the organisation, newest first. */
  recentVisits: z.array(visitSummarySchema).optional(),
  /** The month of the birthday, never the date: all that birthday campaigns need. */
  birthMonth: z.number().int().min(1).max(12).nullable().optional(),
  /** Invitations to events not cancelled and not over, the soonest first. */
  invitations: z.array(profileInvitationSchema).optional(),
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;
