// Runs a TeaVM-compiled test program in headless Chromium with WebGPU on SwiftShader and prints what it
// printed, line by line, until its {"done": n} line. The page and the program are served from memory at
// http://localhost (a secure context, which WebGPU requires) without a server.
// Arguments after the timeout go to the program's main.
// Usage: node run-chromium.mjs <program.js> [timeout-ms] [args...]
import { readFileSync } from 'node:fs';
import { launchWebGpuChromium } from './chromium.mjs';

const [programPath, timeoutArg, ...args] = process.argv.slice(2);
const timeout = Number(timeoutArg ?? 600000);
const page = `<!doctype html><meta charset="utf-8"><script type="module">
  let pending = '';
  globalThis.$rt_putStdoutCustom = (text) => {
    pending += text;
    const lines = pending.split('\\n');
    pending = lines.pop();
    for (const line of lines) console.log(line);
  };
  globalThis.$rt_putStderrCustom = (text) => console.error(text);
  const program = await import('/program.js');
  program.main(${JSON.stringify(args)});
</script>`;

const browser = await launchWebGpuChromium();
let finished;
const done = new Promise((resolve) => { finished = resolve; });
try {
  const tab = await browser.newPage();
  tab.on('console', (message) => {
    const text = message.text();
    (message.type() === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    if (text.startsWith('{"done"') || text.startsWith('{"unavailable"')) finished(0);
  });
  tab.on('pageerror', (error) => { process.stderr.write(`page error: ${error}\n`); finished(1); });
  await tab.route('http://localhost/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/program.js') {
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(programPath, 'utf8') });
    }
    return route.fulfill({ contentType: 'text/html', body: page });
  });
  await tab.goto('http://localhost/index.html');
  const timer = setTimeout(() => { process.stderr.write(`timed out after ${timeout} ms\n`); finished(2); }, timeout);
  const code = await done;
  clearTimeout(timer);
  process.exitCode = code;
} finally {
  await browser.close();
}
