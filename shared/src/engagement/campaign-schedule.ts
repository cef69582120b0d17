import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekdaySchema>;

/** A wall-clock time in the store's zone, `HH:MM`; `24:00` only as the end of a day. */
export const localTimeSchema = z
  .string()
  .regex(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/, 'must be a time HH:MM, 00:00 to 24:00');

/** Minutes since local midnight of an `HH:MM` the schema accepted. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * A recurring weekly window. An end earlier than the start runs past midnight: the
 * window belongs to the day it starts on (`fri 22:00–02:00` covers Saturday 01:00).
 */
export const scheduleWindowSchema = z
  .strictObject({
    days: z.array(weekdaySchema).min(1).max(7),
    start: localTimeSchema.refine((time) => time !== '24:00', 'a window cannot start at 24:00'),
    end: localTimeSchema,
  })
  .refine((window) => window.start !== window.end, {
    message: 'must differ from the start',
    path: ['end'],
  });
export type ScheduleWindow = z.infer<typeof scheduleWindowSchema>;

/**
 * When a campaign runs, in the local time of each store it targets: a campaign from
 * 2026-12-01 that runs 18:00–21:00 starts at 18:00 in Tokyo and, hours later, at 18:00
 * in Paris. Dates are inclusive. No windows means all day.
 */
export const campaignScheduleSchema = z
  .strictObject({
    from: z.iso.date(),
    until: z.iso.date().nullable().default(null),
    windows: z.array(scheduleWindowSchema).max(21).default([]),
  })
  .refine((schedule) => schedule.until === null || schedule.until >= schedule.from, {
    message: 'must not be before the start date',
    path: ['until'],
  });
export type CampaignSchedule = z.infer<typeof campaignScheduleSchema>;
export type CampaignScheduleInput = z.input<typeof campaignScheduleSchema>;
