// Drives the editor page in headless Chromium with WebGPU on SwiftShader and prints what a student
// would see as one JSON object; EditorEndToEndTest asserts on it. The student's course has Fashion-MNIST.
// Usage: node editor.e2e.mjs <base-url> <email> <password>
import { chromium } from 'playwright-core';

const [baseUrl, email, password] = process.argv.slice(2);
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
  // The machines have no network but the package registries: keep Chromium from calling home.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
const seen = {};
const pageErrors = [];

// Loads Fashion-MNIST's training split, reads every label (so every shard), and asks for the hidden split.
const DATASET_PROGRAM = `import java.util.Arrays;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.Datasets;
import org.backprop.nn.data.StoredDataset;

public class Main {
    public static void main(String[] args) {
        StoredDataset train = Datasets.load("fashion_mnist", "train");
        System.out.println(train);
        System.out.println("classes: " + train.classNames());
        int[] perClass = new int[train.numClasses()];
        int first = -1;
        for (Dataset batch : train.batches(2000)) {
            for (float label : batch.labels().toArray()) {
                if (first < 0) {
                    first = (int) label;
                }
                perClass[(int) label]++;
            }
        }
        System.out.println("first label: " + first + " (" + train.classNames().get(first) + ")");
        System.out.println("examples per class: " + Arrays.toString(perClass));
        try {
            Datasets.load("fashion_mnist", "test");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
    }
}
`;

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Shard downloads, counted at the context: the worker's requests are the context's, not the page's.
  let shardRequests = 0;
  context.on('request', (request) => { shardRequests += request.url().includes('/api/datasets/shards/') ? 1 : 0; });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // Failed requests are logged as console errors too; a 422 for a compile error is expected, so only
  // script errors count.
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource')
    && pageErrors.push(message.text()));
  await page.goto(baseUrl);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });

  // 0. Not signed in: the page offers the sign-in form, and Run asks to sign in instead of compiling.
  seen.signInOffered = await page.isVisible('#sign-in');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Sign in'), null, { timeout: 30_000 });
  seen.anonymousRun = await page.textContent('#status');
  await page.fill('#sign-in-email', email);
  await page.fill('#sign-in-password', 'not the password');
  await page.click('#sign-in button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('#sign-in-message').textContent.includes('not right'), null, { timeout: 30_000 });
  seen.wrongPassword = await page.textContent('#sign-in-message');
  await page.fill('#sign-in-password', password);
  await page.click('#sign-in button[type="submit"]');
  await page.waitForSelector('#account:not([hidden])', { timeout: 30_000 });
  seen.signedIn = { account: await page.textContent('#account-name'), formHidden: !(await page.isVisible('#sign-in')) };
  await page.waitForFunction(() => document.querySelector('#course-datasets').textContent.startsWith('Datasets'), null, { timeout: 30_000 });
  seen.signedIn.course = await page.textContent('#course-name');
  seen.signedIn.datasets = await page.textContent('#course-datasets');

  // 1. The sample as the page opens it: Run compiles it and trains nothing yet, just one dense layer.
  await page.click('#run');
  await page.waitForFunction(() => ['Finished.', 'Stopped'].some((s) => document.querySelector('#status').textContent.startsWith(s))
    || document.querySelector('#status').classList.contains('error'), null, { timeout: 120_000 });
  seen.sample = {
    status: await page.textContent('#status'),
    stdout: await page.$$eval('#output .stdout', (spans) => spans.map((s) => s.textContent).join('')),
    backend: await page.textContent('#backend'),
  };

  // 2. A compile error: the editor marks the line, the status says how many errors.
  const broken = 'public class Main {\n    public static void main(String[] args) {\n        int x = "text";\n    }\n}\n';
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(broken);
  await page.click('#compile');
  await page.waitForSelector('.cm-lintRange-error', { timeout: 60_000 });
  seen.compileError = {
    status: await page.textContent('#status'),
    markedLines: await page.$$eval('.cm-content > .cm-line', (lines) => lines
      .map((line, index) => (line.querySelector('.cm-lintRange-error') ? index + 1 : 0))
      .filter((n) => n > 0)),
    output: await page.textContent('#output'),
  };

  // 3. A program that never ends: Stop terminates its worker and the page stays usable.
  const endless = 'public class Main {\n    public static void main(String[] args) {\n        System.out.println("training");\n        while (true) { }\n    }\n}\n';
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(endless);
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#output').textContent.includes('training'), null, { timeout: 60_000 });
  await page.click('#stop');
  seen.stopped = {
    status: await page.textContent('#status'),
    runEnabled: await page.isEnabled('#run'),
  };

  // 4. A program that loads a dataset: the first run downloads it with a progress bar, the second run and a
  //    reloaded page read it from the browser's Cache API and download nothing.
  const runDatasetProgram = async () => {
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(DATASET_PROGRAM);
    return runAgain();
  };
  const runAgain = async () => {
    shardRequests = 0;
    await page.click('#run');
    await page.waitForFunction(() => ['Finished.', 'Stopped'].some((s) => document.querySelector('#status').textContent.startsWith(s))
      || document.querySelector('#status').classList.contains('error'), null, { timeout: 180_000 });
    return {
      status: await page.textContent('#status'),
      stdout: await page.$$eval('#output .stdout', (spans) => spans.map((s) => s.textContent).join('')),
      stderr: await page.$$eval('#output .stderr', (spans) => spans.map((s) => s.textContent).join('')),
      shardRequests,
      progress: await page.getByRole('progressbar').evaluateAll((bars) => bars.map((bar) => ({
        label: bar.labels?.[0]?.textContent ?? document.getElementById(bar.getAttribute('aria-labelledby'))?.textContent,
        value: bar.value,
        max: bar.max,
        visible: bar.checkVisibility(),
      }))),
    };
  };
  seen.datasetFirstRun = await runDatasetProgram();
  seen.datasetSecondRun = await runAgain();
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('#course-datasets').textContent.startsWith('Datasets'), null, { timeout: 30_000 });
  seen.datasetAfterReload = await runDatasetProgram();
  seen.pageErrors = pageErrors;
} catch (error) {
  seen.failure = String(error);
  seen.pageErrors = pageErrors;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
