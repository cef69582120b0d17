/**
 * A watermark is the next sequence of the change feed to read (changes with `seq >=` it),
 * plus the last customer sent while a snapshot is paged: `42` or `42:cus_000123`. `0`
 * asks for a snapshot, so a position is always at least 1, even on an empty feed.
 */
export type FeedPosition =
  | { phase: 'snapshot'; sequence: number; after: string | null }
  | { phase: 'delta'; sequence: number };

export function parseWatermark(watermark: string): FeedPosition {
  const [sequenceText = '0', after] = watermark.split(':');
  const sequence = Number(sequenceText);
  if (after !== undefined) return { phase: 'snapshot', sequence, after };
  return sequence === 0
    ? { phase: 'snapshot', sequence: 0, after: null }
    : { phase: 'delta', sequence };
}

export function formatWatermark(position: FeedPosition): string {
  if (position.phase === 'snapshot' && position.after !== null) {
    return `${position.sequence}:${position.after}`;
  }
  return String(position.sequence);
}
