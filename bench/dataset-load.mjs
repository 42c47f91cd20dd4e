// Times loading a dataset split in headless Chromium through the browser worker's code path (web/src/main/ui/
// worker.js and datasets/): first with an empty Cache API (download, SHA-256 check, store), then again (from the
// Cache API), against a running server. The "program" the worker runs is a small ES module that asks
// backpropDatasets for the manifest and then every shard of the split in order, as a program reading the split
// does; it reads each shard's example count from its header and touches no pixels, so the figures are the
// data's way in, not decoding. Prints one JSON object.
// Usage: node bench/dataset-load.mjs [base-url] [email] [password] [dataset] [split]
//   defaults: http://localhost:8080 student01@demo.backprop.dev backprop-demo fashion_mnist train
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl = 'http://localhost:8080', email = 'student01@demo.backprop.dev', password = 'backprop-demo',
  dataset = 'fashion_mnist', split = 'train'] = process.argv.slice(2);

// The worker imports this module and calls main([]); it ends the run itself, as TeaVM's runtime does.
const PROGRAM = `
export async function main() {
  const started = performance.now();
  try {
    const manifest = JSON.parse(await self.backpropDatasets.manifest(${JSON.stringify(dataset)}));
    const shards = manifest.splits.find((s) => s.name === ${JSON.stringify(split)}).shards;
    let examples = 0;
    let bytes = 0;
    for (const shard of shards) {
      const data = await self.backpropDatasets.shard(shard.sha256);
      examples += new DataView(data.buffer, data.byteOffset).getInt32(8, true);
      bytes += data.length;
    }
    const ms = performance.now() - started;
    self.$rt_putStdoutCustom(JSON.stringify({ version: manifest.version, shards: shards.length, examples, bytes, ms }));
    self.backpropExit(0);
  } catch (error) {
    self.$rt_putStderrCustom(String(error.message ?? error));
    self.backpropExit(1);
  }
}`;

/** Runs PROGRAM in the page's worker; resolves to its report and the progress messages it posted. */
async function runInWorker(page, context) {
  return page.evaluate(({ js, context }) => new Promise((resolve) => {
    const worker = new Worker('/app/worker.js', { type: 'module' });
    const out = { stdout: '', stderr: '', progress: 0 };
    worker.onmessage = ({ data }) => {
      if (data.type === 'exit') {
        worker.terminate();
        resolve({ ...out, code: data.code });
      } else if (data.type === 'progress') {
        out.progress++;
      } else if (data.type === 'stdout' || data.type === 'stderr') {
        out[data.type] += data.text;
      }
    };
    worker.postMessage({ js, datasets: context });
  }), { js: PROGRAM, context });
}

const profile = mkdtempSync(join(tmpdir(), 'dataset-load-bench-'));
// A profile on disk, as a student's browser has: the Cache API then writes the shards to disk.
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run'],
});
try {
  const page = browser.pages()[0] ?? await browser.newPage();
  let shardRequests = 0;
  browser.on('request', (request) => { shardRequests += request.url().includes('/api/datasets/shards/') ? 1 : 0; });
  await page.goto(baseUrl);
  const context = await page.evaluate(async ({ email, password, dataset }) => {
    const login = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!login.ok) {
      throw new Error(`sign-in answered ${login.status}`);
    }
    for (const course of (await (await fetch('/api/courses?size=200')).json()).items) {
      const datasets = await (await fetch(`/api/courses/${course.id}/datasets`)).json();
      if (datasets.some((d) => d.name === dataset)) {
        await caches.delete('backprop-datasets-v1');
        return { courseId: course.id, staffView: course.myRole !== 'STUDENT',
          available: datasets.map((d) => ({ name: d.name, version: d.version, createdAt: d.createdAt })) };
      }
    }
    throw new Error(`no course of ${email} has the dataset ${dataset}`);
  }, { email, password, dataset });

  const runs = [];
  for (const label of ['first', 'second']) {
    shardRequests = 0;
    const started = Date.now();
    const run = await runInWorker(page, context);
    if (run.code !== 0) {
      throw new Error(`the ${label} load failed: ${run.stderr}`);
    }
    runs.push({ label, wallMs: Date.now() - started, shardRequests, progressMessages: run.progress,
      ...JSON.parse(run.stdout) });
  }
  const [first, second] = runs;
  const mb = first.bytes / 1048576;
  console.log(JSON.stringify({
    dataset: `${dataset} ${first.version}`,
    split,
    examples: first.examples,
    shards: first.shards,
    megabytes: Number(mb.toFixed(1)),
    chromium: browser.browser()?.version() ?? 'unknown',
    firstLoad: { ms: Math.round(first.ms), megabytesPerSecond: Number((mb / (first.ms / 1000)).toFixed(1)),
      shardRequests: first.shardRequests, progressMessages: first.progressMessages },
    secondLoad: { ms: Math.round(second.ms), megabytesPerSecond: Number((mb / (second.ms / 1000)).toFixed(1)),
      shardRequests: second.shardRequests, progressMessages: second.progressMessages },
  }, null, 2));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
