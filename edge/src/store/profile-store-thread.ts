import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import type { LocalProfileStore } from './local-profile-store.ts';
import { openPgliteProfileStore } from './pglite-profile-store.ts';
import type { StoreReply } from './worker-profile-store.ts';

const port = parentPort;
if (port === null) throw new Error('the profile store thread runs as a worker');
const { dataDir } = z.object({ dataDir: z.string().min(1) }).parse(workerData);
const callSchema = z.object({ id: z.number(), method: z.string(), args: z.array(z.unknown()) });

function reply(message: StoreReply) {
  port?.postMessage(message);
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

let store: LocalProfileStore;
try {
  store = await openPgliteProfileStore({ dataDir });
} catch (error) {
  reply({ kind: 'failed', message: describe(error) });
  throw error;
}
reply({ kind: 'ready' });

port.on('message', async (message: unknown) => {
  const call = callSchema.safeParse(message);
  if (!call.success) return;
  const { id, method, args } = call.data;
  const run: unknown = Reflect.get(store, method);
  if (typeof run !== 'function') {
    reply({ kind: 'result', id, ok: false, message: `the store has no method ${method}` });
    return;
  }
  try {
    const value: unknown = await run.apply(store, args);
    reply({ kind: 'result', id, ok: true, value });
    if (method === 'close') port.close();
  } catch (error) {
    reply({ kind: 'result', id, ok: false, message: describe(error) });
  }
});
