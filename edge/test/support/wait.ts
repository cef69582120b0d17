/** Polls until `check` returns a value other than undefined; fails with `what` after a while. */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = 5000, intervalMs = 10, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Gives in-flight messages a chance to arrive before asserting that nothing did. */
export function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A unique suffix for store and client ids, so parallel files never share broker state. */
export function uniqueSuffix(): string {
  return `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
