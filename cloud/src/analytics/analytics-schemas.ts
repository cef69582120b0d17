import { z } from '@hono/zod-openapi';
import { campaignIdSchema, storeIdSchema, zoneIdSchema } from '@vitrine/shared';

/** The longest period one report covers. */
export const MAX_REPORT_DAYS = 366;

const localDate = z.iso.date();

/** A report's query: a store (or all), inclusive local dates, JSON or CSV. */
const reportQueryFields = z.object({
  storeId: storeIdSchema.optional(),
  from: localDate.openapi({ description: "First day, in each store's local time" }),
  to: localDate.openapi({ description: 'Last day, inclusive' }),
  format: z.enum(['json', 'csv']).optional(),
});

type Period = { from: string; to: string };
/** Checks a period only once both of its dates read; a bad date is reported on its own. */
const periodCheck =
  (holds: (from: number, to: number) => boolean) =>
  ({ from, to }: Period): boolean => {
    const [start, end] = [Date.parse(from), Date.parse(to)];
    return Number.isNaN(start) || Number.isNaN(end) || holds(start, end);
  };
const ordered: [(query: Period) => boolean, { message: string; path: string[] }] = [
  periodCheck((from, to) => to >= from),
  { message: 'must not be before from', path: ['to'] },
];
const bounded: [(query: Period) => boolean, { message: string; path: string[] }] = [
  periodCheck((from, to) => to - from < MAX_REPORT_DAYS * 86_400_000),
  { message: `must be within ${MAX_REPORT_DAYS} days of from`, path: ['to'] },
];

export const reportQuerySchema = reportQueryFields.refine(...ordered).refine(...bounded);
/** Alerts name the campaign that suggested them, when one did. */
export const alertReportQuerySchema = reportQueryFields
  .extend({ campaignId: campaignIdSchema.optional() })
  .refine(...ordered)
  .refine(...bounded);

const day = z.iso.date();

/** A store's day (zoneId null) or one of its zones' days. */
export const visitRowSchema = z.object({
  day,
  storeId: storeIdSchema,
  zoneId: zoneIdSchema.nullable(),
  /** Arrivals: check-ins and sensed store entries for the store, entries for a zone. */
  entries: z.number().int(),
  /** Distinct customers; an erased customer counts in entries, not here. */
  visitors: z.number().int(),
  /** Stays that ended that day and their length. */
  stays: z.number().int(),
  dwellTotalS: z.number(),
  dwellAvgS: z.number().nullable(),
});
export type VisitRow = z.infer<typeof visitRowSchema>;

export const alertRowSchema = z.object({
  day,
  storeId: storeIdSchema,
  delivered: z.number().int(),
  acknowledged: z.number().int(),
  /** Seconds from delivery to the first acknowledgement, over the acknowledged alerts. */
  ackP50S: z.number().nullable(),
  ackP90S: z.number().nullable(),
});
export type AlertRow = z.infer<typeof alertRowSchema>;

export const activityRowSchema = z.object({
  day,
  storeId: storeIdSchema,
  checkIns: z.number().int(),
  productScans: z.number().int(),
  screenScans: z.number().int(),
  ticketAdmissions: z.number().int(),
});
export type ActivityRow = z.infer<typeof activityRowSchema>;

/** Campaign deliveries the edges decided and reported, per store, campaign and action. */
export const deliveryRowSchema = z.object({
  day,
  storeId: storeIdSchema,
  campaignId: campaignIdSchema,
  action: z.string(),
  sent: z.number().int(),
  /** Nobody to hand it to: no associate connected, no phone of the customer known. */
  noRecipient: z.number().int(),
  failed: z.number().int(),
  /** Distinct customers it was decided for; an erased customer counts above, not here. */
  customers: z.number().int(),
});
export type DeliveryRow = z.infer<typeof deliveryRowSchema>;

/** Proof of play: what the store's screens showed, per content item. */
export const playRowSchema = z.object({
  day,
  storeId: storeIdSchema,
  contentId: z.string(),
  plays: z.number().int(),
  screens: z.number().int(),
  playedS: z.number(),
});
export type PlayRow = z.infer<typeof playRowSchema>;

/** Phone offers per store, campaign and offer: delivered to the phone, opened, redeemed. */
export const offerRowSchema = z.object({
  day,
  storeId: storeIdSchema,
  campaignId: campaignIdSchema,
  offerId: z.string(),
  /** Sent to the customer's phone (a delivery with no phone known is not counted). */
  delivered: z.number().int(),
  /** Opened in the customer's app, once per delivery, on the day it was opened. */
  opened: z.number().int(),
  /** Redeemed at the till, once per delivery, on the day it was redeemed. */
  redeemed: z.number().int(),
  /** opened / delivered and redeemed / delivered of the row's day; null with none delivered. */
  openRate: z.number().nullable(),
  redemptionRate: z.number().nullable(),
});
export type OfferRow = z.infer<typeof offerRowSchema>;

/** An in-store event at one store: its invitations and answers against who came through the door. */
export const eventAttendanceRowSchema = z.object({
  /** The local day the event starts at the store. */
  day,
  eventId: z.string(),
  eventName: z.string(),
  storeId: storeIdSchema,
  startsAt: z.string(),
  invited: z.number().int(),
  rsvpYes: z.number().int(),
  rsvpNo: z.number().int(),
  rsvpMaybe: z.number().int(),
  rsvpPending: z.number().int(),
  /** People the yes answers bring: each guest and their companions. */
  expected: z.number().int(),
  /** People admitted at the door on the event's tickets. */
  attended: z.number().int(),
  /** attended / expected; null when nobody is expected. */
  attendanceRate: z.number().nullable(),
});
export type EventAttendanceRow = z.infer<typeof eventAttendanceRowSchema>;

export const reportSchema = <Row extends z.ZodType>(row: Row) =>
  z.object({ from: localDate, to: localDate, rows: z.array(row) });
