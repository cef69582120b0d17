/** Lines a test writes while a reader awaits them: a recording still being written. */
export function lineChannel() {
  const queued: string[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  return {
    push(line: string) {
      queued.push(line);
      wake?.();
    },
    close() {
      closed = true;
      wake?.();
    },
    async *[Symbol.asyncIterator](): AsyncIterator<string> {
      for (;;) {
        const line = queued.shift();
        if (line !== undefined) {
          yield line;
          continue;
        }
        if (closed) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    },
  };
}
