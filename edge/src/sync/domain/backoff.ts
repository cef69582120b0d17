export interface BackoffOptions {
  /** The delay after the first failure. */
  baseMs?: number;
  /** The delay never grows past this. */
  maxMs?: number;
}

/**
 * How long to wait after `failures` consecutive failures: doubling from `baseMs`, capped
 * at `maxMs`, scaled by `jitter` in [0.5, 1] so that edges restarted together spread out.
 */
export function retryDelay(
  failures: number,
  jitter: number,
  { baseMs = 1_000, maxMs = 5 * 60_000 }: BackoffOptions = {},
): number {
  const exponent = Math.max(0, failures - 1);
  const raw = Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
  const spread = 0.5 + 0.5 * Math.min(1, Math.max(0, jitter));
  return Math.round(raw * spread);
}
