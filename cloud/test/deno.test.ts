import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  customerProfileSchema,
  healthSchema,
  loginResponseSchema,
  pageSchema,
} from '@vitrine/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createScratchPostgresDatabase } from './support/test-database.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DENO = join(ROOT, 'node_modules/.bin/deno');
const listeningLine = z.object({ msg: z.literal('cloud listening'), url: z.url() });

let deno: ChildProcess | undefined;
let baseUrl = '';
let cleanUp: () => Promise<void> = async () => {};
const output: string[] = [];

/** Starts deno-main.ts on a free port and resolves with its URL from its first log lines. */
function startDeno(env: Record<string, string>): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const child = spawn(
      DENO,
      ['run', '-A', '--node-modules-dir=manual', 'cloud/src/deno-main.ts'],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    deno = child;
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`deno exited with ${code}: ${output.join('')}`)));
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    lines.on('line', (line) => {
      output.push(line);
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        return;
      }
      const listening = listeningLine.safeParse(json);
      if (listening.success) resolveUrl(listening.data.url);
    });
  });
}

beforeAll(async () => {
  const env: Record<string, string> = {
    CLOUD_PORT: '0',
    CLOUD_HOST: '127.0.0.1',
    CLOUD_SEED_DEMO: 'true',
    CLOUD_SEED_CUSTOMERS: '50',
    LOG_LEVEL: 'info',
  };
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const scratch = await createScratchPostgresDatabase(serverUrl);
    env.DATABASE_URL = scratch.url;
    cleanUp = scratch.drop;
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-deno-'));
    env.DATABASE_URL = '';
    env.CLOUD_DATA_DIR = dataDir;
    cleanUp = () => rm(dataDir, { recursive: true, force: true });
  }
  baseUrl = await startDeno(env);
}, 90_000);

afterAll(async () => {
  if (deno && deno.exitCode === null) {
    const exited = new Promise((done) => deno?.once('exit', done));
    deno.kill('SIGTERM');
    await exited;
  }
  await cleanUp();
});

describe('the cloud under Deno', () => {
  it('answers /healthz with a reachable database', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(healthSchema.parse(await response.json())).toMatchObject({
      status: 'ok',
      database: 'ok',
    });
  });

  it('logs a demo associate in and serves an authenticated endpoint', async () => {
    const login = await fetch(`${baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'aiko@vitrine.demo', password: 'vitrine-demo' }),
    });
    expect(login.status).toBe(200);
    const { token, subject } = loginResponseSchema.parse(await login.json());
    expect(subject.storeId).toBe('sto_tokyo-ginza');
    const headers = { authorization: `Bearer ${token}` };

    const customers = await fetch(`${baseUrl}/v1/stores/sto_tokyo-ginza/customers?limit=3`, {
      headers,
    });
    expect(customers.status).toBe(200);
    const page = pageSchema(customerProfileSchema).parse(await customers.json());
    expect(page.items.length).toBeGreaterThan(0);

    const profile = await fetch(`${baseUrl}/v1/customers/cus_000001/profile`, { headers });
    expect(customerProfileSchema.parse(await profile.json()).homeStoreId).toBe('sto_tokyo-ginza');

    expect((await fetch(`${baseUrl}/v1/stores/sto_paris-rivoli`, { headers })).status).toBe(403);
  });
});
