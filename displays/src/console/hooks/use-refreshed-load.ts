import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../api/cloud-client.ts';
import type { Load } from './use-load.ts';

export type RefreshedLoad<T> = Load<T> & {
  /** When the shown data was loaded (null before the first answer). */
  loadedAt: Date | null;
};

/**
 * Loads now and again every `everyMs`. The last answer stays on screen while the next one
 * is awaited (no flash of "loading"); a failure replaces it until a later load succeeds.
 */
export function useRefreshedLoad<T>(
  load: () => Promise<ApiResult<T>>,
  { everyMs, now }: { everyMs: number; now: () => Date },
): RefreshedLoad<T> {
  const [result, setResult] = useState<RefreshedLoad<T>>({ state: 'loading', loadedAt: null });
  useEffect(() => {
    let current = true;
    const reload = () =>
      void load().then((answer) => {
        if (!current) return;
        setResult((before) =>
          answer.ok
            ? { state: 'ready', data: answer.data, loadedAt: now() }
            : {
                state: 'failed',
                message: answer.message,
                status: answer.status,
                loadedAt: before.loadedAt,
              },
        );
      });
    reload();
    const timer = setInterval(reload, everyMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [everyMs]);
  return result;
}
