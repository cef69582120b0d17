import { z } from 'zod';

/**
 * The rows of the cloud's analytics reports (`/v1/analytics/*`), as the console reads them.
 * Shared has no schema for them: the cloud's own ones stay in the cloud, so the console
 * keeps the fields it charts, and parses every answer with them.
 */
const day = z.iso.date();
const storeId = z.string();

export const visitRowSchema = z.object({
  day,
  storeId,
  zoneId: z.string().nullable(),
  entries: z.number(),
  visitors: z.number(),
  stays: z.number(),
  dwellTotalS: z.number(),
  dwellAvgS: z.number().nullable(),
});
export type VisitRow = z.infer<typeof visitRowSchema>;

export const alertRowSchema = z.object({
  day,
  storeId,
  delivered: z.number(),
  acknowledged: z.number(),
  ackP50S: z.number().nullable(),
  ackP90S: z.number().nullable(),
});
export type AlertRow = z.infer<typeof alertRowSchema>;

export const activityRowSchema = z.object({
  day,
  storeId,
  checkIns: z.number(),
  productScans: z.number(),
  screenScans: z.number(),
  ticketAdmissions: z.number(),
});
export type ActivityRow = z.infer<typeof activityRowSchema>;

export const offerRowSchema = z.object({
  day,
  storeId,
  campaignId: z.string(),
  offerId: z.string(),
  delivered: z.number(),
  opened: z.number(),
  redeemed: z.number(),
  openRate: z.number().nullable(),
  redemptionRate: z.number().nullable(),
});
export type OfferRow = z.infer<typeof offerRowSchema>;

export const eventAttendanceRowSchema = z.object({
  day,
  eventId: z.string(),
  eventName: z.string(),
  storeId,
  startsAt: z.string(),
  invited: z.number(),
  rsvpYes: z.number(),
  rsvpNo: z.number(),
  rsvpMaybe: z.number(),
  rsvpPending: z.number(),
  expected: z.number(),
  attended: z.number(),
  attendanceRate: z.number().nullable(),
});
export type EventAttendanceRow = z.infer<typeof eventAttendanceRowSchema>;

const report = <Row extends z.ZodType>(row: Row) =>
  z.object({ from: day, to: day, rows: z.array(row) });

export const analyticsReportSchemas = {
  visits: report(visitRowSchema),
  alerts: report(alertRowSchema),
  activity: report(activityRowSchema),
  offers: report(offerRowSchema),
  events: report(eventAttendanceRowSchema),
};
export type ReportKind = keyof typeof analyticsReportSchemas;
