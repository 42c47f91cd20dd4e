// The object a program finds as globalThis.backpropDatasets (docs/datasets.md, docs/pretrained.md): manifests and
// shards of the course's datasets and its pretrained models' bytes, from the browser's Cache API when a run before
// stored them, else from the server.
import { resolveDataset, resolveNamed } from './names.js';
import { SIGN_IN, httpError, networkError } from './errors.js';
import { DownloadProgress } from './progress.js';
import { ShardStore, pretrainedPath } from './shard-store.js';

/**
 * @param context null when the page is not signed in, else {courseId, staffView, available: [{name, version,
 *        createdAt}], pretrained: [{name, version, sha256, bytes, createdAt}]}: the course the page runs for, its
 *        datasets and its pretrained models; or {problem}, the reason there are none
 * @param cache an opened Cache
 * @param fetchFn fetch
 * @param origin the server's origin
 * @param post posts a message to the page (progress, notices)
 */
export function createDatasetHost({ context, cache, fetchFn, origin, post, now }) {
  if (context == null || context.problem) {
    const refuse = () => Promise.reject(new Error(context?.problem ?? SIGN_IN));
    return { manifest: refuse, shard: refuse, pretrained: refuse, flushProgress: () => {} };
  }
  const store = new ShardStore({
    cache,
    fetchFn,
    origin,
    onStoreFailed: () => post({ type: 'notice', text: 'The browser has no room left to keep the dataset, so the'
      + ' next run downloads it again. Free some disk space or site storage to keep it.' }),
  });
  const models = new ShardStore({
    cache,
    fetchFn,
    origin,
    path: pretrainedPath,
    kind: 'model',
    onStoreFailed: () => post({ type: 'notice', text: 'The browser has no room left to keep the pretrained model,'
      + ' so the next run downloads it again. Free some disk space or site storage to keep it.' }),
  });
  const progress = new DownloadProgress(post, now);
  const manifests = new Map(); // cache key -> Promise of the manifest's text
  const shardsByHash = new Map(); // sha256 -> {dataset, split, key, shards} of the manifests read so far
  const splitsStarted = new Map(); // split key -> Promise that resolves once progress counts the split
  const shardsInFlight = new Map(); // sha256 -> Promise of its bytes, so that a shard asked twice loads once

  function manifest(requested) {
    let dataset;
    try {
      dataset = resolveDataset(requested, context.available);
    } catch (error) {
      return Promise.reject(error);
    }
    const path = `/api/courses/${context.courseId}/datasets/${encodeURIComponent(dataset.name)}/`
      + `${encodeURIComponent(dataset.version)}/manifest`;
    // Staff see the hidden split's shards, students do not: the two views are stored apart, so that a TA's
    // manifest never answers a student using the same browser.
    const key = `${origin}${path}?view=${context.staffView ? 'staff' : 'students'}`;
    if (!manifests.has(key)) {
      const loading = readManifest(origin + path, key, `the dataset ${dataset.name} ${dataset.version}`).then((text) => {
        index(JSON.parse(text), `${dataset.name} ${dataset.version}`, key);
        return text;
      });
      loading.catch(() => manifests.delete(key));
      manifests.set(key, loading);
    }
    return manifests.get(key);
  }

  /** A version never changes once imported, so its manifest is stored like a shard and read once per browser. */
  async function readManifest(url, key, what) {
    const stored = await cache.match(key);
    if (stored !== undefined) {
      return stored.text();
    }
    let response;
    try {
      response = await fetchFn(url, { credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw networkError(what);
    }
    if (!response.ok) {
      throw await httpError(response, what, 'manifest');
    }
    const text = await response.text();
    await cache.put(key, new Response(text, { headers: { 'Content-Type': 'application/json' } })).catch(() => {});
    return text;
  }

  function index(parsed, dataset, manifestKey) {
    for (const split of parsed.splits ?? []) {
      const key = `${dataset}/${split.name}`;
      for (const shard of split.shards ?? []) {
        shardsByHash.set(shard.sha256, { dataset, split: split.name, key, shards: split.shards, manifestKey });
      }
    }
  }

  function shard(sha256) {
    const hash = String(sha256);
    if (!shardsInFlight.has(hash)) {
      const loading = loadShard(hash).finally(() => shardsInFlight.delete(hash));
      shardsInFlight.set(hash, loading);
    }
    return shardsInFlight.get(hash);
  }

  async function loadShard(sha256) {
    const where = shardsByHash.get(sha256);
    if (where === undefined) {
      return store.get(sha256, { what: `the shard ${sha256.slice(0, 12)}…` });
    }
    await startSplit(where);
    try {
      return await store.get(sha256, {
        what: `a shard of ${where.dataset} (${where.split})`,
        onBytes: (n) => progress.add(where.key, n),
      });
    } catch (error) {
      if (error.status === 404) {
        // Versions never change, but a server whose data was wiped may have imported other data under the same
        // name: forget the stored manifest, so that the next run reads the server's.
        await cache.delete(where.manifestKey).catch(() => {});
      }
      throw error;
    }
  }

  /** Counts a split for progress the first time one of its shards is asked for, if any of them must download. */
  function startSplit(where) {
    if (!splitsStarted.has(where.key)) {
      splitsStarted.set(where.key, (async () => {
        const stored = await Promise.all(where.shards.map((s) => store.has(s.sha256)));
        const totalBytes = sum(where.shards);
        const storedBytes = sum(where.shards.filter((_, i) => stored[i]));
        if (storedBytes < totalBytes) {
          progress.start(where.key, { dataset: where.dataset, split: where.split, totalBytes, storedBytes });
        }
      })());
    }
    return splitsStarted.get(where.key);
  }

  /** A pretrained model's bytes by name, kept by their SHA-256 like a shard: a second run downloads nothing. */
  async function pretrained(requested) {
    const model = resolveNamed(requested, context.pretrained ?? [], 'pretrained model');
    const key = `pretrained/${model.name}/${model.version}`;
    if (!(await models.has(model.sha256))) {
      progress.start(key, { dataset: `${model.name} ${model.version}`, split: 'model', totalBytes: model.bytes,
        storedBytes: 0 });
    }
    return models.get(model.sha256, {
      what: `the pretrained model ${model.name} ${model.version}`,
      onBytes: (n) => progress.add(key, n),
    });
  }

  return { manifest, shard, pretrained, flushProgress: () => progress.flush() };
}

function sum(shards) {
  return shards.reduce((total, s) => total + s.bytes, 0);
}
