import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { engagementCatalogueSchema } from '@vitrine/shared';
import { z } from 'zod';
import { replaceFile } from '../outbox/ack-file.ts';

/**
 * The store's last engagement catalogue as the cloud sent it, with its version and the
 * store's time zone: what the edge decides with after a restart while the cloud is away.
 */
export const storedCatalogueSchema = z.object({
  version: z.string(),
  timeZone: z.string().min(1),
  /** When the edge received it (ms since the epoch). */
  fetchedAt: z.number(),
  catalogue: engagementCatalogueSchema,
});
export type StoredCatalogue = z.infer<typeof storedCatalogueSchema>;

export type CatalogueFileRead =
  | { outcome: 'loaded'; stored: StoredCatalogue }
  | { outcome: 'absent' }
  | { outcome: 'invalid'; detail: string };

const FILE = 'catalogue.json';

export interface CatalogueFile {
  read(): Promise<CatalogueFileRead>;
  /** Replaces the file atomically: a crash leaves the old catalogue or the new one. */
  write(stored: StoredCatalogue): Promise<void>;
}

export function createCatalogueFile(dir: string): CatalogueFile {
  return {
    async read() {
      const text = await readJsonText(join(dir, FILE));
      if (text === null) return { outcome: 'absent' };
      const parsed = storedCatalogueSchema.safeParse(parseJson(text));
      return parsed.success
        ? { outcome: 'loaded', stored: parsed.data }
        : { outcome: 'invalid', detail: parsed.error.message };
    },
    async write(stored) {
      await mkdir(dir, { recursive: true });
      await replaceFile(dir, FILE, JSON.stringify(stored));
    },
  };
}

/** The file's text, or null when there is none yet. */
export async function readJsonText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** Parsed JSON, or undefined (which no schema accepts) for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
