import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** Where the next unacknowledged record starts: a segment number and a byte offset in it. */
export interface LogPosition {
  segment: number;
  offset: number;
}

const positionSchema = z.object({
  segment: z.number().int().min(0),
  offset: z.number().int().min(0),
});

export const ACK_FILE = 'acked.json';

/** The acknowledged position, or null when there is none (a new log) or it is unreadable. */
export async function readAckFile(dir: string): Promise<LogPosition | null> {
  let text: string;
  try {
    text = await readFile(join(dir, ACK_FILE), 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = positionSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export async function writeAckFile(dir: string, position: LogPosition): Promise<void> {
  await replaceFile(dir, ACK_FILE, JSON.stringify(position));
}

/**
 * Write to a temporary file, fsync it, rename it over the old one, fsync the folder: a
 * crash at any point leaves either the old content or the new one, never a torn file.
 */
export async function replaceFile(dir: string, name: string, text: string): Promise<void> {
  const temporary = join(dir, `${name}.tmp`);
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, join(dir, name));
  await syncFolder(dir);
}

/** Makes a file creation, rename or removal in the folder durable. */
export async function syncFolder(dir: string): Promise<void> {
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
