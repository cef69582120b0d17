import { z } from 'zod';
import { associateIdSchema, storeIdSchema } from '../ids/ids.ts';
import type { ArrivalAlert } from '../messages/arrival-alert.ts';

/**
 * The associate app's socket.io contract with the edge. Associates connect with
 * `auth: { token }` (a cloud-signed associate token for this store) and join the room
 * of their store; anything else is refused at connect with `unauthorized: <reason>` or
 * `forbidden: <reason>`.
 */
export const ASSOCIATE_SOCKET_PATH = '/socket.io';

export const associateHelloSchema = z.object({
  associateId: associateIdSchema,
  name: z.string(),
  storeId: storeIdSchema,
  storeName: z.string(),
});
export type AssociateHello = z.infer<typeof associateHelloSchema>;

export interface ServerToAssociateEvents {
  /** Sent once after a successful connect. */
  hello: (hello: AssociateHello) => void;
  /** A customer arrived in the store. */
  alert: (alert: ArrivalAlert) => void;
}

// biome-ignore lint/complexity/noBannedTypes: no client-to-server events yet; claims come with the associate app
export type AssociateToServerEvents = {};

export const associateAuthSchema = z.object({ token: z.string().min(1) });

/** The room of a store's associates. */
export function associateRoom(storeId: string): string {
  return `store:${storeId}:associates`;
}
