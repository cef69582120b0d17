import { type Decoded, decodeMessage, type TopicName } from '@vitrine/shared';
import type { EdgeMetrics } from '../observability/edge-metrics.ts';
import type { Logger } from '../observability/logger.ts';
import { createRejectionReporter, type RejectMessage } from './rejection-reporter.ts';

type DecodedOf<N extends TopicName> = Extract<Decoded, { name: N }>;

/** A handler per kind of message the edge acts on; only those kinds are subscribed to. */
export type IntakeHandlers = { [N in TopicName]?: (message: DecodedOf<N>) => Promise<void> | void };

export interface MessageIntakeOptions {
  handlers: IntakeHandlers;
  metrics: Pick<EdgeMetrics, 'messagesReceived' | 'messagesRejected'>;
  logger: Logger;
  reject?: RejectMessage;
}

export interface MessageIntake {
  /** Never throws and never rejects: a bad message, or a failing handler, is only logged. */
  handle(topic: string, payload: Uint8Array): void;
}

/**
 * The edge's single entry for MQTT messages: every payload passes the shared decoder; a
 * rejection is dropped, counted by reason and logged; an accepted one is counted by kind
 * and handed to its flow.
 */
export function createMessageIntake({
  handlers,
  metrics,
  logger,
  reject = createRejectionReporter({ metrics, logger }),
}: MessageIntakeOptions): MessageIntake {
  function dispatch(message: Decoded): Promise<void> | void {
    // The union of handlers cannot be indexed by a union of names without losing the pairing.
    const handler = handlers[message.name] as
      | ((message: Decoded) => Promise<void> | void)
      | undefined;
    if (!handler) {
      logger.debug({ kind: message.name }, 'no flow for this kind of message');
      return;
    }
    return handler(message);
  }

  function failed(error: unknown, topic: string) {
    metrics.messagesRejected.inc({ reason: 'internal' });
    logger.error({ err: error, topic }, 'message handler failed');
  }

  return {
    handle(topic, payload) {
      try {
        const decoded = decodeMessage(topic, payload);
        if (!decoded.ok) {
          reject(decoded.reason, decoded.topic, decoded.detail);
          return;
        }
        metrics.messagesReceived.inc({ kind: decoded.name });
        const pending = dispatch(decoded);
        if (pending) pending.catch((error: unknown) => failed(error, topic));
      } catch (error) {
        failed(error, topic);
      }
    },
  };
}
