// Opens the Cache API store for datasets, or a stand-in that keeps nothing where the browser offers none: the
// Cache API exists only in secure contexts (https, or http on localhost), and a page served over plain http
// elsewhere must still run programs, downloading the data each time.
import { CACHE_NAME } from './shard-store.js';

const NO_CACHE = { match: async () => undefined, put: async () => {}, delete: async () => false };

/** Returns the opened Cache, or a stand-in that stores nothing. */
export async function openDatasetCache(scope = globalThis) {
  if (typeof scope.caches === 'undefined') {
    return NO_CACHE;
  }
  try {
    return await scope.caches.open(CACHE_NAME);
  } catch {
    // e.g. storage disabled by the browser's settings
    return NO_CACHE;
  }
}
