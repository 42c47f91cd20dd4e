// Runs one TeaVM-compiled program (an ES module exporting main) in Node with Dawn's WebGPU, inside the
// sandbox's jail. Everything reaches NodeSandbox on stdout as frames: one type byte, a 4-byte big-endian
// length, then the payload.
//   'o' what the program printed on System.out     'e' on System.err
//   'n' a platform notice (the runtime's console.info; the program's own output can never make one)
//   'x' main returned or threw: the exit code      's' main can never return (nothing left to wake it)
// Only this file writes to the real stdout; Node's own messages (a crash, V8 out of memory) go to stderr.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [programPath] = process.argv.slice(2);
const stdout = process.stdout;
let ended = false;

function frame(type, text) {
  const payload = Buffer.from(String(text), 'utf8');
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

const program = await import(pathToFileURL(programPath).href);
program.main([]);
