import { z } from 'zod';
import { storeIdSchema } from '../ids/ids.ts';

const instant = z.iso.datetime({ offset: true });

/** A scanner node or a screen as its edge last saw it. */
export const fleetDeviceSchema = z.object({
  id: z.string().min(1).max(128),
  kind: z.enum(['node', 'screen']),
  /** The zone or room it serves. */
  zone: z.string().max(128).nullable(),
  health: z.enum(['ok', 'degraded', 'offline', 'unknown']),
  lastSeenAt: instant.nullable(),
  /** Why it is not ok, in words (a silent node, a screen that lost its socket…). */
  detail: z.string().max(300).nullable(),
});
export type FleetDevice = z.infer<typeof fleetDeviceSchema>;

/**
 * `POST /v1/stores/{storeId}/edge/report` (edge token of that store), every 30 s or so:
 * what the fleet view shows and where phones reach the store's broker. The cloud keeps the
 * latest report per store.
 */
export const edgeReportSchema = z.strictObject({
  version: z.string().min(1).max(64),
  startedAt: instant,
  /** The edge's address as phones and tablets in the store reach it (http: or https:). */
  publicUrl: z.url().max(500),
  /** Where a phone opens MQTT over WebSocket on the edge, e.g. `/mqtt`; null when it is off. */
  mqttWebSocketPath: z.string().startsWith('/').max(100).nullable(),
  broker: z.enum(['embedded', 'external']),
  brokerConnected: z.boolean(),
  outbox: z.object({
    pending: z.number().int().nonnegative(),
    oldestPendingAt: instant.nullable(),
    lastUploadAt: instant.nullable(),
  }),
  /** The last successful pull of each cloud feed, by feed name (profiles, engagement…). */
  lastSyncAt: z.record(z.string().max(64), instant.nullable()),
  devices: z.array(fleetDeviceSchema).max(2000),
});
export type EdgeReport = z.infer<typeof edgeReportSchema>;

/** One row of `GET /v1/fleet` (admin or marketer): a store, its edge and its devices. */
export const fleetStoreSchema = z.object({
  storeId: storeIdSchema,
  name: z.string(),
  city: z.string(),
  timeZone: z.string(),
  /** Online when the last report is under 90 seconds old. */
  state: z.enum(['online', 'offline', 'never-reported']),
  reportedAt: instant.nullable(),
  report: edgeReportSchema.nullable(),
});
export const fleetSchema = z.object({ items: z.array(fleetStoreSchema) });
export type FleetStore = z.infer<typeof fleetStoreSchema>;
