// The one-machine Compose file (docker/compose.yaml): valid against the Compose Specification's schema, and its
// services wired as the server and the worker expect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCompose } from './compose-schema.mjs';
import { seconds } from './durations.mjs';
import { readYamlDocuments } from './yaml-files.mjs';

const DOCKER = dirname(dirname(fileURLToPath(import.meta.url)));
const [compose] = readYamlDocuments(join(DOCKER, 'compose.yaml'));
const { db, server, worker } = compose.services;

test('the Compose file is valid against the Compose Specification\'s schema', () => {
  assert.deepEqual(validateCompose(compose), []);
});

test('a misspelt or misplaced Compose field is refused', () => {
  const broken = structuredClone(compose);
  broken.services.server.healthcheck.intervall = '10s';
  broken.services.worker.deploy.resources.reservations.gpus = 1;
  broken.service = {};
  assert.deepEqual(validateCompose(broken), ['/ must NOT have additional properties (service)',
    '/services/server/healthcheck must NOT have additional properties (intervall)',
    '/services/worker/deploy/resources/reservations must NOT have additional properties (gpus)']);
});

test('the server uses the Compose database, with its own grader off, and is healthy when it is ready', () => {
  assert.equal(server.environment.BACKPROP_DB_URL,
      `jdbc:postgresql://db:5432/${db.environment.POSTGRES_DB}`);
  assert.equal(server.environment.BACKPROP_DB_USER, db.environment.POSTGRES_USER);
  assert.equal(server.environment.BACKPROP_DB_PASSWORD, db.environment.POSTGRES_PASSWORD);
  assert.equal(server.environment.BACKPROP_GRADING_IN_PROCESS_ENABLED, 'false');
  assert.deepEqual(server.depends_on, { db: { condition: 'service_healthy' } });
  assert.ok(server.healthcheck.test.includes('http://localhost:8080/q/health/ready'));
  assert.ok(db.healthcheck.test.includes('pg_isready'));
});

test('the worker gets one NVIDIA GPU with the Vulkan driver, the token as a secret, and time to stop', () => {
  assert.deepEqual(worker.deploy.resources.reservations.devices,
      [{ driver: 'nvidia', count: 1, capabilities: ['gpu', 'graphics', 'compute', 'utility'] }]);
  assert.equal(worker.environment.NVIDIA_DRIVER_CAPABILITIES, 'graphics,compute,utility');
  assert.equal(worker.environment.BACKPROP_WORKER_SLOTS, String(worker.deploy.resources.reservations.devices[0].count));
  assert.equal(worker.environment.BACKPROP_SERVER_URL, `http://server:${server.ports[0].split(':').at(-1)}`);
  assert.deepEqual(worker.secrets, ['worker_token']);
  assert.ok(compose.secrets.worker_token);
  assert.equal(worker.environment.BACKPROP_WORKER_TOKEN_FILE, '/run/secrets/worker_token');
  assert.deepEqual(worker.depends_on, { server: { condition: 'service_healthy' } });
  assert.ok(seconds(worker.stop_grace_period) > seconds(worker.environment.BACKPROP_WORKER_GRACE),
      `stop_grace_period ${worker.stop_grace_period} must exceed BACKPROP_WORKER_GRACE`);
});

test('every variable the Compose file reads is listed in .env.example', () => {
  const text = readFileSync(join(DOCKER, 'compose.yaml'), 'utf8');
  const used = new Set([...text.matchAll(/\$\{(\w+)/g)].map((match) => match[1]));
  Object.values(compose.secrets).forEach((secret) => secret.environment && used.add(secret.environment));
  const listed = new Set([...readFileSync(join(DOCKER, '.env.example'), 'utf8').matchAll(/^(\w+)=/gm)]
      .map((match) => match[1]));
  assert.deepEqual([...used].filter((name) => !listed.has(name)), []);
  assert.deepEqual([...listed].filter((name) => !used.has(name)), [], '.env.example lists variables nobody reads');
});
