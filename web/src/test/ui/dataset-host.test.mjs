import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { resolveDataset } from '../../main/ui/datasets/names.js';
import { createDatasetHost } from '../../main/ui/datasets/host.js';
import { DownloadProgress } from '../../main/ui/datasets/progress.js';
import { HIDDEN_SPLIT, SIGN_IN, SIGNED_OUT } from '../../main/ui/datasets/errors.js';

const ORIGIN = 'http://backprop.test';
const AVAILABLE = [
  { name: 'fashion_mnist', version: '1.0.0', createdAt: '2025-01-01T00:00:00Z' },
  { name: 'fashion_mnist', version: '0.9.0', createdAt: '2025-02-01T00:00:00Z' },
  { name: 'mnist', version: '1.0.0', createdAt: '2025-01-01T00:00:00Z' },
];

test('a name without version means the newest import, not the highest version', () => {
  assert.deepEqual(resolveDataset('fashion_mnist', AVAILABLE), { name: 'fashion_mnist', version: '0.9.0' });
  assert.deepEqual(resolveDataset('fashion_mnist:1.0.0', AVAILABLE), { name: 'fashion_mnist', version: '1.0.0' });
});

test('an unknown name or version says what the course has', () => {
  assert.throws(() => resolveDataset('fashion_mnst', AVAILABLE), { message: 'The course has no dataset fashion_mnst;'
    + ' it has fashion_mnist 1.0.0, fashion_mnist 0.9.0, mnist 1.0.0.' });
  assert.throws(() => resolveDataset('mnist:2.0.0', AVAILABLE), /no dataset mnist 2.0.0; it has/);
  assert.throws(() => resolveDataset('mnist', []), { message: 'The course has no dataset mnist; it has none yet.' });
});

test('progress counts stored shards as loaded and is throttled between chunks', () => {
  const posted = [];
  let time = 0;
  const progress = new DownloadProgress((m) => posted.push(m), () => time);
  progress.start('d/train', { dataset: 'd 1', split: 'train', totalBytes: 100, storedBytes: 40 });
  progress.add('d/train', 10);
  time = 150;
  progress.add('d/train', 10);
  progress.add('d/train', 40);
  assert.deepEqual(posted.map((m) => m.loadedBytes), [40, 60, 100]);
  progress.start('d/test', { dataset: 'd 1', split: 'test', totalBytes: 100, storedBytes: 0 });
  progress.add('d/test', 30);
  progress.flush();
  assert.deepEqual(posted.slice(-2).map((m) => [m.split, m.loadedBytes]), [['train', 100], ['test', 30]],
    'flush posts what throttling held back');
  assert.deepEqual(posted[0], { type: 'progress', dataset: 'd 1', split: 'train', loadedBytes: 40, totalBytes: 100 });
});

/** A server with one dataset, its train split in two shards and a hidden test split; counts requests. */
function fakeServer({ corrupt = false, status = {} } = {}) {
  const shards = { a: bytes(1000, 1), b: bytes(500, 2) };
  const hashes = Object.fromEntries(Object.entries(shards).map(([k, v]) => [k, sha(v)]));
  const manifest = JSON.stringify({
    format: 'backprop-dataset-v1', name: 'mnist', version: '1.0.0', imageShape: [28, 28, 1], classNames: ['0'],
    splits: [
      { name: 'train', examples: 3, hidden: false, shards: [
        { sha256: hashes.a, bytes: 1000, examples: 2 }, { sha256: hashes.b, bytes: 500, examples: 1 }] },
      { name: 'test', examples: 1, hidden: true, shards: [] },
    ],
  });
  const requests = [];
  const fetchFn = async (url) => {
    const path = url.slice(ORIGIN.length);
    requests.push(path);
    if (status[path]) {
      return new Response(JSON.stringify({ detail: 'from the server' }), { status: status[path] });
    }
    if (path === '/api/courses/7/datasets/mnist/1.0.0/manifest') {
      return new Response(manifest);
    }
    const key = Object.keys(hashes).find((k) => path === `/api/datasets/shards/${hashes[k]}`);
    if (key) {
      const body = corrupt ? bytes(shards[key].length, 9) : shards[key];
      return new Response(body, { headers: { 'Content-Length': String(body.length) } });
    }
    return new Response('{}', { status: 404 });
  };
  return { fetchFn, requests, hashes, shards };
}

function bytes(n, seed) {
  return Uint8Array.from({ length: n }, (_, i) => (i * seed) % 251);
}

function sha(data) {
  return createHash('sha256').update(data).digest('hex');
}

class MapCache {
  entries = new Map();
  async match(key) {
    const stored = this.entries.get(String(key));
    return stored && new Response(stored);
  }
  async put(key, response) {
    this.entries.set(String(key), new Uint8Array(await response.arrayBuffer()));
  }
  async delete(key) {
    return this.entries.delete(String(key));
  }
}

function host(server, cache, posted = []) {
  return createDatasetHost({
    context: { courseId: 7, staffView: false, available: [{ name: 'mnist', version: '1.0.0', createdAt: 'x' }] },
    cache, fetchFn: server.fetchFn, origin: ORIGIN, post: (m) => posted.push(m), now: () => 0,
  });
}

test('a second run reads manifest and shards from the cache and downloads nothing', async () => {
  const server = fakeServer();
  const cache = new MapCache();
  const posted = [];
  const first = host(server, cache, posted);
  const manifest = JSON.parse(await first.manifest('mnist'));
  assert.equal(manifest.splits[0].shards.length, 2);
  assert.deepEqual(await first.shard(server.hashes.a), server.shards.a);
  assert.deepEqual(await first.shard(server.hashes.b), server.shards.b);
  assert.equal(server.requests.length, 3);
  const progress = posted.filter((m) => m.type === 'progress');
  assert.deepEqual(progress[0], { type: 'progress', dataset: 'mnist 1.0.0', split: 'train', loadedBytes: 0,
    totalBytes: 1500 });
  assert.equal(progress.at(-1).loadedBytes, 1500);

  const second = host(server, cache, posted.splice(0));
  await second.manifest('mnist:1.0.0');
  assert.deepEqual(await second.shard(server.hashes.b), server.shards.b);
  assert.equal(server.requests.length, 3, 'nothing downloaded again');
  assert.deepEqual(posted, [], 'no progress for a split that is stored');
});

test('progress starts from the shards already stored', async () => {
  const server = fakeServer();
  const cache = new MapCache();
  const first = host(server, cache);
  await first.manifest('mnist');
  await first.shard(server.hashes.a);
  const posted = [];
  const second = host(server, cache, posted);
  await second.manifest('mnist');
  await second.shard(server.hashes.b);
  assert.deepEqual(posted.map((m) => m.loadedBytes), [1000, 1500]);
});

test('a shard asked for twice at once downloads once', async () => {
  const server = fakeServer();
  const datasets = host(server, new MapCache());
  await datasets.manifest('mnist');
  await Promise.all([datasets.shard(server.hashes.a), datasets.shard(server.hashes.a)]);
  assert.equal(server.requests.filter((p) => p.includes(server.hashes.a)).length, 1);
});

test('a damaged download is refused and not stored', async () => {
  const server = fakeServer({ corrupt: true });
  const cache = new MapCache();
  const datasets = host(server, cache);
  await datasets.manifest('mnist');
  await assert.rejects(datasets.shard(server.hashes.a), /shard of mnist 1.0.0 \(train\) arrived damaged/);
  assert.equal(cache.entries.size, 1, 'only the manifest is stored');
});

test('HTTP failures become messages a student can act on', async () => {
  const manifestPath = '/api/courses/7/datasets/mnist/1.0.0/manifest';
  await assert.rejects(host(fakeServer({ status: { [manifestPath]: 401 } }), new MapCache()).manifest('mnist'),
    { message: SIGNED_OUT });
  await assert.rejects(host(fakeServer({ status: { [manifestPath]: 404 } }), new MapCache()).manifest('mnist'),
    /The server does not have the dataset mnist 1.0.0 \(any more\): from the server/);
  const hashes = fakeServer().hashes;
  const hidden = fakeServer({ status: { [`/api/datasets/shards/${hashes.a}`]: 403 } });
  const datasets = host(hidden, new MapCache());
  await datasets.manifest('mnist');
  await assert.rejects(datasets.shard(hidden.hashes.a), { message: HIDDEN_SPLIT });
  const offline = createDatasetHost({
    context: { courseId: 7, staffView: false, available: [{ name: 'mnist', version: '1.0.0' }] },
    cache: new MapCache(), fetchFn: async () => { throw new TypeError('Failed to fetch'); }, origin: ORIGIN,
    post: () => {},
  });
  await assert.rejects(offline.manifest('mnist'), /The server cannot be reached, so the dataset mnist 1.0.0 could not/);
});

test('a shard the server lacks makes the next run read the manifest afresh', async () => {
  const hashes = fakeServer().hashes;
  const server = fakeServer({ status: { [`/api/datasets/shards/${hashes.a}`]: 404 } });
  const cache = new MapCache();
  const datasets = host(server, cache);
  await datasets.manifest('mnist');
  assert.equal(cache.entries.size, 1);
  await assert.rejects(datasets.shard(hashes.a), /does not have a shard of mnist 1.0.0 \(train\)/);
  assert.equal(cache.entries.size, 0);
});

test('a page that is not signed in has no datasets', async () => {
  const datasets = createDatasetHost({ context: null });
  await assert.rejects(datasets.manifest('mnist'), { message: SIGN_IN });
  await assert.rejects(datasets.shard('00'), { message: SIGN_IN });
});

test('students and staff manifests are stored apart', async () => {
  const server = fakeServer();
  const cache = new MapCache();
  await host(server, cache).manifest('mnist');
  assert.deepEqual([...cache.entries.keys()], [`${ORIGIN}/api/courses/7/datasets/mnist/1.0.0/manifest?view=students`]);
});

/** A server with two versions of one pretrained model, served by their SHA-256; counts requests. */
function modelServer({ corrupt = false } = {}) {
  const models = { old: bytes(700, 3), newer: bytes(900, 5) };
  const hashes = Object.fromEntries(Object.entries(models).map(([k, v]) => [k, sha(v)]));
  const requests = [];
  const fetchFn = async (url) => {
    const path = url.slice(ORIGIN.length);
    requests.push(path);
    const key = Object.keys(hashes).find((k) => path === `/api/pretrained/${hashes[k]}`);
    if (key) {
      const body = corrupt ? bytes(models[key].length, 9) : models[key];
      return new Response(body, { headers: { 'Content-Length': String(body.length) } });
    }
    return new Response('{}', { status: 404 });
  };
  const pretrained = [
    { name: 'tiny', version: '1.0.0', sha256: hashes.old, bytes: 700, createdAt: '2025-01-01T00:00:00Z' },
    { name: 'tiny', version: '2.0.0', sha256: hashes.newer, bytes: 900, createdAt: '2025-02-01T00:00:00Z' },
  ];
  return { fetchFn, requests, models, pretrained };
}

function modelHost(server, cache, posted = []) {
  return createDatasetHost({
    context: { courseId: 7, staffView: false, available: [], pretrained: server.pretrained },
    cache, fetchFn: server.fetchFn, origin: ORIGIN, post: (m) => posted.push(m), now: () => 0,
  });
}

test('a pretrained model is downloaded once by its hash, the newest by name, and kept for the next run', async () => {
  const server = modelServer();
  const cache = new MapCache();
  const posted = [];
  assert.deepEqual(await modelHost(server, cache, posted).pretrained('tiny'), server.models.newer);
  assert.deepEqual(await modelHost(server, cache).pretrained('tiny:1.0.0'), server.models.old);
  assert.equal(server.requests.length, 2);
  assert.deepEqual(posted.filter((m) => m.type === 'progress').at(-1), { type: 'progress', dataset: 'tiny 2.0.0',
    split: 'model', loadedBytes: 900, totalBytes: 900 });

  const later = [];
  assert.deepEqual(await modelHost(server, cache, later).pretrained('tiny'), server.models.newer);
  assert.equal(server.requests.length, 2, 'nothing downloaded again');
  assert.deepEqual(later, [], 'no progress for a stored model');
});

test('an unknown pretrained model says what the course has, and a damaged download is not kept', async () => {
  const server = modelServer({ corrupt: true });
  const cache = new MapCache();
  await assert.rejects(modelHost(server, cache).pretrained('vgg16'), { message: 'The course has no pretrained model'
    + ' vgg16; it has tiny 1.0.0, tiny 2.0.0.' });
  await assert.rejects(modelHost(server, cache).pretrained('tiny'), /arrived damaged/);
  assert.equal(cache.entries.size, 0);
});
