import type { z } from 'zod';

/**
 * A value kept in browser storage as JSON, read back through its schema: anything
 * missing, unreadable or no longer matching the schema is nothing (null), as is one whose
 * `expiresAt` (an ISO time) is not after `nowMs`.
 */
export function readStoredJson<T extends z.ZodType>(
  raw: string | null,
  schema: T,
  expiresAt: (value: z.output<T>) => string,
  nowMs: number,
): z.output<T> | null {
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return null;
  if (Date.parse(expiresAt(parsed.data)) <= nowMs) return null;
  return parsed.data;
}
