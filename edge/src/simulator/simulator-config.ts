import { customerIdSchema, storeIdSchema } from '@vitrine/shared';
import { z } from 'zod';
import type { Env } from '../config/edge-config.ts';

export interface SimulatorConfig {
  mqttUrl: string;
  /** The cloud that enrols each simulated customer's app (issues its pass). */
  cloudUrl: string;
  cloudToken: string;
  storeId: string;
  customerIds: string[];
  ratePerMin: number;
  seed: number;
}

const required = (message: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'required' : message;

const simulatorEnvSchema = z.object({
  SIM_MQTT_URL: z
    .string({ error: required('invalid url') })
    .refine(
      (value) =>
        URL.canParse(value) &&
        ['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:'].includes(new URL(value).protocol),
      'invalid url',
    ),
  SIM_CLOUD_URL: z
    .string({ error: required('invalid url') })
    .refine(
      (value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol),
      'invalid url',
    ),
  SIM_CLOUD_TOKEN: z.string({ error: required('must be a token') }).min(1, 'required'),
  SIM_STORE_ID: z.string({ error: required('must be a store id') }).pipe(storeIdSchema),
  SIM_CUSTOMER_IDS: z
    .string({ error: required('must be a comma list of customer ids') })
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0),
    )
    .pipe(z.array(customerIdSchema).min(1, 'must name at least one customer')),
  SIM_RATE_PER_MIN: z.coerce
    .number({ error: 'must be a positive number' })
    .positive('must be a positive number')
    .default(6),
  SIM_SEED: z.coerce.number({ error: 'must be an integer' }).int('must be an integer').default(1),
});

export type SimulatorConfigResult =
  | { ok: true; config: SimulatorConfig }
  | { ok: false; problems: string[] };

/** The simulator's environment, every problem at once. */
export function parseSimulatorConfig(env: Env): SimulatorConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = simulatorEnvSchema.safeParse(present);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map(
        (issue) => `${String(issue.path[0] ?? '(env)')}: ${issue.message}`,
      ),
    };
  }
  const e = result.data;
  return {
    ok: true,
    config: {
      mqttUrl: e.SIM_MQTT_URL,
      cloudUrl: e.SIM_CLOUD_URL,
      cloudToken: e.SIM_CLOUD_TOKEN,
      storeId: e.SIM_STORE_ID,
      customerIds: e.SIM_CUSTOMER_IDS,
      ratePerMin: e.SIM_RATE_PER_MIN,
      seed: e.SIM_SEED,
    },
  };
}
