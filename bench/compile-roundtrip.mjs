// Measures POST /api/compile round trips of the sample program against a running server.
// Usage: node bench/compile-roundtrip.mjs [base-url] [rounds]
//   fresh:  each request differs by a comment, so javac and TeaVM run every time (after 3 warm-ups)
//   cached: the same sources every time, answered from the compile cache
import { readFileSync } from 'node:fs';

const baseUrl = process.argv[2] ?? 'http://localhost:8080';
const rounds = Number(process.argv[3] ?? 20);
const sample = readFileSync(new URL('../web/src/main/ui/samples/Main.java', import.meta.url), 'utf8');
const runId = Date.now();

async function compileOnce(source) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/compile`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mainClass: 'Main', files: { 'Main.java': source } }),
  });
  await response.arrayBuffer();
  if (response.status !== 200) {
    throw new Error(`compile answered ${response.status}`);
  }
  return { ms: performance.now() - started, cache: response.headers.get('backprop-compile-cache') };
}

function summary(label, samples) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const caches = [...new Set(samples.map((s) => s.cache))].join('/');
  console.log(`${label.padEnd(7)} n=${sorted.length}  p50 ${at(0.5).toFixed(0)} ms  p90 ${at(0.9).toFixed(0)} ms`
    + `  min ${sorted[0].toFixed(0)} ms  max ${sorted.at(-1).toFixed(0)} ms  (cache: ${caches})`);
}

for (let i = 0; i < 3; i++) {
  await compileOnce(`${sample}// warm-up ${runId}-${i}\n`);
}
const fresh = [];
for (let i = 0; i < rounds; i++) {
  fresh.push(await compileOnce(`${sample}// fresh ${runId}-${i}\n`));
}
const cached = [];
for (let i = 0; i < rounds; i++) {
  cached.push(await compileOnce(`${sample}// fresh ${runId}-0\n`));
}
summary('fresh', fresh);
summary('cached', cached);
