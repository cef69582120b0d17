import { z } from 'zod';

/**
 * Retained on the edge status topic. The edge publishes `online` when it connects and
 * registers `offline` as its MQTT last will, so a lost edge is visible to every
 * subscriber without a heartbeat.
 */
export const edgeStatusSchema = z.object({
  state: z.enum(['online', 'offline']),
  version: z.string(),
  startedAt: z.iso.datetime({ offset: true }),
  reason: z.enum(['started', 'stopping', 'connection-lost']),
});
export type EdgeStatus = z.infer<typeof edgeStatusSchema>;
