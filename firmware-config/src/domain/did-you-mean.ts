/** Edit distance between two words (insertions, deletions, substitutions, swaps). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known word a typo most likely meant, or null when none is close: by default within a
 * fifth of the word's length (at least 2 edits), ignoring case and `_`/`-` so that
 * `measured_power_dbm` finds `measuredPowerDbm`. Ids that share a long prefix pass a
 * small `maxEdits`, or every zone would look like a typo of every other.
 */
export function didYouMean(
  word: string,
  known: readonly string[],
  { maxEdits = Math.max(2, Math.floor(word.length / 5)) }: { maxEdits?: number } = {},
): string | null {
  const normal = (s: string) => s.toLowerCase().replaceAll(/[_-]/g, '');
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(normal(word), normal(candidate));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return null;
  return best.distance <= maxEdits ? best.candidate : null;
}
