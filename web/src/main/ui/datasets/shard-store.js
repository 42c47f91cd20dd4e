// Shards in the browser's Cache API, keyed by their URL. A shard is named by its SHA-256 and never changes, so a
// stored copy is good forever; a download is checked against its name before it is stored, so a corrupted or
// truncated transfer never poisons later runs.
import { httpError, networkError } from './errors.js';

export const CACHE_NAME = 'backprop-datasets-v1';

export function shardPath(sha256) {
  return `/api/datasets/shards/${sha256}`;
}

/** Pretrained models' saved-model bytes are named by their SHA-256 as shards are, and kept the same way. */
export function pretrainedPath(sha256) {
  return `/api/pretrained/${sha256}`;
}

/** Returns the lower-case hex SHA-256 of the bytes. */
export async function sha256Hex(bytes, subtle = crypto.subtle) {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class ShardStore {
  /**
   * @param cache an opened Cache (or anything with match and put)
   * @param fetchFn fetch, bound to the worker
   * @param origin the server's origin, e.g. "http://localhost:8080"
   * @param onStoreFailed called with the Error when the browser refuses to keep a shard (its storage is full);
   *        the run goes on with the downloaded bytes
   * @param path the server's path of the bytes with a SHA-256: shardPath, or pretrainedPath for models
   * @param kind 'shard' or 'model', for the messages of refused downloads
   */
  constructor({ cache, fetchFn, origin, onStoreFailed = () => {}, path = shardPath, kind = 'shard' }) {
    this.cache = cache;
    this.fetchFn = fetchFn;
    this.origin = origin;
    this.onStoreFailed = onStoreFailed;
    this.path = path;
    this.kind = kind;
  }

  url(sha256) {
    return this.origin + this.path(sha256);
  }

  /** Whether the shard is stored, without reading it. */
  async has(sha256) {
    return (await this.cache.match(this.url(sha256))) !== undefined;
  }

  /**
   * Returns the shard's bytes, from the cache or else downloaded, checked and stored. {@code what} names it in
   * messages ("a shard of fashion_mnist 1.0.0 (train)"); {@code onBytes(n)} hears of each chunk downloaded.
   */
  async get(sha256, { what = 'a shard', onBytes = () => {} } = {}) {
    const url = this.url(sha256);
    const stored = await this.cache.match(url);
    // Checked when it was stored; hashing it again on every run would cost more than reading it (~0.2 s for 45 MB).
    if (stored !== undefined) {
      return new Uint8Array(await stored.arrayBuffer());
    }
    let response;
    try {
      // no-store: the Cache API copy is the one we keep; a second one in the HTTP cache would only take room.
      response = await this.fetchFn(url, { credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw networkError(what);
    }
    if (!response.ok) {
      throw await httpError(response, what, this.kind);
    }
    const bytes = await readAll(response, onBytes, what);
    if ((await sha256Hex(bytes)) !== sha256) {
      throw new Error(`The download of ${what} arrived damaged (its SHA-256 is not the one the server names), so`
        + ' nothing was stored. Run again to download it afresh.');
    }
    try {
      await this.cache.put(url, new Response(bytes, {
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length) },
      }));
    } catch (error) {
      this.onStoreFailed(error);
    }
    return bytes;
  }
}

/** Reads the body chunk by chunk, so that progress moves during a shard of several MB. */
async function readAll(response, onBytes, what) {
  const expected = Number(response.headers.get('Content-Length'));
  const chunks = [];
  let length = 0;
  try {
    if (response.body == null) {
      const whole = new Uint8Array(await response.arrayBuffer());
      onBytes(whole.length);
      return whole;
    }
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      chunks.push(value);
      length += value.length;
      onBytes(value.length);
    }
  } catch {
    throw networkError(what);
  }
  if (expected > 0 && length !== expected) {
    throw networkError(what);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
