// The thread that holds the edge's PGlite store (see worker-profile-store.ts). The store's
// code is TypeScript: the loader is registered here, as the edge's own thread has it.
import { register } from 'tsx/esm/api';

register();
await import('./profile-store-thread.ts');
