import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../api/cloud-client.ts';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; message: string; status: number };

/** Loads again whenever a key changes; an answer that arrives after a newer load is dropped. */
export function useLoad<T>(load: () => Promise<ApiResult<T>>, keys: unknown[]): Load<T> {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    void load().then((answer) => {
      if (!current) return;
      setResult(
        answer.ok
          ? { state: 'ready', data: answer.data }
          : { state: 'failed', message: answer.message, status: answer.status },
      );
    });
    return () => {
      current = false;
    };
  }, keys);
  return result;
}
