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

/** Recent visitors are customers who bought in the store within this many months. */
export const RECENT_VISIT_MONTHS = 12;

/** The instant before which a purchase no longer makes its customer a recent visitor. */
export function recentVisitCutoff(now: Date, months = RECENT_VISIT_MONTHS): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/** Tiers every edge of the organisation holds, wherever their home store is. */
export const TOP_TIERS = ['gold', 'platinum'] as const;
