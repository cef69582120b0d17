import { storeIdSchema } from '@vitrine/shared';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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
});

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
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`,
    );
    return { ok: false, problems };
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
