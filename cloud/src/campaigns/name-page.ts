import { z } from '@hono/zod-openapi';
import { type AnyColumn, ilike, type SQL, sql } from 'drizzle-orm';
import { ValidationError } from '../errors/app-errors.ts';

/**
 * The one way segments, offers and campaigns are listed: by name then id, a page at a
 * time, the next page after an opaque cursor (keyset: no page drifts when rows are added).
 */
export const namePageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(500).optional(),
  /** Names that contain this, without case. */
  q: z.string().trim().min(1).max(120).optional(),
});
export type NamePageQuery = z.infer<typeof namePageQuerySchema>;

interface NameKey {
  name: string;
  id: string;
}

const cursorSchema = z.tuple([z.string(), z.string()]);

export function encodeNameCursor({ name, id }: NameKey): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeNameCursor(cursor: string): NameKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const key = cursorSchema.safeParse(parsed);
  if (!key.success) {
    throw new ValidationError([{ path: 'cursor', message: 'not a cursor this list gave' }]);
  }
  return { name: key.data[0], id: key.data[1] };
}

/** The filters of a page: after the cursor, names containing `q`. */
export function namePageFilters(
  columns: { name: AnyColumn; id: AnyColumn },
  { cursor, q }: NamePageQuery,
): SQL[] {
  const filters: SQL[] = [];
  if (cursor !== undefined) {
    const after = decodeNameCursor(cursor);
    filters.push(sql`(${columns.name}, ${columns.id}) > (${after.name}, ${after.id})`);
  }
  if (q !== undefined) filters.push(ilike(columns.name, `%${escapeLike(q)}%`));
  return filters;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Rows fetched with `limit + 1` as one page and the cursor of the next. */
export function pageOf<Row extends NameKey, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeNameCursor(last) : null,
  };
}
