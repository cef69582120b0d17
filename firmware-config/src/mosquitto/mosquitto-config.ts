import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The Mosquitto configuration Vitrine ships (docker compose mounts it as is). */
export const SHIPPED_MOSQUITTO_CONFIG = fileURLToPath(
  new URL('../../mosquitto/mosquitto.conf', import.meta.url),
);

export interface MosquittoConfigOptions {
  /** TCP listener port on loopback. */
  port: number;
  /** Folder for persistence (must end without a slash). */
  dataDir: string;
  /** Log file; omitted: stdout. */
  logFile?: string;
  /** MQTT over WebSocket port; omitted: no WebSocket listener. */
  websocketPort?: number;
}

/**
 * The shipped configuration adapted to one local instance (tests, benchmarks, a store
 * gateway without containers): same queue sizing and persistence, its own ports and
 * folders.
 */
export function renderMosquittoConfig(
  { port, dataDir, logFile, websocketPort }: MosquittoConfigOptions,
  shipped = readFileSync(SHIPPED_MOSQUITTO_CONFIG, 'utf8'),
): string {
  const websocket =
    websocketPort === undefined ? '' : `listener ${websocketPort} 127.0.0.1\nprotocol websockets`;
  return shipped
    .replace(/^persistence_location .*$/m, `persistence_location ${dataDir}/`)
    .replace(/^listener 1883 .*$/m, `listener ${port} 127.0.0.1`)
    .replace(/^listener 9001 .*\nprotocol websockets$/m, websocket)
    .replace(/^log_dest stdout$/m, logFile ? `log_dest file ${logFile}` : 'log_dest stdout');
}

/** The value of a single-valued option in a Mosquitto configuration text. */
export function mosquittoOption(config: string, name: string): string | undefined {
  return new RegExp(`^${name}\\s+(.+)$`, 'm').exec(config)?.[1]?.trim();
}
