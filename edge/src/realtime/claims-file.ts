import { mkdir, readFile } from 'node:fs/promises';
import { type ArrivalClaim, arrivalClaimSchema } from '@vitrine/shared';
import { z } from 'zod';
import { replaceFile } from '../outbox/ack-file.ts';

/**
 * The claims of the store's recent arrivals, kept across a restart of the edge: an
 * associate who is with a customer stays so. Replaced atomically at every change.
 */
export const CLAIMS_FILE = 'arrival-claims.json';

const claimsFileSchema = z.object({ claims: z.array(arrivalClaimSchema) });

export type ClaimsRead = { ok: true; claims: ArrivalClaim[] } | { ok: false; detail: string };

/** None when the file is missing; `ok: false` with the reason when it is damaged. */
export async function readClaimsFile(dir: string): Promise<ClaimsRead> {
  let text: string;
  try {
    text = await readFile(`${dir}/${CLAIMS_FILE}`, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return { ok: true, claims: [] };
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, detail: `${CLAIMS_FILE} is not JSON` };
  }
  const parsed = claimsFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, detail: parsed.error.message };
  return { ok: true, claims: parsed.data.claims };
}

/** Durable on return. */
export async function writeClaimsFile(dir: string, claims: readonly ArrivalClaim[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await replaceFile(dir, CLAIMS_FILE, JSON.stringify({ claims }));
}
