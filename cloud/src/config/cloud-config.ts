import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const portNumber = z.coerce
  .number({ message: 'must be a port number' })
  .int({ message: 'must be a port number' })
  .min(0, { message: 'must be a port number' })
  .max(65_535, { message: 'must be a port number' });

function checkPostgresUrl(value: string, ctx: z.RefinementCtx): void {
  if (!URL.canParse(value)) {
    ctx.addIssue({ code: 'custom', message: 'invalid url' });
  } else if (!/^postgres(ql)?:$/.test(new URL(value).protocol)) {
    ctx.addIssue({ code: 'custom', message: 'must be a postgres:// url' });
  }
}

/** Every variable the cloud reads, in one place; unset and empty mean the same. */
export const cloudEnvSchema = z.object({
  DATABASE_URL: z.string().superRefine(checkPostgresUrl).optional(),
  CLOUD_DATA_DIR: z.string().min(1).default('.data/cloud'),
  CLOUD_PORT: portNumber.default(8080),
  CLOUD_HOST: z.string().min(1).default('127.0.0.1'),
  CLOUD_SEED_DEMO: booleanFlag.default(false),
  CLOUD_SEED_CUSTOMERS: z.coerce
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be at least 1' })
    .max(999_999, { message: 'must be at most 999999' })
    .default(10_000),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

export interface CloudConfig {
  database: { url: string | undefined; dataDir: string };
  http: { port: number; host: string };
  seed: { demo: boolean; customers: number };
  logLevel: z.infer<typeof cloudEnvSchema>['LOG_LEVEL'];
}

export type CloudConfigResult =
  | { ok: true; config: CloudConfig }
  | { ok: false; problems: string[] };

/**
 * Reads the cloud's configuration from an environment map. Every problem is reported at
 * once, named by its variable, so that a bad deployment is fixed in one round.
 */
export function loadCloudConfig(env: Record<string, string | undefined>): CloudConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = cloudEnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.map(String).join('.');
      return `${name}: ${issue.message}`;
    });
    return { ok: false, problems };
  }
  const values = parsed.data;
  return {
    ok: true,
    config: {
      database: { url: values.DATABASE_URL, dataDir: values.CLOUD_DATA_DIR },
      http: { port: values.CLOUD_PORT, host: values.CLOUD_HOST },
      seed: { demo: values.CLOUD_SEED_DEMO, customers: values.CLOUD_SEED_CUSTOMERS },
      logLevel: values.LOG_LEVEL,
    },
  };
}

/** The one-line message main prints before refusing to start. */
export function formatConfigProblems(problems: string[]): string {
  return `invalid configuration: ${problems.join('; ')}`;
}
