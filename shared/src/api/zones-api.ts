import { z } from 'zod';

const occupancySchema = z.object({
  /** Devices of consenting customers and known devices. */
  identified: z.number().int().nonnegative(),
  /** Everything else: counted, never followed. */
  anonymous: z.number().int().nonnegative(),
});

/** The edge's `GET /api/zones` for the associates' store map: head counts per zone, never who. */
export const zonesViewSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  zones: z.array(
    occupancySchema.extend({ zoneId: z.string(), name: z.string(), kind: z.string() }),
  ),
  /** Present in the store, zone not known (ambiguous readings, or its nodes offline). */
  unknownZone: occupancySchema,
  nodes: z.array(
    z.object({ nodeId: z.string(), zoneId: z.string().nullable(), online: z.boolean() }),
  ),
  /**
   * Where each customer followed by consent is now: their zone (null while in the store
   * with the zone unknown) since when. Customers without tracking consent are never here.
   */
  customers: z
    .array(
      z.object({
        customerId: z.string(),
        zoneId: z.string().nullable(),
        since: z.iso.datetime({ offset: true }),
      }),
    )
    .default([]),
});
export type ZonesViewBody = z.infer<typeof zonesViewSchema>;
