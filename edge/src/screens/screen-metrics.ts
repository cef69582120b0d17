import { Counter, Gauge, type Registry } from 'prom-client';

/** The screens' figures: content syncs, connected players, interrupts relayed, plays reported. */
export function createScreenMetrics(registry: Registry) {
  const registers = [registry];
  return {
    contentSyncs: new Counter({
      name: 'vitrine_edge_screen_content_syncs_total',
      help: 'Screen content syncs with the cloud, by outcome: changed, unchanged, failed',
      labelNames: ['outcome'],
      registers,
    }),
    connectedScreens: new Gauge({
      name: 'vitrine_edge_connected_screens',
      help: 'Screen players connected to the live channel',
      registers,
    }),
    interrupts: new Counter({
      name: 'vitrine_edge_screen_interrupts_total',
      help: 'Zone screen messages, by outcome: relayed, or dropped with the reason',
      labelNames: ['outcome'],
      registers,
    }),
    plays: new Counter({
      name: 'vitrine_edge_screen_plays_total',
      help: 'Proofs of play received from screens and kept in the outbox',
      registers,
    }),
  };
}

export type ScreenMetrics = ReturnType<typeof createScreenMetrics>;
