// Runs one TeaVM-compiled program (an ES module exporting main) in Node with Dawn's WebGPU, inside the
// sandbox's jail. Everything reaches NodeSandbox on stdout as frames: one type byte, a 4-byte big-endian
// length, then the payload.
//   'o' what the program printed on System.out     'e' on System.err
//   'n' a platform notice (the runtime's console.info; the program's own output can never make one)
//   'x' main returned or threw: the exit code      's' main can never return (nothing left to wake it)
//   'r' a fit ended: its run record (JSON)         'm' a model the program saved: the name's length (2 bytes,
//                                                      big-endian), the name (UTF-8), then the model's bytes
//   't' a hidden test ended (a test run only): {"test", "outcome", "message"} (JSON), from the runtime's runTests
// The program reaches none of these but through the runtime: its prints always travel inside 'o' and 'e' frames,
// so no text it prints is ever read as a record, a saved model, a notice or an exit.
// Only this file writes to the real stdout; Node's own messages (a crash, V8 out of memory) go to stderr.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [programPath] = process.argv.slice(2);
const stdout = process.stdout;
let ended = false;

function frame(type, text) {
  frameBytes(type, Buffer.from(String(text), 'utf8'));
}

function frameBytes(type, payload) {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeUInt32BE(payload.length, 1);
  stdout.write(Buffer.concat([header, payload]));
}

// Exits only once every frame written before has reached the pipe: process.exit alone drops queued writes.
function end(type, code) {
  if (ended) {
    return;
  }
  ended = true;
  frame(type, String(code));
  stdout.write('', () => process.exit(code));
}

// TeaVM hands System.out and System.err text to these hooks as it is printed, newlines included.
globalThis.$rt_putStdoutCustom = (text) => frame('o', text);
globalThis.$rt_putStderrCustom = (text) => frame('e', text);
console.log = (...parts) => frame('o', `${parts.join(' ')}\n`);
console.error = (...parts) => frame('e', `${parts.join(' ')}\n`);
console.warn = console.error;
console.info = (...parts) => frame('n', parts.join(' '));
globalThis.backpropExit = (code) => end('x', code);
process.on('unhandledRejection', (reason) => {
  frame('e', `The program failed: ${reason}\n`);
  end('x', 1);
});
// The event loop ran dry before main returned: main waits for something (a wait() nobody notifies) that
// can no longer happen.
process.on('beforeExit', () => end('s', 3));

try {
  const webgpu = await import(pathToFileURL(join(process.env.BACKPROP_NODE_MODULES, 'webgpu', 'index.js')).href);
  Object.assign(globalThis, webgpu.globals);
  globalThis.navigator = { gpu: webgpu.create([]) };
} catch (error) {
  console.info(`Dawn could not be loaded: ${error.message}`);
}

// The datasets the run may load (docs/datasets.md), from the read-only folder NodeSandbox lays out:
//   <dir>/manifests/<name>.json (students' view)   <dir>/shards/<sha256> (the non-hidden splits' shards only)
// Names are checked before they touch a path, so "../" cannot leave the folder; what the jail does not bind (a
// hidden split's shard) simply does not exist here.
const datasetsDir = process.env.BACKPROP_DATASETS_DIR;
const DATASET_NAME = /^([A-Za-z0-9_.-]{1,100})(?::([A-Za-z0-9_.-]{1,100}))?$/;
const SHA256 = /^[0-9a-f]{64}$/;

async function readManifest(name) {
  return readFile(join(datasetsDir, 'manifests', `${name}.json`), 'utf8');
}

// "fashion_mnist 1.0.0, mnist 1.0.0": what the student could have asked for.
async function availableDatasets() {
  const files = await readdir(join(datasetsDir, 'manifests'));
  const names = [];
  for (const name of files.filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5)).sort()) {
    names.push(`${name} ${JSON.parse(await readManifest(name)).version}`);
  }
  return names.length === 0 ? 'none' : names.join(', ');
}

// "vgg16 1.0.0": the pretrained models the student could have asked for.
async function availablePretrained() {
  let files;
  try {
    files = await readdir(join(datasetsDir, 'pretrained'));
  } catch (error) {
    return 'none';
  }
  const names = [];
  for (const file of files.filter((entry) => entry.endsWith('.json')).sort()) {
    const model = JSON.parse(await readFile(join(datasetsDir, 'pretrained', file), 'utf8'));
    names.push(`${model.name} ${model.version}`);
  }
  return names.length === 0 ? 'none' : names.join(', ');
}

globalThis.backpropDatasets = {
  async manifest(requested) {
    const text = String(requested);
    if (datasetsDir === undefined) {
      throw new Error(`This run has no datasets, so it cannot load ${text}`);
    }
    const match = DATASET_NAME.exec(text);
    if (match === null) {
      throw new Error(`"${text}" is not a dataset name: write a name like fashion_mnist, or fashion_mnist:1.0.0 for`
          + ' one version');
    }
    const [, name, version] = match;
    let json;
    try {
      json = await readManifest(name);
    } catch (error) {
      if (error.code !== 'ENOENT') {
        throw new Error(`The dataset ${name} could not be read (${error.code})`);
      }
      throw new Error(`The assignment has no dataset ${name}; it has ${await availableDatasets()}`);
    }
    const available = JSON.parse(json).version;
    if (version !== undefined && version !== available) {
      throw new Error(`The assignment has ${name} in version ${available}, not ${version}; load "${name}" or`
          + ` "${name}:${available}"`);
    }
    return json;
  },
  // The pretrained models the run may load (docs/pretrained.md): <dir>/pretrained/<name>.json names the version
  // and the SHA-256 of <dir>/pretrained/<sha256>.bpm, the saved model's bytes.
  async pretrained(requested) {
    const text = String(requested);
    if (datasetsDir === undefined) {
      throw new Error(`This run has no pretrained models, so it cannot load ${text}`);
    }
    const match = DATASET_NAME.exec(text);
    if (match === null) {
      throw new Error(`"${text}" is not a pretrained model name: write a name like vgg16, or vgg16:1.0.0 for one`
          + ' version');
    }
    const [, name, version] = match;
    let model;
    try {
      model = JSON.parse(await readFile(join(datasetsDir, 'pretrained', `${name}.json`), 'utf8'));
    } catch (error) {
      if (error.code !== 'ENOENT') {
        throw new Error(`The pretrained model ${name} could not be read (${error.code})`);
      }
      throw new Error(`The assignment has no pretrained model ${name}; it has ${await availablePretrained()}`);
    }
    if (version !== undefined && version !== model.version) {
      throw new Error(`The assignment has the pretrained model ${name} in version ${model.version}, not ${version};`
          + ` load "${name}" or "${name}:${model.version}"`);
    }
    if (!SHA256.test(String(model.sha256))) {
      throw new Error(`The pretrained model ${name} could not be read (no SHA-256)`);
    }
    const bytes = await readFile(join(datasetsDir, 'pretrained', `${model.sha256}.bpm`));
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
  async shard(sha256) {
    const text = String(sha256);
    if (datasetsDir === undefined || !SHA256.test(text)) {
      throw new Error(`There is no shard ${text} in this run's datasets`);
    }
    try {
      const bytes = await readFile(join(datasetsDir, 'shards', text));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      throw new Error(error.code === 'ENOENT' ? `There is no shard ${text} in this run's datasets (a hidden split's`
          + ' shards are for the grader only)' : `The shard ${text} could not be read (${error.code})`);
    }
  },
};

// The runtime's view of the program's fits (web/.../HostRunObserver): each fit asks whether to train (the grader
// re-runs the runs its budget picked: BACKPROP_RUN_PLAN, {"train": [run names], "standIns": {name: history}};
// absent, every run trains), a run it does not train returns the team's own history to the program, and each fit
// reports its record when it ends, with the behaviour probe's evidence.
const plan = process.env.BACKPROP_RUN_PLAN === undefined ? null : JSON.parse(process.env.BACKPROP_RUN_PLAN);
const runPlan = plan === null ? null : new Set(plan.train.map(String));
const standIns = new Map(plan === null ? [] : Object.entries(plan.standIns ?? {}));

globalThis.backpropRuns = Object.freeze({
  probes: true,
  shouldTrain(name) {
    return runPlan === null || runPlan.has(String(name));
  },
  standInHistory(name) {
    const history = standIns.get(String(name));
    return history === undefined ? undefined : JSON.stringify(history);
  },
  ended(recordJson) {
    frame('r', recordJson);
  },
  modelSaved(name, bytes) {
    const nameBytes = Buffer.from(String(name), 'utf8').subarray(0, 0xffff);
    const payload = Buffer.alloc(2 + nameBytes.length + bytes.byteLength);
    payload.writeUInt16BE(nameBytes.length, 0);
    nameBytes.copy(payload, 2);
    payload.set(bytes, 2 + nameBytes.length);
    frameBytes('m', payload);
  },
});

// How each hidden test ended, when the grader runs an assignment's hidden tests (web/.../HostTestReporter); only
// the runtime's runTests reaches it, never the program's own code.
globalThis.backpropTests = Object.freeze({
  result(json) {
    frame('t', json);
  },
});

const program = await import(pathToFileURL(programPath).href);
program.main([]);
