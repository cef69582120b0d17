import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  organisationJwksSchema,
  passRevocationSchema,
  ticketRevocationSchema,
} from '@vitrine/shared';
import { z } from 'zod';
import { replaceFileAtomically } from '../store/json-lines-file.ts';

/**
 * What the edge keeps to verify passes and signed QR codes with no cloud: keys, revoked
 * passes and tickets, and each feed's watermark. A file written before tickets existed
 * loads with none.
 */
export const identityStateSchema = z.object({
  jwks: organisationJwksSchema,
  revocations: z.array(passRevocationSchema),
  watermark: z.number().int().nonnegative(),
  ticketRevocations: z.array(ticketRevocationSchema).default([]),
  ticketWatermark: z.number().int().nonnegative().default(0),
  syncedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type IdentityState = z.infer<typeof identityStateSchema>;

export const EMPTY_IDENTITY_STATE: IdentityState = {
  jwks: { keys: [] },
  revocations: [],
  watermark: 0,
  ticketRevocations: [],
  ticketWatermark: 0,
  syncedAt: null,
};

export type IdentityFileRead =
  | { outcome: 'loaded'; state: IdentityState }
  | { outcome: 'absent' }
  | { outcome: 'invalid'; detail: string };

export interface IdentityFile {
  readonly path: string;
  read(): Promise<IdentityFileRead>;
  /** Replaces the file atomically: a crash leaves the old state or the new, never half. */
  write(state: IdentityState): Promise<void>;
}

const FILE = 'identity.json';

export function createIdentityFile(dir: string): IdentityFile {
  const path = join(dir, FILE);
  return {
    path,
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
          return { outcome: 'absent' };
        }
        throw error;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { outcome: 'invalid', detail: 'not JSON' };
      }
      const parsed = identityStateSchema.safeParse(json);
      return parsed.success
        ? { outcome: 'loaded', state: parsed.data }
        : { outcome: 'invalid', detail: parsed.error.message };
    },
    write: (state) => replaceFileAtomically(dir, FILE, JSON.stringify(state)),
  };
}
