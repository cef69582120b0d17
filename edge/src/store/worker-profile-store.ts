import { Worker } from 'node:worker_threads';
import type { LocalProfileStore } from './local-profile-store.ts';

export interface OpenWorkerProfileStoreOptions {
  /** The folder of the PGlite database; created when missing. */
  dataDir: string;
}

/** What the store's thread answers: once opened (or not), then one result per call. */
export type StoreReply =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; message: string };

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * The PGlite store on a thread of its own. PGlite runs its queries on the thread that
 * calls it, synchronously inside WebAssembly: a snapshot page of profiles would stall the
 * edge's event loop (the broker, the sockets) for as long as it is written. Here the edge
 * only posts each call (a method of LocalProfileStore and its arguments) and takes the
 * answer; the calls run in the order they were made.
 */
export function openWorkerProfileStore({
  dataDir,
}: OpenWorkerProfileStoreOptions): Promise<LocalProfileStore> {
  const worker = new Worker(new URL('./profile-store-worker.mjs', import.meta.url), {
    workerData: { dataDir },
  });
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let broken: Error | null = null;

  function fail(error: Error) {
    broken ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  }

  function call(method: string, args: unknown[]): Promise<unknown> {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  }

  async function close() {
    if (broken === null) await call('close', []);
    fail(new Error('the local profile store is closed'));
    await worker.terminate();
  }

  // Every method of the store is a call to its thread, whatever the interface holds: the
  // thread refuses a name its store does not have. Not a thenable: it is resolved as is.
  const remote = new Proxy(
    {},
    {
      get: (_target, method) => {
        if (method === 'close') return close;
        if (typeof method !== 'string' || method === 'then') return undefined;
        return (...args: unknown[]) => call(method, args);
      },
    },
  ) as LocalProfileStore;

  return new Promise((resolve, reject) => {
    worker.on('message', (reply: StoreReply) => {
      if (reply.kind === 'ready') resolve(remote);
      else if (reply.kind === 'failed') reject(new Error(reply.message));
      else {
        const pending = waiting.get(reply.id);
        waiting.delete(reply.id);
        if (reply.ok) pending?.resolve(reply.value);
        else pending?.reject(new Error(reply.message));
      }
    });
    worker.once('error', (error) => {
      fail(error);
      reject(error);
    });
    worker.once('exit', (code) => {
      const error = new Error(`the local profile store thread exited with ${code}`);
      fail(error);
      reject(error);
    });
  });
}
