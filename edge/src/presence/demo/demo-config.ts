import { customerIdSchema, storeIdSchema } from '@vitrine/shared';
import { z } from 'zod';
import type { Env } from '../../config/edge-config.ts';

const required = (message: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'required' : message;

const url = (protocols: readonly string[]) =>
  z
    .string({ error: required('invalid url') })
    .refine(
      (value) => URL.canParse(value) && protocols.includes(new URL(value).protocol),
      'invalid url',
    );

const demoEnvSchema = z.object({
  SIM_MQTT_URL: url(['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:']),
  SIM_CLOUD_URL: url(['http:', 'https:']),
  SIM_CLOUD_TOKEN: z.string({ error: required('must be a token') }).min(1, 'required'),
  SIM_STORE_ID: z.string({ error: required('must be a store id') }).pipe(storeIdSchema),
  SIM_LAYOUT_FILE: z.string({ error: required('must be a layout file') }).min(1, 'required'),
  SIM_CUSTOMER_IDS: z
    .string({ error: required('must be a comma list of customer ids') })
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0),
    )
    .pipe(z.array(customerIdSchema).min(1, 'must name at least one customer')),
  SIM_SEED: z.coerce
    .number({ error: 'must be an integer' })
    .int('must be an integer')
    .min(0)
    .max(65_535)
    .default(1),
  SIM_VISITORS_PER_WINDOW: z.coerce
    .number({ error: 'must be an integer' })
    .int()
    .positive()
    .default(6),
  SIM_ANONYMOUS: z.coerce.number({ error: 'must be an integer' }).int().nonnegative().default(15),
  SIM_ASSOCIATES: z.coerce.number({ error: 'must be an integer' }).int().nonnegative().default(2),
});

export type PresenceDemoConfig = z.infer<typeof demoEnvSchema>;

/** The presence demo's environment, every problem at once. */
export function parsePresenceDemoConfig(
  env: Env,
): { ok: true; config: PresenceDemoConfig } | { ok: false; problems: string[] } {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = demoEnvSchema.safeParse(present);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map(
      (issue) => `${String(issue.path[0] ?? '(env)')}: ${issue.message}`,
    ),
  };
}
