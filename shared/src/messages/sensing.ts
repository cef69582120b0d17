import { z } from 'zod';
import { clientIdSchema } from '../ids/ids.ts';
import { passTextSchema, proofTextSchema } from './check-in.ts';

/** RSSI as radios report it: never positive, never below -127 dBm. */
export const rssiSchema = z.number().int().min(-127).max(0);

/** One advertisement heard by a scanner node (or the gateway's own radio). */
export const sightingSchema = z.object({
  /** Device address or resolved identity as the node saw it. */
  deviceId: z.string().min(1).max(64),
  rssi: rssiSchema,
  /** Raw advertisement bytes, hex, when the node forwards them for decoding. */
  raw: z
    .string()
    .regex(/^([0-9a-f]{2})*$/i, 'must be hex')
    .max(124)
    .optional(),
  /** Milliseconds since the node's previous report of the batch; 0 for the first. */
  offsetMs: z.number().int().nonnegative().default(0),
});

/** Scanner node → edge: a batch of sightings. */
export const sightingBatchSchema = z.object({
  nodeId: clientIdSchema,
  sightings: z.array(sightingSchema).min(1).max(500),
});
export type SightingBatch = z.infer<typeof sightingBatchSchema>;

/** Scanner node → edge, retained: the node's health. */
export const nodeStatusSchema = z.object({
  state: z.enum(['online', 'offline']),
  firmware: z.string().max(64),
  uptimeS: z.number().int().nonnegative(),
});
export type NodeStatus = z.infer<typeof nodeStatusSchema>;

/** Loyalty app → edge: the store beacons the customer's phone hears, with its pass and proof. */
export const rangingReportSchema = z.object({
  pass: passTextSchema,
  proof: proofTextSchema,
  clientId: clientIdSchema,
  beacons: z
    .array(
      z.object({
        /** Beacon identity as printed by the layout: `ibeacon:<uuid>:<major>:<minor>` or `eddystone:<ns>:<instance>`. */
        beaconId: z.string().min(1).max(96),
        rssi: rssiSchema,
      }),
    )
    .max(64),
});
export type RangingReport = z.infer<typeof rangingReportSchema>;
