// The Kubernetes manifests (docker/k8s): every object valid against the real schemas of Kubernetes, KEDA and
// CloudNativePG, the kustomizations complete, and the objects consistent with each other and with the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './kustomize.mjs';
import { validateObject } from './kubernetes-schemas.mjs';
import { seconds } from './durations.mjs';

const DOCKER = dirname(dirname(fileURLToPath(import.meta.url)));
const REPOSITORY = dirname(DOCKER);
const KUSTOMIZATIONS = ['base', 'overlays/gpu'];

function render(kustomization) {
  const { objects, problems } = build(join(DOCKER, 'k8s', kustomization));
  assert.deepEqual(problems, [], `${kustomization} does not build`);
  return objects.map(({ object }) => object);
}

const gpu = render('overlays/gpu');

function find(kind, name, objects = gpu) {
  const found = objects.filter((object) => object.kind === kind && object.metadata.name === name);
  assert.equal(found.length, 1, `expected one ${kind} ${name}, found ${found.length}`);
  return found[0];
}

function container(deployment) {
  return deployment.spec.template.spec.containers[0];
}

function env(deployment, name) {
  return container(deployment).env.find((variable) => variable.name === name)?.value;
}

function selects(selector, labels) {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

const server = find('Deployment', 'backprop-server');
const worker = find('Deployment', 'backprop-worker');

test('every object of the base and of the GPU overlay is valid against its schema, with no undeclared field', () => {
  for (const kustomization of KUSTOMIZATIONS) {
    const problems = build(join(DOCKER, 'k8s', kustomization)).objects.flatMap(({ object, source }) =>
      validateObject(object).map((problem) => `${source}: ${object.kind} ${object.metadata.name}: ${problem}`));
    assert.deepEqual(problems, [], kustomization);
  }
});

test('the GPU overlay patches only objects of the base, and gives each worker an NVIDIA GPU', () => {
  const names = (objects) => objects.map((object) => `${object.kind} ${object.metadata.name}`).sort();
  assert.deepEqual(names(gpu), names(render('base')));
  assert.equal(container(worker).resources.limits['nvidia.com/gpu'], '1');
  assert.equal(env(worker, 'NVIDIA_DRIVER_CAPABILITIES'), 'graphics,compute,utility');
  assert.equal(worker.spec.template.spec.runtimeClassName, 'nvidia');
  assert.equal(container(find('Deployment', 'backprop-worker', render('base'))).resources.limits['nvidia.com/gpu'],
      undefined, 'the base has no accelerator');
});

test('the server runs at least two replicas, probed on /q/health, with its own grader off', () => {
  assert.ok(server.spec.replicas >= 2, `replicas: ${server.spec.replicas}`);
  const probes = container(server);
  assert.equal(probes.livenessProbe.httpGet.path, '/q/health/live');
  assert.equal(probes.readinessProbe.httpGet.path, '/q/health/ready');
  assert.equal(probes.startupProbe.httpGet.path, '/q/health/live');
  assert.equal(env(server, 'BACKPROP_GRADING_IN_PROCESS_ENABLED'), 'false');
  assert.ok(container(server).resources.requests && container(server).resources.limits.memory);
});

test('the server reads its database from the Secret CloudNativePG makes for the application', () => {
  const cluster = find('Cluster', 'backprop-db');
  const fromSecret = (name) => container(server).env.find((variable) => variable.name === name).valueFrom.secretKeyRef;
  assert.deepEqual(fromSecret('BACKPROP_DB_USER'), { name: `${cluster.metadata.name}-app`, key: 'username' });
  assert.deepEqual(fromSecret('BACKPROP_DB_PASSWORD'), { name: `${cluster.metadata.name}-app`, key: 'password' });
  assert.equal(env(server, 'BACKPROP_DB_URL'), 'jdbc:postgresql://$(DB_HOST):$(DB_PORT)/$(DB_NAME)');
  assert.equal(cluster.spec.bootstrap.initdb.database, 'backprop');
});

test('the server replicas keep nothing of their own: submissions and datasets are in a shared bucket', () => {
  assert.equal(env(server, 'BACKPROP_STORAGE_KIND'), 's3');
  const storage = container(server).env.filter((variable) => variable.name.startsWith('BACKPROP_STORAGE_S3_'));
  assert.deepEqual(storage.map((variable) => variable.name), ['BACKPROP_STORAGE_S3_BUCKET',
    'BACKPROP_STORAGE_S3_ENDPOINT', 'BACKPROP_STORAGE_S3_REGION', 'BACKPROP_STORAGE_S3_PATH_STYLE',
    'BACKPROP_STORAGE_S3_ACCESS_KEY_ID', 'BACKPROP_STORAGE_S3_SECRET_ACCESS_KEY']);
  assert.ok(storage.every((variable) => variable.valueFrom.secretKeyRef.name === 'backprop-object-storage'));
  const volumes = server.spec.template.spec.volumes;
  assert.deepEqual(volumes.filter((volume) => !volume.emptyDir), [], 'a replica\'s volumes are its own scratch only');
});

test('each Deployment selects its own pods, and the Service and disruption budget select the server', () => {
  for (const deployment of [server, worker]) {
    assert.ok(selects(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels),
        deployment.metadata.name);
  }
  const serverPods = server.spec.template.metadata.labels;
  const workerPods = worker.spec.template.metadata.labels;
  const service = find('Service', 'backprop-server');
  assert.ok(selects(service.spec.selector, serverPods) && !selects(service.spec.selector, workerPods));
  assert.equal(service.spec.ports[0].targetPort, container(server).ports[0].name);
  assert.ok(selects(find('PodDisruptionBudget', 'backprop-server').spec.selector.matchLabels, serverPods));
  assert.equal(env(worker, 'BACKPROP_SERVER_URL'), `http://${service.metadata.name}:${service.spec.ports[0].port}`);
});

test('the NetworkPolicy lets workers reach the server\'s port and the cluster DNS only, and accept nothing', () => {
  const policy = find('NetworkPolicy', 'backprop-worker');
  assert.ok(selects(policy.spec.podSelector.matchLabels, worker.spec.template.metadata.labels));
  assert.ok(!selects(policy.spec.podSelector.matchLabels, server.spec.template.metadata.labels));
  assert.deepEqual(policy.spec.policyTypes, ['Ingress', 'Egress']);
  assert.equal(policy.spec.ingress, undefined);
  const [toServer, toDns] = policy.spec.egress;
  assert.equal(policy.spec.egress.length, 2);
  assert.deepEqual(toServer.to, [{ podSelector: { matchLabels: server.spec.selector.matchLabels } }]);
  assert.deepEqual(toServer.ports, [{ protocol: 'TCP', port: container(server).ports[0].containerPort }]);
  assert.deepEqual(toDns.to[0].podSelector.matchLabels, { 'k8s-app': 'kube-dns' });
  assert.deepEqual(toDns.ports.map((port) => `${port.protocol}/${port.port}`), ['UDP/53', 'TCP/53']);
});

test('the worker\'s termination grace period covers its own graceful stop', () => {
  const grace = seconds(env(worker, 'BACKPROP_WORKER_GRACE'));
  const period = worker.spec.template.spec.terminationGracePeriodSeconds;
  assert.ok(period > grace, `terminationGracePeriodSeconds ${period} must exceed BACKPROP_WORKER_GRACE (${grace} s)`);
});

test('KEDA scales the worker Deployment one replica per slot of unfinished jobs, GPUs matching slots', () => {
  const scaled = find('ScaledObject', 'backprop-worker');
  assert.equal(scaled.spec.scaleTargetRef.name, worker.metadata.name);
  assert.equal(worker.spec.replicas, undefined, 'replicas belong to KEDA: a fixed count would fight it');
  const [trigger] = scaled.spec.triggers;
  assert.equal(trigger.type, 'postgresql');
  const slots = env(worker, 'BACKPROP_WORKER_SLOTS');
  assert.equal(trigger.metadata.targetQueryValue, slots);
  assert.equal(container(worker).resources.limits['nvidia.com/gpu'], slots);
  assert.equal(trigger.metadata.dbName, find('Cluster', 'backprop-db').spec.bootstrap.initdb.database);
  assert.equal(trigger.metadata.host, `backprop-db-rw.${scaled.metadata.namespace}.svc`);
});

test('KEDA\'s query reads the function the database bootstrap creates, over states of the grading migration', () => {
  const cluster = find('Cluster', 'backprop-db');
  const sql = cluster.spec.bootstrap.initdb.postInitApplicationSQL.join('\n');
  const { query } = find('ScaledObject', 'backprop-worker').spec.triggers[0].metadata;
  const [, functionName] = /^SELECT ([\w.]+)\(\)$/.exec(query);
  assert.match(sql, new RegExp(`CREATE FUNCTION ${functionName.replace('.', '\\.')}\\(\\)`));
  assert.match(sql, new RegExp(`GRANT EXECUTE ON FUNCTION ${functionName.replace('.', '\\.')}\\(\\) TO keda`));
  const migration = readFileSync(join(REPOSITORY, 'server/src/main/resources/db/migration/V7__grading.sql'), 'utf8');
  const table = /create table grading_job \(([\s\S]*?)\n\);/.exec(migration)[1];
  const states = /state\s+varchar\(\d+\)\s+not null check \(state in \(([^)]*)\)\)/.exec(table)[1]
      .split(',').map((state) => state.trim().replaceAll('\'', ''));
  const counted = /FROM public\.grading_job WHERE state IN \(([^)]*)\)/.exec(sql)[1]
      .split(',').map((state) => state.trim().replaceAll('\'', ''));
  assert.deepEqual(counted, ['QUEUED', 'LEASED']);
  for (const state of counted) {
    assert.ok(states.includes(state), `${state} is not a state of grading_job (${states.join(', ')})`);
  }
  assert.ok(cluster.spec.managed.roles.some((role) => role.name === 'keda' && role.login));
});

test('every Secret the manifests read is made by CloudNativePG or created as docker/README.md says', () => {
  const cluster = find('Cluster', 'backprop-db');
  const readme = readFileSync(join(DOCKER, 'README.md'), 'utf8');
  const referenced = new Set();
  const collect = (value) => {
    if (Array.isArray(value)) {
      value.forEach(collect);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (['secretKeyRef', 'passwordSecret'].includes(key)) {
          referenced.add(child.name);
        } else if (key === 'secret') {
          referenced.add(child.secretName);
        } else if (key === 'secretTargetRef') {
          child.forEach((reference) => referenced.add(reference.name));
        }
        collect(child);
      }
    }
  };
  collect(gpu);
  assert.ok(referenced.size >= 3, `found ${[...referenced]}`);
  for (const name of referenced) {
    if (name !== `${cluster.metadata.name}-app`) {
      assert.match(readme, new RegExp(`kubectl [^\\n]*create secret [^\\n]*\\b${name}\\b`),
          `docker/README.md does not say how to create the Secret ${name}`);
    }
  }
  const auth = find('TriggerAuthentication', 'backprop-keda-db');
  assert.equal(auth.spec.secretTargetRef[0].name, cluster.spec.managed.roles[0].passwordSecret.name);
});

test('a field the schema does not declare, or a value of the wrong type, is refused', () => {
  const broken = structuredClone(worker);
  broken.spec.replicas = 'two';
  broken.spec.template.spec.containers[0].resorces = { limits: { 'nvidia.com/gpu': '1' } };
  assert.deepEqual(validateObject(broken), ['/spec/replicas must be integer',
    '/spec/template/spec/containers/0/resorces is not a field of apps/v1 Deployment']);
  const policy = structuredClone(find('NetworkPolicy', 'backprop-worker'));
  policy.spec.policyTypes = ['Outbound'];
  assert.deepEqual(validateObject(policy), ['/spec/policyTypes/0 must be equal to one of the allowed values']);
});

test('a misspelt field of KEDA\'s and CloudNativePG\'s objects is refused, and a kind without a schema', () => {
  const scaled = structuredClone(find('ScaledObject', 'backprop-worker'));
  scaled.spec.minReplicas = 0;
  assert.deepEqual(validateObject(scaled), ['/spec/minReplicas is not a field of keda.sh/v1alpha1 ScaledObject']);
  delete scaled.spec.minReplicas;
  delete scaled.spec.triggers;
  assert.deepEqual(validateObject(scaled), ['/spec must have required property triggers']);
  const cluster = structuredClone(find('Cluster', 'backprop-db'));
  cluster.spec.instances = 'three';
  cluster.spec.managed.roles[0].logn = true;
  assert.deepEqual(validateObject(cluster), ['/spec/instances must be integer',
    '/spec/managed/roles/0/logn is not a field of postgresql.cnpg.io/v1 Cluster']);
  assert.match(validateObject({ apiVersion: 'apps/v2', kind: 'Deployment', metadata: { name: 'x' } })[0],
      /^no schema for apps\/v2 Deployment/);
});

function kustomizations(files) {
  const dir = mkdtempSync(join(tmpdir(), 'kustomize-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const BASE = {
  'base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n'
      + 'resources: [svc.yaml]\n',
  'base/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n',
};

function overlay(patch, target = 'kind: Service, name: web') {
  return {
    ...BASE,
    'overlay/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n'
        + `resources: [../base]\npatches: [{path: p.yaml, target: {version: v1, ${target}}}]\n`,
    'overlay/p.yaml': patch,
  };
}

test('a kustomization that names a missing file, or a field these checks do not read, is refused', () => {
  const dir = kustomizations({ ...BASE, 'base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\n'
      + 'kind: Kustomization\nresources: [svc.yaml, gone.yaml]\nreplicas: [{name: web, count: 2}]\n' });
  assert.deepEqual(build(join(dir, 'base')).problems, [
    'base/kustomization.yaml: field replicas is not read by these checks',
    'base/kustomization.yaml: resource gone.yaml does not exist']);
});

test('an overlay patch whose target is not in the base, or that does not apply, is refused', () => {
  const patch = '- {op: add, path: /spec/type, value: NodePort}\n';
  assert.deepEqual(build(join(kustomizations(overlay(patch)), 'overlay')).problems, []);
  assert.equal(build(join(kustomizations(overlay(patch)), 'overlay')).objects[0].object.spec.type, 'NodePort');
  assert.deepEqual(build(join(kustomizations(overlay(patch, 'kind: Service, name: api')), 'overlay')).problems,
      ['overlay/kustomization.yaml: patch p.yaml targets {"version":"v1","kind":"Service","name":"api"}, which '
      + 'matches 0 objects of its resources, not one']);
  assert.deepEqual(build(join(kustomizations(overlay('- {op: test, path: /spec/ports/0/port, value: 8080}\n')),
      'overlay')).problems,
      ['overlay/p.yaml on Service web: /spec/ports/0/port: test failed, expected 8080, found 80']);
  assert.deepEqual(build(join(kustomizations(overlay('- {op: replace, path: /spec/selector/app, value: x}\n')),
      'overlay')).problems, ['overlay/p.yaml on Service web: /spec/selector/app: selector does not exist']);
});
