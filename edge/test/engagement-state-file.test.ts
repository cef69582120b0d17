import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type EngagementState,
  emptyEngagementState,
  recordDeliveries,
  startVisit,
} from '@vitrine/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngagementStateFile } from '../src/engagement/engagement-state-file.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-engagement-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The state after `n` customers each received the welcome once. */
function stateWith(n: number): EngagementState {
  let state = emptyEngagementState();
  for (let i = 0; i < n; i++) {
    const customerId = `cus_state${i}`;
    state = startVisit(state, customerId, 1_000 + i);
    state = recordDeliveries(state, {
      customerId,
      at: 2_000 + i,
      campaigns: [{ campaignId: 'cmp_welcome', keep: 1 }],
    });
  }
  return state;
}

describe('the engagement state file', () => {
  it('reads back the newest of states saved one over another', async () => {
    const file = createEngagementStateFile(dir);
    await Promise.all([1, 2, 3].map((n) => file.save(stateWith(n))));
    expect(await file.read()).toEqual({ outcome: 'loaded', state: stateWith(3) });
  });

  it('resolves a save once its state is on disk, while later saves keep coming', async () => {
    const file = createEngagementStateFile(dir);
    let firstKept = false;
    void file.save(stateWith(1)).then(() => {
      firstKept = true;
    });
    // Saves far more often than a write takes, for two seconds at most.
    const until = Date.now() + 2000;
    let saves = 1;
    const later: Promise<void>[] = [];
    while (!firstKept && Date.now() < until) {
      later.push(file.save(stateWith(1 + (saves % 5))));
      saves++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(firstKept).toBe(true);
    await Promise.all(later);
  });

  it('says absent before the first save and invalid for a file that is not a state', async () => {
    const file = createEngagementStateFile(dir);
    expect(await file.read()).toEqual({ outcome: 'absent' });
    await writeFile(join(dir, 'state.json'), '{"customers": 3}');
    expect((await file.read()).outcome).toBe('invalid');
  });
});
