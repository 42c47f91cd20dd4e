// The web app's benchmark (docs/benchmarks.md, "Web app"): against a running platform (bin/backprop-demo), in
// headless Chromium with WebGPU on SwiftShader it measures
//   1. time to interactive of an assignment's workspace: from navigation to the editor holding the team's files,
//      cold (an empty browser cache) and warm (a reload), the median of five of each;
//   2. the JavaScript and CSS the workspace ships, as sent over the wire (the server compresses) and uncompressed;
//   3. the main thread's busy time per epoch while a program trains in the playground and the live charts draw
//      every epoch and batch (Chromium's TaskDuration for the page's main thread, divided by the epochs: everything
//      the page did meanwhile, so an upper bound on what the charts cost).
// Usage: node bench/web-app/measure.mjs [base-url] [student-email] [password] [assignment-id]
import { chromium } from 'playwright-core';

const [base = 'http://localhost:8080', email = 'student05@demo.backprop.dev', password = 'backprop-demo',
  assignmentId = '1'] = process.argv.slice(2);
const EPOCHS = 40;
const PROGRAM = `import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomSeed;

public class Main {
    public static void main(String[] args) {
        RandomSeed.set(1);
        float[][] x = new float[2048][16];
        float[][] y = new float[2048][1];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 16; j++) {
                x[i][j] = random.nextFloat();
            }
            y[i][0] = x[i][0] + x[i][1] > 1 ? 1 : 0;
        }
        Sequential model = new Sequential(Input.shape(16), new Dense(32, "relu"), new Dense(1, "sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");
        model.fit(Tensor.of(x), Tensor.of(y), FitOptions.epochs(${EPOCHS}).batchSize(32).validationSplit(0.2).verbose(0));
    }
}
`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
    '--use-webgpu-adapter=swiftshader'] });
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function signedInContext() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const answer = await context.request.post(`${base}/api/auth/login`, { data: { email, password } });
  if (!answer.ok()) {
    throw new Error(`sign-in failed: ${answer.status()}`);
  }
  return context;
}

/** Milliseconds from navigation start until the editor shows a file of the workspace. */
async function timeToInteractive(page, load) {
  await load();
  await page.waitForSelector('.cm-content .cm-line', { timeout: 60_000 });
  return page.evaluate(() => performance.now());
}

const cold = [];
const warm = [];
let shipped = null;
for (let i = 0; i < 5; i++) {
  const context = await signedInContext();
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  cold.push(await timeToInteractive(page, () => page.goto(`${base}/assignments/${assignmentId}/workspace`)));
  if (shipped == null) {
    shipped = { wire: 0, body: 0, files: 0 };
    for (const response of responses) {
      const type = response.headers()['content-type'] ?? '';
      if (/javascript|text\/css/.test(type)) {
        const sizes = await response.request().sizes();
        shipped.wire += sizes.responseBodySize;
        shipped.body += (await response.body()).length;
        shipped.files += 1;
      }
    }
  }
  warm.push(await timeToInteractive(page, () => page.reload()));
  await context.close();
}

// Main-thread time while a program trains and the charts draw.
const context = await signedInContext();
const page = await context.newPage();
await page.goto(`${base}/playground`);
await page.waitForSelector('.cm-content .cm-line', { timeout: 60_000 });
await page.click('.cm-content');
await page.keyboard.press('Control+A');
await page.keyboard.insertText(PROGRAM);
// Chromium's own count of the page's main-thread task time (Performance.getMetrics, TaskDuration in seconds).
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics
  .find((m) => m.name === 'TaskDuration').value;
const busyBefore = await taskSeconds();
const started = Date.now();
await page.click('[data-testid="run"]');
await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent === 'Finished.', null,
  { timeout: 600_000 });
const wallMs = Date.now() - started;
const epochsDrawn = Number(await page.getAttribute('[data-testid="live-charts"]', 'data-epochs'));
const busyUs = (await taskSeconds() - busyBefore) * 1e6;
await browser.close();

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`workspace time to interactive: cold median ${median(cold).toFixed(0)} ms (${cold.map((v) => v.toFixed(0)).join(', ')}),`
  + ` warm median ${median(warm).toFixed(0)} ms (${warm.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`JavaScript and CSS shipped to the workspace: ${shipped.files} files, ${kib(shipped.wire)} on the wire,`
  + ` ${kib(shipped.body)} uncompressed`);
console.log(`training ${EPOCHS} epochs in the playground: ${wallMs} ms; charts drew ${epochsDrawn} epochs; main thread busy`
  + ` ${(busyUs / 1000).toFixed(0)} ms in all, ${(busyUs / 1000 / EPOCHS).toFixed(2)} ms per epoch`);
