import { z } from 'zod';
import { messageIdSchema, storeIdSchema } from '../ids/ids.ts';

export const PROTOCOL_VERSION = 1;

/** Largest MQTT payload the edge accepts; anything larger is rejected unread. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

/**
 * Every Vitrine message travels in the same envelope: a protocol version, a message id
 * (for de-duplication and idempotent ingest), the time it was produced, the store it
 * concerns, and the typed body.
 */
export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.object({
    v: z.literal(PROTOCOL_VERSION),
    id: messageIdSchema,
    at: z.iso.datetime({ offset: true }),
    store: storeIdSchema,
    data,
  });
}

export interface Envelope<T> {
  v: typeof PROTOCOL_VERSION;
  id: string;
  at: string;
  store: string;
  data: T;
}

export interface EnvelopeOptions {
  /** When the message was produced. */
  at: Date;
  /** Message id; a new random one when omitted. */
  id?: string;
}

export function createEnvelope<T>(store: string, data: T, options: EnvelopeOptions): Envelope<T> {
  return {
    v: PROTOCOL_VERSION,
    id: options.id ?? `msg_${globalThis.crypto.randomUUID().replaceAll('-', '')}`,
    at: options.at.toISOString(),
    store,
    data,
  };
}
