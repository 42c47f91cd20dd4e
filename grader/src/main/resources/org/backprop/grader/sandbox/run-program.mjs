// Runs one TeaVM-compiled program (an ES module exporting main) in Node with Dawn's WebGPU.
// Started by NodeSandbox in a scratch folder with a scrubbed environment and a wall-time limit.
// stdout is the program's System.out, stderr its System.err; runtime notices go to stderr behind
// the "[backprop] " prefix; the exit code is the program's.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [programPath] = process.argv.slice(2);
// TeaVM hands System.out and System.err text to these hooks as it is printed, newlines included.
globalThis.$rt_putStdoutCustom = (text) => process.stdout.write(text);
globalThis.$rt_putStderrCustom = (text) => process.stderr.write(text);
console.info = (...parts) => process.stderr.write(`[backprop] ${parts.join(' ')}\n`);
console.error = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);
// On Linux, writes to pipes are synchronous, so nothing printed is lost by exiting here.
globalThis.backpropExit = (code) => process.exit(code);
process.on('unhandledRejection', (reason) => {
  console.error(`The program failed: ${reason}`);
  process.exit(1);
});

try {
  const webgpu = await import(pathToFileURL(join(process.env.BACKPROP_NODE_MODULES, 'webgpu', 'index.js')).href);
  Object.assign(globalThis, webgpu.globals);
  globalThis.navigator = { gpu: webgpu.create([]) };
} catch (error) {
  console.info(`Dawn could not be loaded: ${error.message}`);
}

const program = await import(pathToFileURL(programPath).href);
program.main([]);
