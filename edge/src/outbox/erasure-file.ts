import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { customerIdSchema } from '@vitrine/shared';
import { z } from 'zod';
import { replaceFile } from './ack-file.ts';

/**
 * The customers erased while reports about them may still wait in the outbox: the logs
 * are append-only, so these tombstones say which records never to upload. Replaced
 * atomically, so a crash leaves the old list or the new one.
 */
export const ERASED_FILE = 'erased.json';

const erasedSchema = z.object({ customers: z.array(customerIdSchema) });

export type ErasedRead = { ok: true; customers: Set<string> } | { ok: false; detail: string };

/** The tombstones on disk: none when the file is missing; `ok: false` when it is damaged. */
export async function readErasedFile(dir: string): Promise<ErasedRead> {
  let text: string;
  try {
    text = await readFile(join(dir, ERASED_FILE), 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return { ok: true, customers: new Set() };
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, detail: `${ERASED_FILE} is not JSON` };
  }
  const parsed = erasedSchema.safeParse(json);
  if (!parsed.success) return { ok: false, detail: parsed.error.message };
  return { ok: true, customers: new Set(parsed.data.customers) };
}

/** Durable on return. */
export async function writeErasedFile(dir: string, customers: Iterable<string>): Promise<void> {
  await replaceFile(dir, ERASED_FILE, JSON.stringify({ customers: [...customers].sort() }));
}
