import { z } from '@hono/zod-openapi';

/** The OpenAPI `content` of a JSON body or response described by a zod schema. */
export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** A feed read by watermark: the rows after `since`, at most `limit` of them. */
export const watermarkFeedQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/**
 * One page of a watermark feed: its items oldest first, the watermark to ask from next
 * (unchanged when the page is empty), and whether a full page suggests more behind it.
 */
export function watermarkFeedPage<Row extends { seq: number }, Item>(
  rows: readonly Row[],
  { since, limit }: { since: number; limit: number },
  toItem: (row: Row) => Item,
) {
  return {
    items: rows.map(toItem),
    watermark: rows.at(-1)?.seq ?? since,
    hasMore: rows.length === limit,
  };
}
