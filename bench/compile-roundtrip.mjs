// Measures POST /api/compile round trips of the sample program against a running server, signed in as a
// demo account (compiling needs one).
// Usage: node bench/compile-roundtrip.mjs [base-url] [rounds] [email] [password]
//   fresh:  each request differs by a comment, so javac and TeaVM run every time (after 3 warm-ups)
//   cached: the same sources every time, answered from the compile cache
// The server allows 30 fresh compiles per account and minute (backprop.compile.rate-per-account); a 429 is
// waited out as its Retry-After says, outside the measured time, and counted.
import { readFileSync } from 'node:fs';

const baseUrl = process.argv[2] ?? 'http://localhost:8080';
const rounds = Number(process.argv[3] ?? 20);
const email = process.argv[4] ?? 'student01@demo.backprop.dev';
const password = process.argv[5] ?? 'backprop-demo';
const sample = readFileSync(new URL('../web/src/main/ui/samples/Main.java', import.meta.url), 'utf8');
const runId = Date.now();
let throttled = 0;

const login = await fetch(`${baseUrl}/api/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email, password }),
});
if (login.status !== 200) {
  throw new Error(`signing in as ${email} answered ${login.status}: ${await login.text()}`);
}
const session = {
  Cookie: login.headers.get('set-cookie').split(';')[0],
  'X-CSRF-Token': (await login.json()).csrfToken,
};

async function compileOnce(source) {
  for (;;) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/compile`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...session },
      body: JSON.stringify({ mainClass: 'Main', files: { 'Main.java': source } }),
    });
    await response.arrayBuffer();
    if (response.status === 429) {
      throttled++;
      await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after'))));
      continue;
    }
    if (response.status !== 200) {
      throw new Error(`compile answered ${response.status}`);
    }
    return { ms: performance.now() - started, cache: response.headers.get('backprop-compile-cache') };
  }
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
if (throttled > 0) {
  console.log(`waited out the compile rate limit ${throttled} time(s); those waits are not in the figures`);
}
