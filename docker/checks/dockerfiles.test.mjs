// The image recipes (docker/Dockerfile.server, docker/Dockerfile.worker): pinned bases, non-root, what they copy
// present in the build context, and the agreed artifacts and entry points. No Docker engine here to build them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contextSources, ignorePatterns, ignored, instructions, stages } from './dockerfile.mjs';

const DOCKER = dirname(dirname(fileURLToPath(import.meta.url)));
const REPOSITORY = dirname(DOCKER);
const DOCKERFILES = ['Dockerfile.server', 'Dockerfile.worker'];

function finalStage(name) {
  return stages(join(DOCKER, name)).at(-1);
}

function step(stage, instruction) {
  return stage.steps.filter((each) => each.instruction === instruction).at(-1)?.args;
}

test('every base image is pinned to a release, and both images share their bases', () => {
  const images = DOCKERFILES.map((name) => stages(join(DOCKER, name)).map((stage) => stage.image));
  for (const image of images.flat()) {
    assert.match(image, /^[\w./-]+:[^:]*\d+\.\d+/, `${image} is not pinned to a release (major.minor at least)`);
  }
  assert.deepEqual(images[0], images[1]);
});

test('both images are multi-stage: built with Maven and npm ci, shipped on a JDK as a non-root user', () => {
  for (const name of DOCKERFILES) {
    const all = stages(join(DOCKER, name));
    const runs = all.flatMap((stage) => stage.steps.filter((each) => each.instruction === 'RUN'))
        .map((each) => each.args);
    assert.ok(runs.some((run) => /\bmvn -B -DskipTests -pl \w+ -am package\b/.test(run)), name);
    assert.ok(runs.some((run) => /\bnpm ci\b/.test(run)), name);
    assert.ok(all.length >= 3, `${name} has ${all.length} stages`);
    const last = all.at(-1);
    assert.match(last.image, /^eclipse-temurin:17[\w.]*-jdk/, `${name} must ship on a JDK 17 (javac)`);
    assert.match(step(last, 'USER'), /^[1-9]\d*:[1-9]\d*$/, `${name} must run as a numeric non-root user`);
    const installs = last.steps.filter((each) => each.instruction === 'RUN').map((each) => each.args).join('\n');
    for (const tool of ['bubblewrap', 'util-linux', 'libvulkan1']) {
      assert.ok(installs.includes(tool), `${name} does not install ${tool}`);
    }
    assert.ok(last.steps.some((each) => each.args.startsWith('--from=node /usr/local/bin/node ')),
        `${name} has no Node`);
  }
});

test('the images run the agreed artifacts: the Quarkus fast-jar and the worker jar with its lib folder', () => {
  const server = finalStage('Dockerfile.server');
  assert.deepEqual(JSON.parse(step(server, 'ENTRYPOINT')).at(-1), '/app/quarkus-app/quarkus-run.jar');
  assert.ok(server.steps.some((each) => each.args === '--from=build /src/server/target/quarkus-app /app/quarkus-app'));
  assert.equal(step(server, 'EXPOSE'), '8080');
  const worker = finalStage('Dockerfile.worker');
  assert.deepEqual(JSON.parse(step(worker, 'ENTRYPOINT')).slice(-2), ['-jar', '/app/backprop-worker.jar']);
  const copies = worker.steps.filter((each) => each.instruction === 'COPY').map((each) => each.args);
  assert.ok(copies.includes('--from=build /src/worker/target/backprop-worker.jar /app/backprop-worker.jar'));
  assert.ok(copies.includes('--from=build /src/worker/target/lib /app/lib'));
  assert.match(step(worker, 'ENV'), /NVIDIA_DRIVER_CAPABILITIES=graphics,compute,utility/);
  for (const image of [server, worker]) {
    assert.ok(image.steps.some((each) => each.args.startsWith('--from=build /runtime/node_modules /app/node_modules')));
  }
});

test('what the images copy from the build context exists and is not excluded by .dockerignore', () => {
  const patterns = ignorePatterns(join(REPOSITORY, '.dockerignore'));
  for (const name of DOCKERFILES) {
    const sources = instructions(join(DOCKER, name)).flatMap(contextSources);
    assert.ok(sources.length > 0, name);
    for (const source of sources.filter((each) => each !== '.')) {
      assert.ok(existsSync(join(REPOSITORY, source)), `${name} copies ${source}, which does not exist`);
      assert.ok(!ignored(source, patterns), `${name} copies ${source}, which .dockerignore excludes`);
    }
  }
});

test('.dockerignore keeps build outputs, installed packages and secrets out of the build context', () => {
  const patterns = ignorePatterns(join(REPOSITORY, '.dockerignore'));
  for (const path of ['server/target/quarkus-app', 'node_modules/webgpu', '.git/config', 'docker/.env']) {
    assert.ok(ignored(path, patterns), `${path} would be sent to the Docker engine`);
  }
  for (const path of ['pom.xml', 'nn/src/main', 'web/build/bundle-ui.mjs', 'assignments', 'docker/.env.example']) {
    assert.ok(!ignored(path, patterns), `${path} would be left out of the build`);
  }
  assert.throws(() => ignored('a', ['!b']), /not understood/);
});
