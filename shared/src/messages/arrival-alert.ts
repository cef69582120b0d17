import { z } from 'zod';
import { customerProfileSchema, tierSchema } from '../customer/customer-profile.ts';
import {
  alertIdSchema,
  associateIdSchema,
  customerIdSchema,
  eventIdSchema,
  messageIdSchema,
  storeIdSchema,
  zoneIdSchema,
} from '../ids/ids.ts';

export const ALERT_SOURCES = ['check-in', 'qr-scan', 'presence'] as const;

/**
 * Why a profile may be incomplete: the edge could not reach the cloud and sends what it
 * knows (a cached profile, or only the customer reference).
 */
export const PROFILE_FRESHNESS = ['fresh', 'cached', 'unavailable'] as const;

/** Edge → associates of the store (socket.io room of the store; also on MQTT). */
export const arrivalAlertSchema = z.object({
  alertId: alertIdSchema,
  storeId: storeIdSchema,
  customerId: customerIdSchema,
  source: z.enum(ALERT_SOURCES),
  /** Id of the message (check-in, scan) that caused the alert: for tracing and de-duplication. */
  sourceMessageId: messageIdSchema,
  zoneId: zoneIdSchema.nullable(),
  arrivedAt: z.iso.datetime({ offset: true }),
  /** True when the edge could not get a fresh profile from the cloud. */
  degraded: z.boolean(),
  freshness: z.enum(PROFILE_FRESHNESS),
  /** Tier is known even without a profile when the check-in carries it. */
  tier: tierSchema.nullable(),
  profile: customerProfileSchema.nullable(),
  suggestion: z.string().nullable(),
  /** The associates the alert is for (an event's hosts); absent: every associate of the store. */
  forAssociateIds: z.array(associateIdSchema).optional(),
  /** The in-store event the guest arrived for, when a ticket was admitted at the door. */
  event: z.object({ eventId: eventIdSchema, name: z.string().nullable() }).optional(),
});
export type ArrivalAlert = z.infer<typeof arrivalAlertSchema>;
