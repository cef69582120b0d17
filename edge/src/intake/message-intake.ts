import { type Decoded, decodeMessage, type TopicName } from '@vitrine/shared';
import type { EdgeMetrics } from '../observability/edge-metrics.ts';
import type { Logger } from '../observability/logger.ts';
import { createRejectionReporter, type RejectMessage } from './rejection-reporter.ts';

type DecodedOf<N extends TopicName> = Extract<Decoded, { name: N }>;

/**
 * Thrown (or rejected with) by a flow that could not keep a message it must keep (the
 * outbox could not write it): the broker is then not told the message was received, and
 * delivers it again. Any other failure is the message's own and is acknowledged.
 */
export class MessageNotKeptError extends Error {
  override readonly name = 'MessageNotKeptError';
}

/**
 * A handler per kind of message the edge acts on; only those kinds are subscribed to. A
 * handler resolves once the message is safe to acknowledge to the broker (kept durably,
 * or refused): what follows (an alert on its way) may still be running.
 */
export type IntakeHandlers = { [N in TopicName]?: (message: DecodedOf<N>) => Promise<void> | void };

export interface MessageIntakeOptions {
  handlers: IntakeHandlers;
  metrics: Pick<EdgeMetrics, 'messagesReceived' | 'messagesRejected'>;
  logger: Logger;
  reject?: RejectMessage;
}

export interface MessageIntake {
  /**
   * Resolves once the broker may be told the message was received. Never throws; rejects
   * only with MessageNotKeptError. A bad message, or a failing handler, is only logged.
   */
  handle(topic: string, payload: Uint8Array): Promise<void>;
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

  /** Counted and logged; only a message not kept stays unacknowledged. */
  function failed(error: unknown, topic: string): Promise<void> {
    metrics.messagesRejected.inc({ reason: 'internal' });
    logger.error({ err: error, topic }, 'message handler failed');
    return error instanceof MessageNotKeptError ? Promise.reject(error) : Promise.resolve();
  }

  return {
    handle(topic, payload) {
      try {
        const decoded = decodeMessage(topic, payload);
        if (!decoded.ok) {
          reject(decoded.reason, decoded.topic, decoded.detail);
          return Promise.resolve();
        }
        metrics.messagesReceived.inc({ kind: decoded.name });
        const pending = dispatch(decoded);
        return pending
          ? pending.catch((error: unknown) => failed(error, topic))
          : Promise.resolve();
      } catch (error) {
        return failed(error, topic);
      }
    },
  };
}
