import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngagementState } from '@vitrine/shared';
import { z } from 'zod';
import { replaceFile } from '../outbox/ack-file.ts';
import { parseJson, readJsonText } from './catalogue-file.ts';

const customerEngagementSchema = z.object({
  visit: z
    .object({
      startedAt: z.number(),
      delivered: z.record(z.string(), z.number().int().nonnegative()),
      count: z.number().int().nonnegative(),
    })
    .nullable(),
  campaigns: z.record(
    z.string(),
    z.object({ total: z.number().int().nonnegative(), recent: z.array(z.number()) }),
  ),
});

export const engagementStateSchema = z.object({
  customers: z.record(z.string(), z.record(z.string(), customerEngagementSchema)),
  budgets: z.record(z.string(), z.number().int().nonnegative()),
});

export type EngagementStateRead =
  | { outcome: 'loaded'; state: EngagementState }
  | { outcome: 'absent' }
  | { outcome: 'invalid'; detail: string };

export interface EngagementStateFile {
  read(): Promise<EngagementStateRead>;
  /**
   * Keeps the state durably. Writes never overlap: while one is on its way, later states
   * wait and only the newest is written. Resolves once this state (or a newer) is on disk,
   * without waiting for saves asked after it.
   */
  save(state: EngagementState): Promise<void>;
}

const FILE = 'state.json';

/**
 * Caps, cooldowns, budgets and open visits, replaced atomically in one file: the state is
 * pruned whenever the catalogue changes, so it stays the size of the store's recent visitors.
 */
export function createEngagementStateFile(dir: string): EngagementStateFile {
  let pending: EngagementState | null = null;
  /** Saves asked for, and the last of them on disk: each save waits for its own. */
  let requested = 0;
  let waiters: { save: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    try {
      await mkdir(dir, { recursive: true });
      while (pending !== null) {
        const state = pending;
        const save = requested;
        pending = null;
        await replaceFile(dir, FILE, JSON.stringify(state));
        for (const waiter of waiters) if (waiter.save <= save) waiter.resolve();
        waiters = waiters.filter((waiter) => waiter.save > save);
      }
    } catch (error) {
      for (const waiter of waiters.splice(0)) waiter.reject(error);
    } finally {
      writing = false;
    }
  }

  return {
    async read() {
      const text = await readJsonText(join(dir, FILE));
      if (text === null) return { outcome: 'absent' };
      const parsed = engagementStateSchema.safeParse(parseJson(text));
      return parsed.success
        ? { outcome: 'loaded', state: parsed.data }
        : { outcome: 'invalid', detail: parsed.error.message };
    },
    save(state) {
      pending = state;
      requested += 1;
      const save = requested;
      const written = new Promise<void>((resolve, reject) => {
        waiters.push({ save, resolve, reject });
      });
      if (!writing) void drain();
      return written;
    },
  };
}
