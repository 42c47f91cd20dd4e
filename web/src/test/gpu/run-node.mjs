// Runs a TeaVM-compiled test program (an ES module exporting main) in Node with Dawn's WebGPU on the
// Vulkan driver VK_ICD_FILENAMES names (SwiftShader in CI). Prints the program's output; exits when the
// program prints its {"done": n} line or fails. With "none" for node_modules the program gets no WebGPU at
// all (no navigator.gpu), as in a browser without it; with "no-adapter" a navigator.gpu that finds no
// adapter, as on a machine without a usable GPU. Arguments after those two go to the program's main.
// Usage: node run-node.mjs <program.js> <node_modules|none|no-adapter> [args...]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [programPath, nodeModules, ...args] = process.argv.slice(2);
globalThis.$rt_putStdoutCustom = (text) => {
  process.stdout.write(text);
  if (text.includes('{"done"') || text.includes('{"unavailable"')) {
    setTimeout(() => process.exit(0), 0);
  }
};
globalThis.$rt_putStderrCustom = (text) => process.stderr.write(text);
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`unhandled rejection: ${reason}\n`);
  process.exit(1);
});
if (nodeModules === 'no-adapter') {
  globalThis.navigator = { gpu: { requestAdapter: async () => null } };
} else if (nodeModules !== 'none') {
  const webgpu = await import(pathToFileURL(join(nodeModules, 'webgpu', 'index.js')).href);
  Object.assign(globalThis, webgpu.globals);
  globalThis.navigator = { gpu: webgpu.create([]) };
}
const program = await import(pathToFileURL(programPath).href);
program.main(args);
