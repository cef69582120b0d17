import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { forgetStore } from './support/mqtt-helpers.ts';
import { uniqueSuffix, waitFor } from './support/wait.ts';

const logLineSchema = z.object({ msg: z.string(), httpUrl: z.string().optional() }).loose();

const root = resolve(import.meta.dirname, '../..');

/** The environment of a child without any Vitrine variables of the parent. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(EDGE_|SIM_|LOG_LEVEL$|MQTT_URL$)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

function run(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  return { child, output };
}

async function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = await once(child, 'exit');
  return code;
}

describe('the edge and simulator processes', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('edge refuses to start on a bad config, listing every problem', async () => {
    const { child, output } = run('edge/src/main.ts', {
      EDGE_CLOUD_URL: 'not a url',
      EDGE_HTTP_PORT: 'eighty',
    });
    children.push(child);
    expect(await exitCode(child)).toBe(1);
    expect(output.stderr).toContain('EDGE_STORE_ID: required');
    expect(output.stderr).toContain('EDGE_CLOUD_URL: invalid url');
    expect(output.stderr).toContain('EDGE_CLOUD_TOKEN: required');
    expect(output.stderr).toContain('EDGE_HTTP_PORT: must be a port number');
  });

  it('simulator refuses to start on a bad config', async () => {
    const { child, output } = run('edge/src/simulator/main.ts', { SIM_STORE_ID: 'paris' });
    children.push(child);
    expect(await exitCode(child)).toBe(1);
    expect(output.stderr).toContain('SIM_MQTT_URL: required');
    expect(output.stderr).toContain('SIM_STORE_ID: ');
  });

  it('edge starts from its environment, reports healthy, and stops on SIGTERM', async () => {
    const storeId = `sto_process-${uniqueSuffix()}`;
    const { child, output } = run('edge/src/main.ts', {
      EDGE_STORE_ID: storeId,
      // Nothing listens there: the edge must start without its cloud.
      EDGE_CLOUD_URL: 'http://127.0.0.1:9',
      EDGE_CLOUD_TOKEN: 'device-token',
      EDGE_HTTP_PORT: '0',
      EDGE_MQTT_PORT: '0',
      ...(process.env.MQTT_URL ? { MQTT_URL: process.env.MQTT_URL } : {}),
    });
    children.push(child);
    const started = await waitFor(
      () =>
        output.stdout
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => logLineSchema.safeParse(JSON.parse(line)))
          .find((line) => line.success && line.data.msg === 'edge started')?.data,
      { timeoutMs: 20_000, what: 'the edge to start' },
    );
    const health = await fetch(`${started.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', storeId });
    child.kill('SIGTERM');
    expect(await exitCode(child)).toBe(0);
    if (process.env.MQTT_URL) await forgetStore(process.env.MQTT_URL, storeId);
  });
});
