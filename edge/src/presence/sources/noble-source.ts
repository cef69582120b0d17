import { z } from 'zod';
import type { Logger } from '../../observability/logger.ts';
import type { EidResolver } from '../domain/beacon-frames.ts';
import { deviceIdOfAdvertisedData } from '../domain/device-identity.ts';
import type { PresenceSink, PresenceSource } from './presence-source.ts';
import { createSourceHealth } from './source-health.ts';

/** The part of noble's API the source uses; a test passes a fake with the same shape. */
export interface NobleLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeAllListeners(event?: string): unknown;
  startScanningAsync(serviceUuids?: string[], allowDuplicates?: boolean): Promise<void>;
  stopScanningAsync(): Promise<void>;
}

function isNoble(value: unknown): value is NobleLike {
  if (typeof value !== 'object' || value === null) return false;
  return ['on', 'removeAllListeners', 'startScanningAsync', 'stopScanningAsync'].every(
    (name) => typeof Reflect.get(value, name) === 'function',
  );
}

const peripheralSchema = z.object({
  address: z.string(),
  id: z.string().optional(),
  rssi: z.number(),
  advertisement: z
    .object({
      manufacturerData: z.instanceof(Uint8Array).nullish(),
      serviceData: z
        .array(z.object({ uuid: z.string(), data: z.instanceof(Uint8Array) }))
        .nullish(),
    })
    .loose(),
});

export interface NobleSourceOptions {
  /** The layout node that stands for the gateway's own radio. */
  receiverId: string;
  logger: Logger;
  /** Imports noble; only called on start, since noble throws at import without an adapter. */
  loadNoble?: () => Promise<unknown>;
  /** With no advertisement for this long while powered on, scanning is restarted. */
  watchdogMs?: number;
  resolveEid?: EidResolver;
  now?: () => number;
  /** Runs `check` every `ms`; returns a cancel function. */
  every?: (check: () => void, ms: number) => () => void;
}

const defaultEvery = (check: () => void, ms: number) => {
  const timer = setInterval(check, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * The gateway's own Bluetooth adapter through @abandonware/noble, imported only when this
 * source starts. Scans with duplicates (a reading per advertisement, not one per device);
 * a watchdog restarts scanning after a silence, since some adapters stop reporting
 * without a word. A missing or powered-off adapter degrades this source, not the edge.
 */
export function createNobleSource({
  receiverId,
  logger,
  loadNoble = () => import('@abandonware/noble'),
  watchdogMs = 30_000,
  resolveEid,
  now = Date.now,
  every = defaultEvery,
}: NobleSourceOptions): PresenceSource {
  const health = createSourceHealth();
  let sink: PresenceSink | null = null;
  let noble: NobleLike | null = null;
  let adapterState = 'unknown';
  let lastHeardAt = 0;
  let cancelWatchdog: (() => void) | null = null;

  async function scan(api: NobleLike) {
    try {
      await api.startScanningAsync([], true);
      lastHeardAt = now();
      health.set('running', null);
    } catch (error) {
      health.set('degraded', `scanning did not start: ${String(error)}`);
      logger.warn({ err: error }, 'BLE scanning did not start');
    }
  }

  function onDiscover(peripheral: unknown) {
    const parsed = peripheralSchema.safeParse(peripheral);
    if (!parsed.success) {
      sink?.dropped('invalid-peripheral', parsed.error.issues[0]?.message ?? 'unreadable');
      return;
    }
    const { address, id, rssi, advertisement } = parsed.data;
    const at = now();
    lastHeardAt = at;
    if (health.state === 'degraded' && adapterState === 'poweredOn') health.set('running', null);
    const eddystone = advertisement.serviceData?.find(
      (entry) => entry.uuid.toLowerCase() === 'feaa',
    );
    const deviceId = deviceIdOfAdvertisedData(
      address.length > 0 ? address : (id ?? ''),
      advertisement.manufacturerData ?? null,
      eddystone?.data ?? null,
      resolveEid ? { now: at, resolveEid } : { now: at },
    );
    if (deviceId.length === 0) {
      sink?.dropped('no-address', 'a peripheral without address or id');
      return;
    }
    sink?.sighting({ receiverId, deviceId, rssi, at });
  }

  function watchdog(api: NobleLike) {
    if (adapterState !== 'poweredOn' || now() - lastHeardAt < watchdogMs) return;
    health.restarted();
    health.set(
      'degraded',
      `no advertisement for ${Math.round((now() - lastHeardAt) / 1000)} s; scanning restarted`,
    );
    logger.warn({ watchdogMs }, 'BLE adapter silent; restarting the scan');
    lastHeardAt = now();
    void api
      .stopScanningAsync()
      .catch(() => undefined)
      .then(() => api.startScanningAsync([], true))
      .catch((error: unknown) => logger.warn({ err: error }, 'BLE scan restart failed'));
  }

  return {
    name: 'noble',
    async start(target) {
      sink = health.track(target);
      health.set('starting');
      let loaded: unknown;
      try {
        loaded = await loadNoble();
      } catch (error) {
        health.set(
          'degraded',
          `no Bluetooth adapter: ${error instanceof Error ? error.message : String(error)}`,
        );
        logger.error({ err: error }, 'noble could not be loaded; the gateway radio is off');
        return;
      }
      const api =
        typeof loaded === 'object' && loaded !== null && 'default' in loaded
          ? loaded.default
          : loaded;
      if (!isNoble(api)) {
        health.set('degraded', 'the noble module does not look like noble');
        return;
      }
      noble = api;
      api.on('discover', onDiscover);
      api.on('stateChange', (state) => {
        adapterState = String(state);
        if (adapterState === 'poweredOn') void scan(api);
        else health.set('degraded', `adapter ${adapterState}`);
      });
      // The adapter may have powered on before anyone listened.
      if (Reflect.get(api, 'state') === 'poweredOn') {
        adapterState = 'poweredOn';
        await scan(api);
      }
      cancelWatchdog = every(() => watchdog(api), Math.max(1000, Math.floor(watchdogMs / 3)));
    },
    async stop() {
      health.set('stopped');
      sink = null;
      cancelWatchdog?.();
      cancelWatchdog = null;
      const api = noble;
      noble = null;
      if (api === null) return;
      api.removeAllListeners('discover');
      api.removeAllListeners('stateChange');
      await api.stopScanningAsync().catch(() => undefined);
    },
    health() {
      const snapshot = health.snapshot();
      return snapshot.state === 'running' || snapshot.state === 'degraded'
        ? { ...snapshot, detail: snapshot.detail ?? `adapter ${adapterState}` }
        : snapshot;
    },
  };
}
