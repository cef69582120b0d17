import { storeIdSchema } from '@vitrine/shared';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The gateway's own radio: none, the host's adapter, a recording, or the store simulator. */
export const BLE_SOURCES = ['none', 'noble', 'replay', 'simulator'] as const;
export type BleSource = (typeof BLE_SOURCES)[number];

/** A missing variable reads `required`, whatever its type, so the list stays short. */
const required = (message: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'required' : message;

const url = (protocols: readonly string[]) =>
  z.string({ error: required('invalid url') }).refine(
    (value) => {
      if (!URL.canParse(value)) return false;
      return protocols.includes(new URL(value).protocol);
    },
    `invalid url (expected ${protocols.join(' or ')})`,
  );

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a port number')
    .min(0, 'must be a port number')
    .max(65_535, 'must be a port number')
    .default(fallback);

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a positive integer' })
    .int('must be a positive integer')
    .min(0, 'must be a positive integer')
    .default(fallback);

const FLAG_VALUES = ['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'] as const;
const flag = (fallback: boolean) =>
  z
    .enum(FLAG_VALUES, { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1' || value === 'on' || value === 'yes');

const intBetween = (min: number, max: number, fallback: number) => {
  const message = `must be an integer from ${min} to ${max}`;
  return z.coerce
    .number({ error: message })
    .int(message)
    .min(min, message)
    .max(max, message)
    .default(fallback);
};

/** The environment of one edge; each key is the variable's name. */
export const edgeEnvSchema = z.object({
  EDGE_STORE_ID: z.string({ error: required('must be a store id') }).pipe(storeIdSchema),
  EDGE_CLOUD_URL: url(['http:', 'https:']),
  EDGE_CLOUD_TOKEN: z.string({ error: required('must be a token') }).min(1, 'required'),
  EDGE_HTTP_PORT: port(8081),
  EDGE_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  MQTT_URL: url(['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:']).optional(),
  EDGE_MQTT_PORT: port(1884),
  EDGE_MQTT_HOST: z.string().min(1).default('127.0.0.1'),
  EDGE_DISPLAYS_DIR: z.string().min(1).optional(),
  /** Phones reach the store's broker over WebSocket at `/mqtt` on the HTTP server. */
  EDGE_MQTT_WS: flag(true),
  /** The largest WebSocket frame a phone may send; a larger one closes its connection. */
  EDGE_MQTT_WS_MAX_FRAME_BYTES: intBetween(1024, 16 * 1024 * 1024, 64 * 1024),
  /** The edge's address as phones and tablets in the store reach it; its HTTP address when unset. */
  EDGE_PUBLIC_URL: url(['http:', 'https:']).optional(),
  /** How often the edge reports its state and its devices to the cloud. */
  EDGE_REPORT_INTERVAL_MS: intBetween(1000, 24 * 3600_000, 30_000),
  /** Durable local data (the outbox, ...); `.data/edge-<store>` when unset. */
  EDGE_DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  EDGE_LOOKUP_TIMEOUT_MS: positiveInt(800),
  /** How long a profile is served without asking the cloud again. */
  EDGE_PROFILE_CACHE_TTL_MS: positiveInt(10 * 60_000),
  EDGE_PROFILE_CACHE_MAX: positiveInt(5000),
  /** How often the local profile store asks the cloud for changes. */
  EDGE_SYNC_INTERVAL_MS: positiveInt(30_000),
  /** Profiles per page of the sync feed. */
  EDGE_SYNC_PAGE_SIZE: z.coerce
    .number({ error: 'must be an integer from 1 to 1000' })
    .int('must be an integer from 1 to 1000')
    .min(1, 'must be an integer from 1 to 1000')
    .max(1000, 'must be an integer from 1 to 1000')
    .default(100),
  /** How often the organisation's keys and the pass revocations are fetched from the cloud. */
  EDGE_IDENTITY_SYNC_MS: positiveInt(60_000),
  /** Time steps (30 s) of clock difference tolerated between a phone and the edge. */
  EDGE_PROOF_SKEW_STEPS: positiveInt(1),
  /** Check-ins one pass may make at once, then per minute. */
  EDGE_PASS_RATE_BURST: positiveInt(5),
  EDGE_PASS_RATE_PER_MIN: positiveInt(10),
  /** The store layout (YAML as written, or firmware-config's layout.json); presence runs with one. */
  EDGE_LAYOUT_FILE: z.string().min(1).optional(),
  BLE_SOURCE: z
    .enum(BLE_SOURCES, { error: `must be one of ${BLE_SOURCES.join(', ')}` })
    .default('none'),
  /** The recording BLE_SOURCE=replay plays (JSON lines). */
  EDGE_REPLAY_FILE: z.string().min(1).optional(),
  /** How much faster than recorded a replay plays; 0 plays it as fast as possible. */
  EDGE_REPLAY_SPEED: z.coerce
    .number({ error: 'must be a number ≥ 0' })
    .min(0, 'must be a number ≥ 0')
    .default(1),
  /** The layout node that stands for the gateway's own radio (BLE_SOURCE=noble). */
  EDGE_GATEWAY_NODE_ID: z.string().min(1).default('gateway'),
  /** With no advertisement for this long, the gateway's radio restarts its scan. */
  EDGE_BLE_WATCHDOG_MS: positiveInt(30_000),
  EDGE_PRESENCE_TICK_MS: z.coerce
    .number({ error: 'must be an integer from 100 to 10000' })
    .int('must be an integer from 100 to 10000')
    .min(100, 'must be an integer from 100 to 10000')
    .max(10_000, 'must be an integer from 100 to 10000')
    .default(1000),
  /** Devices followed without a customer: associates' badges, enrolled tags (comma list). */
  EDGE_KNOWN_DEVICES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim().toLowerCase())
        .filter((id) => id.length > 0),
    ),
  /** A customer announced less than this ago (a check-in, an earlier entry) is not announced again. */
  EDGE_PRESENCE_ALERT_REPEAT_MS: positiveInt(60 * 60_000),
});

/** Problems between variables, reported with the others. */
function crossProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const ble = env.BLE_SOURCE ?? 'none';
  const needsLayout = BLE_SOURCES.some((source) => source !== 'none' && source === ble);
  if (needsLayout && env.EDGE_LAYOUT_FILE === undefined) {
    problems.push(`EDGE_LAYOUT_FILE: required with BLE_SOURCE=${ble}`);
  }
  if (ble === 'replay' && env.EDGE_REPLAY_FILE === undefined) {
    problems.push('EDGE_REPLAY_FILE: required with BLE_SOURCE=replay');
  }
  return problems;
}

export interface EdgeConfig {
  storeId: string;
  cloudUrl: string;
  cloudToken: string;
  httpPort: number;
  httpHost: string;
  /** External broker; null runs the embedded one on mqttHost:mqttPort. */
  mqttUrl: string | null;
  mqttPort: number;
  mqttHost: string;
  displaysDir: string | null;
  mqttWebSocket: MqttWebSocketConfig;
  /** Null: `http://<httpHost>:<bound port>`. */
  publicUrl: string | null;
  reportIntervalMs: number;
  /** Durable local data of this edge: the outbox lives in `<dataDir>/outbox`. */
  dataDir: string;
  logLevel: LogLevel;
  lookupTimeoutMs: number;
  profileCacheTtlMs: number;
  profileCacheMax: number;
  syncIntervalMs: number;
  syncPageSize: number;
  identitySyncMs: number;
  proofSkewSteps: number;
  passRateBurst: number;
  passRatePerMin: number;
  presence: PresenceConfig;
}

export interface MqttWebSocketConfig {
  enabled: boolean;
  maxFrameBytes: number;
}

export interface PresenceConfig {
  /** Null: no layout, no presence. */
  layoutFile: string | null;
  bleSource: BleSource;
  replayFile: string | null;
  replaySpeed: number;
  gatewayNodeId: string;
  bleWatchdogMs: number;
  tickMs: number;
  knownDevices: string[];
  alertRepeatMs: number;
}

export type EdgeConfigResult = { ok: true; config: EdgeConfig } | { ok: false; problems: string[] };

export type Env = Record<string, string | undefined>;

/** Every problem with the environment at once, one `NAME: message` per problem. */
export function parseEdgeConfig(env: Env): EdgeConfigResult {
  // An empty variable (`MQTT_URL=`) means unset, as in a shell.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = edgeEnvSchema.safeParse(present);
  const cross = crossProblems(present);
  if (!result.success || cross.length > 0) {
    const problems = (result.error?.issues ?? []).map(
      (issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`,
    );
    return { ok: false, problems: [...problems, ...cross] };
  }
  const e = result.data;
  return {
    ok: true,
    config: {
      storeId: e.EDGE_STORE_ID,
      cloudUrl: e.EDGE_CLOUD_URL,
      cloudToken: e.EDGE_CLOUD_TOKEN,
      httpPort: e.EDGE_HTTP_PORT,
      httpHost: e.EDGE_HTTP_HOST,
      mqttUrl: e.MQTT_URL ?? null,
      mqttPort: e.EDGE_MQTT_PORT,
      mqttHost: e.EDGE_MQTT_HOST,
      displaysDir: e.EDGE_DISPLAYS_DIR ?? null,
      mqttWebSocket: {
        enabled: e.EDGE_MQTT_WS,
        maxFrameBytes: e.EDGE_MQTT_WS_MAX_FRAME_BYTES,
      },
      publicUrl: e.EDGE_PUBLIC_URL ?? null,
      reportIntervalMs: e.EDGE_REPORT_INTERVAL_MS,
      dataDir: e.EDGE_DATA_DIR ?? `.data/edge-${e.EDGE_STORE_ID}`,
      logLevel: e.LOG_LEVEL,
      lookupTimeoutMs: e.EDGE_LOOKUP_TIMEOUT_MS,
      profileCacheTtlMs: e.EDGE_PROFILE_CACHE_TTL_MS,
      profileCacheMax: e.EDGE_PROFILE_CACHE_MAX,
      syncIntervalMs: e.EDGE_SYNC_INTERVAL_MS,
      syncPageSize: e.EDGE_SYNC_PAGE_SIZE,
      identitySyncMs: e.EDGE_IDENTITY_SYNC_MS,
      proofSkewSteps: e.EDGE_PROOF_SKEW_STEPS,
      passRateBurst: e.EDGE_PASS_RATE_BURST,
      passRatePerMin: e.EDGE_PASS_RATE_PER_MIN,
      presence: {
        layoutFile: e.EDGE_LAYOUT_FILE ?? null,
        bleSource: e.BLE_SOURCE,
        replayFile: e.EDGE_REPLAY_FILE ?? null,
        replaySpeed: e.EDGE_REPLAY_SPEED,
        gatewayNodeId: e.EDGE_GATEWAY_NODE_ID,
        bleWatchdogMs: e.EDGE_BLE_WATCHDOG_MS,
        tickMs: e.EDGE_PRESENCE_TICK_MS,
        knownDevices: e.EDGE_KNOWN_DEVICES,
        alertRepeatMs: e.EDGE_PRESENCE_ALERT_REPEAT_MS,
      },
    },
  };
}

export class EdgeConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid edge configuration: ${problems.join('; ')}`);
    this.name = 'EdgeConfigError';
  }
}

/** The edge's config from an environment; throws EdgeConfigError listing every problem. */
export function loadEdgeConfig(env: Env): EdgeConfig {
  const result = parseEdgeConfig(env);
  if (!result.ok) throw new EdgeConfigError(result.problems);
  return result.config;
}
