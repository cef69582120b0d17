import type { ErrorCode } from '@vitrine/shared';
import { createMessageIntake, type IntakeHandlers } from '../../intake/message-intake.ts';
import type { EdgeMetrics } from '../../observability/edge-metrics.ts';
import type { Logger } from '../../observability/logger.ts';
import { createMqttFeed, type MqttConnect, type MqttFeed } from './mqtt-feed-adapter.ts';
import type { PresenceSink, PresenceSource } from './presence-source.ts';
import type { SourceHealthTracker } from './source-health.ts';

/** What every MQTT presence source is given. */
export interface MqttSourceOptions {
  url: string;
  storeId: string;
  /** Counts MQTT messages by kind, and rejections by reason, with the rest of the edge's. */
  metrics: Pick<EdgeMetrics, 'messagesReceived' | 'messagesRejected'>;
  logger: Logger;
  /** The edge's clock: readings are timed when they arrive. */
  now?: () => number;
  clientId?: string;
  connect?: MqttConnect;
}

/**
 * The feed of one MQTT source: its subscription, and the shared intake in front of its
 * handlers, so that presence messages are decoded, counted and refused like every other.
 * A refused message is also a drop of the source.
 */
export function createSourceFeed(
  options: MqttSourceOptions,
  {
    clientId,
    filters,
    handlers,
    sink,
    health,
  }: {
    clientId: string;
    filters: string[];
    handlers: IntakeHandlers;
    sink: () => PresenceSink | null;
    health: SourceHealthTracker;
  },
): MqttFeed {
  const { metrics, logger } = options;
  const intake = createMessageIntake({
    handlers,
    metrics,
    logger,
    reject: (reason: ErrorCode, topic: string, detail: string) => {
      metrics.messagesRejected.inc({ reason });
      sink()?.dropped(reason, `${topic}: ${detail}`);
    },
  });
  return createMqttFeed({
    url: options.url,
    clientId: options.clientId ?? clientId,
    filters,
    onMessage: (topic, payload) => intake.handle(topic, payload),
    logger,
    onConnectionChange: (connected) => {
      if (health.state === 'stopped') return;
      health.set(connected ? 'running' : 'degraded', connected ? null : 'broker disconnected');
    },
    ...(options.connect ? { connect: options.connect } : {}),
  });
}

/**
 * The source an MQTT feed makes: started, it hands its handlers the tracked sink and
 * subscribes; stopped, the handlers lose the sink before the feed unsubscribes.
 */
export function sourceOverFeed(
  name: string,
  {
    feed,
    health,
    bind,
  }: { feed: MqttFeed; health: SourceHealthTracker; bind: (sink: PresenceSink | null) => void },
): PresenceSource {
  return {
    name,
    async start(target) {
      bind(health.track(target));
      health.set('starting');
      await feed.start();
      health.set('running');
    },
    async stop() {
      health.set('stopped');
      bind(null);
      await feed.stop();
    },
    health: () => health.snapshot(),
  };
}
