/**
 * Enrols a store's edge with the cloud: signs in as an administrator, asks for the
 * store's edge device token, and writes it to a file the edge reads at start.
 *   ENROL_CLOUD_URL ENROL_STORE_ID ENROL_EMAIL ENROL_PASSWORD ENROL_TOKEN_FILE
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { storeIdSchema } from '@vitrine/shared';
import { z } from 'zod';
import { createCloudAdmin, waitForHealthy } from './lib/cloud-admin.ts';

const configSchema = z.object({
  ENROL_CLOUD_URL: z.url(),
  ENROL_STORE_ID: storeIdSchema,
  ENROL_EMAIL: z.email(),
  ENROL_PASSWORD: z.string().min(1),
  ENROL_TOKEN_FILE: z.string().min(1),
});

const parsed = configSchema.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  console.error(`enrol-edge: invalid configuration: ${problems.join('; ')}`);
  process.exit(2);
}
const config = parsed.data;
await waitForHealthy(new URL('/healthz', config.ENROL_CLOUD_URL).href);
const cloud = createCloudAdmin(config.ENROL_CLOUD_URL);
const { token } = await cloud.login(config.ENROL_EMAIL, config.ENROL_PASSWORD);
const deviceToken = await cloud.issueDeviceToken(token, config.ENROL_STORE_ID);
mkdirSync(dirname(config.ENROL_TOKEN_FILE), { recursive: true });
writeFileSync(config.ENROL_TOKEN_FILE, deviceToken, { mode: 0o600 });
console.log(
  `enrol-edge: wrote the edge token of ${config.ENROL_STORE_ID} to ${config.ENROL_TOKEN_FILE}`,
);
