// Deadline rush: many students submitting at once against a Backprop server on loopback, then a check
// that every acknowledged submission is stored with the acknowledged hash (each file downloaded again).
// Starts the server itself from the built jar (demo profile, embedded PostgreSQL, a fresh home folder), so
// that the "crash" mode can kill it with SIGKILL in the middle of the rush and start it again.
//
// Usage, from the repository root, after `mvn -B -q package -DskipTests`:
//   node bench/deadline-rush.mjs [normal|crash] [--submissions 1000] [--clients 200] [--port 18480]
// normal: 1,000 submissions of ~300 KB from 200 concurrent clients (one student each); prints throughput and
//         latency. crash: the same, but once half are acknowledged the server and its database are killed
//         with SIGKILL (as a power cut would) and restarted; clients retry what failed. In both modes it exits
//         with status 1 if any acknowledged submission is missing or differs.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const mode = args[0] && !args[0].startsWith('--') ? args[0] : 'normal';
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const SUBMISSIONS = option('submissions', 1000);
const CLIENTS = option('clients', 200);
const PORT = option('port', 18480);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'backprop-demo';
const JAR = 'server/target/quarkus-app/quarkus-run.jar';
const home = mkdtempSync(join(tmpdir(), 'backprop-rush-'));
const starter = Object.fromEntries(['Main.java', 'model/Components.java', 'model/ConvNet.java']
  .map((path) => [path, readFileSync(join('assignments/hw-convnets', path), 'utf8')]));

let server;
function startServer() {
  server = spawn('java', [`-Duser.home=${home}`, '-Dquarkus.profile=demo', `-Dquarkus.http.port=${PORT}`,
    `-Dbackprop.demo.rush-students=${CLIENTS}`, '-Dquarkus.log.level=WARN', '-jar', JAR],
  { stdio: ['ignore', 'ignore', 'inherit'] });
  return waitUntilReady();
}

async function waitUntilReady() {
  for (let i = 0; i < 600; i++) {
    try {
      const response = await fetch(`${BASE}/q/health/ready`);
      if (response.status === 200) return;
    } catch { /* not listening yet */ }
    await sleep(500);
  }
  throw new Error('the server did not become ready in 5 minutes');
}

/** Kills the server and the embedded PostgreSQL it started, both with SIGKILL: nothing gets to clean up. */
function crash() {
  process.kill(server.pid, 'SIGKILL');
  const pidFile = join(home, '.backprop', 'demo-db', 'postmaster.pid');
  if (existsSync(pidFile)) {
    process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGKILL');
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function login(email) {
  const response = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const { csrfToken } = await response.json();
  return { cookie, 'X-CSRF-Token': csrfToken };
}

/**
 * A submission of about 280 KB, different every time: sources, a report and weights. Runs are not part of it: a
 * submission names runs of the team's experiment log, which this benchmark does not fill.
 */
function payload(client, round) {
  const files = {};
  for (const [path, text] of Object.entries(starter)) {
    files[`src/${path}`] = Buffer.from(`${text}\n// client ${client} round ${round} ${randomBytes(8).toString('hex')}\n`);
  }
  files['report.md'] = Buffer.from(`# Report of client ${client}, round ${round}\n\n${'Our ablation shows... '.repeat(400)}`);
  files['weights.bin'] = randomBytes(270 * 1024);
  const form = new FormData();
  for (const [path, bytes] of Object.entries(files)) {
    const blob = new Blob([bytes]);
    if (path.startsWith('src/')) form.append('source', blob, path.slice(4));
    else form.append(path.split('.')[0], blob, path);
  }
  return { form, hash: contentHash(files), bytes: Object.values(files).reduce((n, b) => n + b.length, 0) };
}

function contentHash(files) {
  const manifest = ['backprop-submission-v1\n', ...Object.keys(files).sort()
    .map((path) => `${path}\t${files[path].length}\t${sha256(files[path])}\n`)].join('');
  return sha256(Buffer.from(manifest));
}

const acknowledged = [];
const latencies = [];
let failedAttempts = 0;

async function client(index, headers, assignmentId, quota) {
  for (let round = 0; round < quota; round++) {
    const { form, hash } = payload(index, round);
    for (;;) {
      const started = performance.now();
      try {
        const response = await fetch(`${BASE}/api/assignments/${assignmentId}/submissions`,
          { method: 'POST', headers, body: form });
        const body = await response.json();
        if (response.status !== 201) throw new Error(`${response.status} ${body.detail}`);
        latencies.push(performance.now() - started);
        if (body.contentHash !== hash) throw new Error(`acknowledged hash ${body.contentHash}, sent ${hash}`);
        acknowledged.push({ id: body.id, hash, headers });
        break;
      } catch (error) {
        if (String(error.message).startsWith('acknowledged hash')) throw error;
        failedAttempts++;
        await sleep(1000); // the server is down (crash mode): try the same submission again
      }
    }
  }
}

async function verify() {
  let missing = 0;
  let checked = 0;
  const queue = [...acknowledged];
  await Promise.all(Array.from({ length: 16 }, async () => {
    for (let item = queue.pop(); item; item = queue.pop()) {
      const response = await fetch(`${BASE}/api/submissions/${item.id}`, { headers: item.headers });
      if (response.status !== 200) { missing++; continue; }
      const submission = await response.json();
      const files = {};
      for (const file of submission.files) {
        const download = await fetch(`${BASE}/api/submissions/${item.id}/files/${file.path}`, { headers: item.headers });
        files[file.path] = Buffer.from(await download.arrayBuffer());
      }
      if (submission.contentHash !== item.hash || contentHash(files) !== item.hash) missing++;
      checked++;
    }
  }));
  return { missing, checked };
}

const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

try {
  console.log(`deadline rush (${mode}): ${SUBMISSIONS} submissions from ${CLIENTS} clients, server home ${home}`);
  await startServer();
  const sessions = [];
  for (let i = 0; i < CLIENTS; i += 8) {
    const batch = Array.from({ length: Math.min(8, CLIENTS - i) },
      (_, j) => login(`rush${String(i + j + 1).padStart(3, '0')}@demo.backprop.dev`));
    sessions.push(...await Promise.all(batch));
  }
  const courses = await (await fetch(`${BASE}/api/courses`, { headers: sessions[0] })).json();
  const course = courses.items.find((c) => c.code === 'DL-RUSH');
  const assignments = await (await fetch(`${BASE}/api/courses/${course.id}/assignments`, { headers: sessions[0] })).json();
  const assignmentId = assignments.items[0].id;
  const sample = payload(0, 0);
  console.log(`each submission ~${Math.round(sample.bytes / 1024)} KB (5 sources, report, weights)`);

  const started = performance.now();
  const quota = SUBMISSIONS / CLIENTS;
  const rush = Promise.all(sessions.map((headers, i) => client(i, headers, assignmentId, quota)));
  let downtime = 0;
  if (mode === 'crash') {
    while (acknowledged.length < SUBMISSIONS / 2) await sleep(20);
    const killedAt = performance.now();
    const before = acknowledged.length;
    crash();
    console.log(`SIGKILL to server and database after ${before} acknowledged submissions; restarting`);
    await startServer();
    downtime = performance.now() - killedAt;
  }
  await rush;
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(`acknowledged ${acknowledged.length} in ${seconds.toFixed(1)} s: ${(acknowledged.length / seconds).toFixed(1)}`
    + ` submissions/s, ${(acknowledged.length * sample.bytes / 1024 / 1024 / seconds).toFixed(1)} MB/s`);
  console.log(`latency of accepted requests: p50 ${percentile(sorted, 0.5).toFixed(0)} ms,`
    + ` p99 ${percentile(sorted, 0.99).toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms`);
  if (mode === 'crash') {
    console.log(`server down for ${(downtime / 1000).toFixed(1)} s; ${failedAttempts} attempts failed and were retried`);
    const leftovers = readdirSync(join(home, '.backprop', 'demo-blobs', 'tmp')).length;
    console.log(`unfinished blob files left after restart: ${leftovers}`);
  }
  const { missing, checked } = await verify();
  console.log(`verified ${checked} acknowledged submissions by downloading every file: ${missing} missing or different`);
  process.exitCode = missing === 0 && acknowledged.length === SUBMISSIONS ? 0 : 1;
} finally {
  if (server) server.kill('SIGTERM');
}
