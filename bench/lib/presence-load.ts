import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { storeLayoutSchema } from '@vitrine/shared';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { createEdgeMetrics } from '../../edge/src/observability/edge-metrics.ts';
import { createPresenceMetrics } from '../../edge/src/presence/presence-metrics.ts';
import { createPresenceService } from '../../edge/src/presence/presence-service.ts';
import { createNodeMqttSource } from '../../edge/src/presence/sources/node-mqtt-source.ts';

/**
 * The presence bench's load for other benches: its node publisher flooding a store's
 * sightings topics, and the edge's presence path taking that flood.
 */
export const PRESENCE_STORE = 'sto_bench-presence';
const store = PRESENCE_STORE;
const nodeCount = 20;
const logger = pino({ level: 'silent' });

/** The presence bench's layout: 20 nodes in 5 zones. */
function layout() {
  return storeLayoutSchema.parse({
    version: 1,
    store: { id: store, name: 'Bench', timeZone: 'UTC' },
    zones: Array.from({ length: 5 }, (_, z) => ({
      id: `zon_bench-${z}`,
      name: `Zone ${z}`,
      kind: 'floor',
      rooms: Array.from({ length: nodeCount }, (_, n) => n)
        .filter((n) => n % 5 === z)
        .map((n) => `room-${n}`),
    })),
    nodes: Array.from({ length: nodeCount }, (_, n) => ({
      id: `node-${String(n).padStart(2, '0')}`,
      room: `room-${n}`,
      firmware: 'vitrine',
      mqttUsername: `node-${n}`,
    })),
  });
}

/** The presence bench's node publisher on `url`, flooding for `forSeconds`. */
export function presenceFlood(url: string, forSeconds: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, '..', 'presence-mqtt.ts'),
      '--batch',
      '50',
      '--seconds',
      String(forSeconds),
      '--publish',
      url,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return new Promise((done) => child.once('exit', done));
}

/** The edge's presence path taking the flood: node source → tracker, ticking every second. */
export async function startPresence(url: string) {
  const storeLayout = layout();
  const service = createPresenceService({
    storeId: store,
    layout: storeLayout,
    sources: [
      createNodeMqttSource({
        url,
        storeId: store,
        layout: storeLayout,
        metrics: createEdgeMetrics({ defaultMetrics: false }),
        logger,
      }),
    ],
    metrics: createPresenceMetrics(new Registry()),
    logger,
    newSalt: () => `salt-${Math.random()}`,
    knownDevices: new Set(Array.from({ length: 2000 }, (_, i) => `badge-${i}`)),
  });
  await service.start();
  return service;
}
