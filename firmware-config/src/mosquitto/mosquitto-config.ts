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
  /** Password file generated from the store layout; omitted: no accounts. */
  passwordFile?: string;
  /** Access list generated from the store layout; omitted: everyone may do everything. */
  aclFile?: string;
}

/**
 * The shipped configuration adapted to one local instance (tests, benchmarks, a store
 * gateway without containers): same queue sizing and persistence, its own ports and
 * folders.
 */
export function renderMosquittoConfig(
  { port, dataDir, logFile, websocketPort, passwordFile, aclFile }: MosquittoConfigOptions,
  shipped = readFileSync(SHIPPED_MOSQUITTO_CONFIG, 'utf8'),
): string {
  const websocket =
    websocketPort === undefined ? '' : `listener ${websocketPort} 127.0.0.1\nprotocol websockets`;
  // Anonymous clients stay allowed for loyalty apps; the access list confines them.
  const access = [
    'allow_anonymous true',
    ...(passwordFile ? [`password_file ${passwordFile}`] : []),
    ...(aclFile ? [`acl_file ${aclFile}`] : []),
  ].join('\n');
  return shipped
    .replace(/^allow_anonymous true$/m, access)
    .replace(/^persistence_location .*$/m, `persistence_location ${dataDir}/`)
    .replace(/^listener 1883 .*$/m, `listener ${port} 127.0.0.1`)
    .replace(/^listener 9001 .*\nprotocol websockets$/m, websocket)
    .replace(/^log_dest stdout$/m, logFile ? `log_dest file ${logFile}` : 'log_dest stdout');
}

/** The value of a single-valued option in a Mosquitto configuration text. */
export function mosquittoOption(config: string, name: string): string | undefined {
  return new RegExp(`^${name}\\s+(.+)$`, 'm').exec(config)?.[1]?.trim();
}
