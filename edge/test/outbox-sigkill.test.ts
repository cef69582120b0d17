/**
 * The edge killed with SIGKILL mid-stream, again and again, then restarted: the cloud ends
 * up holding exactly the facts appended — none lost, none twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type OutboxCloud, startOutboxCloud } from './support/outbox-cloud.ts';
import { checkInFact, outboxDir } from './support/outbox-events.ts';

const STORE = 'sto_paris-rivoli';
const TOTAL = 2000;
const KILLS = 5;

let cloud: OutboxCloud;
let token: string;

beforeAll(async () => {
  cloud = await startOutboxCloud();
  token = await cloud.edgeToken(STORE);
}, 60_000);

afterAll(async () => {
  await cloud?.stop();
});

/** A small seeded generator, so a failing run can be replayed. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Run {
  child: ChildProcess;
  /** Highest fact known durable (-1: none yet). */
  durable: () => number;
  exited: Promise<number | null>;
  output: () => string;
}

function runChild(env: Record<string, string>): Run {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'support/outbox-child.ts')],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let durable = -1;
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const match of output.matchAll(/^appended (\d+)$/gm)) {
      durable = Math.max(durable, Number(match[1]));
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, durable: () => durable, exited, output: () => output };
}

it('holds exactly the facts appended after repeated SIGKILLs and a restart', async () => {
  const random = prng(20261123);
  const dir = await outboxDir();
  const tag = `kill${process.pid}`;
  const base = { OUTBOX_DIR: dir, OUTBOX_CLOUD_URL: cloud.url, OUTBOX_TOKEN: token };
  const env = { ...base, OUTBOX_STORE: STORE, OUTBOX_TAG: tag, OUTBOX_TO: String(TOTAL) };
  let next = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    const run = runChild({ ...env, OUTBOX_FROM: String(next) });
    // A random point: after a random number of appends, while uploads are in flight.
    const target = next + 50 + Math.floor(random() * 300);
    const deadline = Date.now() + 30_000;
    while (run.durable() < target && Date.now() < deadline && run.child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    run.child.kill('SIGKILL');
    await run.exited;
    expect(run.durable(), run.output()).toBeGreaterThanOrEqual(target);
    // The producer resumes after the last fact it knows durable, as a restarted edge
    // would receive again what it never acknowledged.
    next = run.durable() + 1;
  }
  expect((await cloud.keysOf(STORE)).length).toBeLessThan(TOTAL);

  const last = runChild({ ...env, OUTBOX_FROM: String(next), OUTBOX_DRAIN: '1' });
  expect(await last.exited, last.output()).toBe(0);

  const stored = await cloud.keysOf(STORE);
  const expected = Array.from({ length: TOTAL }, (_, n) => checkInFact(STORE, n, { tag }).key);
  expect(stored.length).toBe(new Set(stored).size);
  expect([...stored].sort()).toEqual(expected.sort());
}, 120_000);
