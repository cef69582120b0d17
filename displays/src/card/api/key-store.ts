import { type AppKeyPair, appPublicJwkSchema, createAppKeyPair } from '@vitrine/shared';

/**
 * The app's key pair in IndexedDB: the private key is a non-extractable CryptoKey, which
 * IndexedDB keeps by structured clone; its bytes never reach JavaScript, nor storage.
 */
const DB_NAME = 'vitrine-card';
const STORE = 'keys';
const KEY = 'app';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => {
          db.close();
          resolve(request.result as T);
        };
        transaction.onerror = () => {
          db.close();
          reject(transaction.error);
        };
      }),
  );
}

async function readKeyPair(): Promise<AppKeyPair | null> {
  const stored: unknown = await run('readonly', (store) => store.get(KEY));
  if (typeof stored !== 'object' || stored === null) return null;
  const { privateKey, publicJwk } = stored as Record<string, unknown>;
  const jwk = appPublicJwkSchema.safeParse(publicJwk);
  if (!(privateKey instanceof CryptoKey) || !jwk.success) return null;
  return { privateKey, publicJwk: jwk.data };
}

/** This installation's key pair, made (non-extractable) on first use. */
export async function loadOrCreateKeyPair(): Promise<AppKeyPair> {
  const kept = await readKeyPair();
  if (kept) return kept;
  const created = await createAppKeyPair();
  await run('readwrite', (store) => store.put(created, KEY));
  return created;
}

/** Signing out forgets the key: the next customer on this phone gets a key of their own. */
export async function forgetKeyPair(): Promise<void> {
  await run('readwrite', (store) => store.delete(KEY));
}
