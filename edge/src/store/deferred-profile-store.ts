import type { LocalProfileStore } from './local-profile-store.ts';

export interface DeferredProfileStoreOptions {
  /** Told once if the store cannot be opened; the edge then runs on the cloud alone. */
  onOpenFailed?: (error: unknown) => void;
}

/**
 * A store that is still opening (a first PGlite start takes seconds). The edge starts at
 * once: until the store is open, lookups find nothing and go to the cloud; writes wait.
 */
export function createDeferredProfileStore(
  opening: Promise<LocalProfileStore>,
  { onOpenFailed = () => {} }: DeferredProfileStoreOptions = {},
): LocalProfileStore {
  let ready: LocalProfileStore | null = null;
  const settled = opening.then(
    (store) => {
      ready = store;
      return store;
    },
    (error: unknown) => {
      onOpenFailed(error);
      return null;
    },
  );
  async function opened(): Promise<LocalProfileStore> {
    const store = await settled;
    if (store === null) throw new Error('the local profile store could not be opened');
    return store;
  }
  return {
    get: async (customerId) => (ready === null ? null : ready.get(customerId)),
    consentOf: async (customerId) => (ready === null ? null : ready.consentOf(customerId)),
    applySync: async (batch, at) => (await opened()).applySync(batch, at),
    // A check-in never waits for the store to open: these writes are queued behind it.
    putFetched: async (profile, at) => {
      if (ready !== null) return ready.putFetched(profile, at);
      void settled.then((store) => store?.putFetched(profile, at)).catch(() => {});
    },
    noteVisit: async (customerId, at) => {
      if (ready !== null) return ready.noteVisit(customerId, at);
      void settled.then((store) => store?.noteVisit(customerId, at)).catch(() => {});
    },
    forget: async (customerId) => {
      if (ready !== null) return ready.forget(customerId);
      void settled.then((store) => store?.forget(customerId)).catch(() => {});
    },
    pruneExpired: async (now) => (ready === null ? [] : ready.pruneExpired(now)),
    search: async (query, limit) => (ready === null ? [] : ready.search(query, limit)),
    watermark: async () => (await opened()).watermark(),
    count: async () => (ready === null ? 0 : ready.count()),
    close: async () => {
      // Stopping never waits for a first open (seconds): the store closes once it is open.
      if (ready === null) {
        void settled.then((store) => store?.close());
        return;
      }
      await ready.close();
    },
  };
}
