// Drives the editor page in headless Chromium with WebGPU on SwiftShader and prints what a student
// would see as one JSON object; EditorEndToEndTest asserts on it. The student's course has Fashion-MNIST.
// Then the page is opened for an assignment (/?assignment=<id>), by a member of a team and by a student in no team,
// each running <runs-program> (two fits); every account has <password>.
// Usage: node editor.e2e.mjs <base-url> <email> <password> <assignment-id> <member-email> <loner-email> <runs-program>
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [baseUrl, email, password, assignmentId, memberEmail, lonerEmail, runsProgram] = process.argv.slice(2);
// Screenshots go to the server module's target folder, beside the test reports.
const SCREENSHOTS = fileURLToPath(new URL('../../../target/e2e/', import.meta.url));
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

const isSettled = () => ['Finished.', 'Stopped'].some((s) => document.querySelector('#status').textContent.startsWith(s))
  || document.querySelector('#status').classList.contains('error');

// Opens the editor for the assignment in a browser of its own, signs in with the form, and runs runsProgram: reports
// what the run-log line said (each text it showed, in order), what was compiled, and each run the page sent.
async function runForAssignment(accountEmail, screenshot) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource')
      && pageErrors.push(message.text()));
    const compiled = {};
    const saves = [];
    page.on('response', async (response) => {
      const { pathname } = new URL(response.url());
      const method = response.request().method();
      if (method === 'POST' && pathname === '/api/compile') {
        compiled.source = JSON.parse(response.request().postData()).files['Main.java'];
        compiled.sourceSha256 = (await response.json().catch(() => ({}))).sourceSha256;
      } else if (method === 'POST' && pathname === `/api/assignments/${assignmentId}/runs`) {
        const sent = JSON.parse(response.request().postData());
        const body = await response.json().catch(() => ({}));
        saves.push({ status: response.status(), name: sent.record.name, sourceSha256: sent.sourceSha256,
          detail: body.detail ?? null });
      }
    });
    await page.goto(new URL(`/?assignment=${encodeURIComponent(assignmentId)}`, baseUrl).href);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
    const seenHere = {
      destination: await page.textContent('#run-log'),
      destinationVisible: await page.isVisible('#run-log'),
    };
    await page.fill('#sign-in-email', accountEmail);
    await page.fill('#sign-in-password', password);
    await page.click('#sign-in button[type="submit"]');
    await page.waitForSelector('#account:not([hidden])', { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('#course-datasets').textContent.length > 0
      && !document.querySelector('#course-datasets').textContent.startsWith('Listing'), null, { timeout: 30_000 });
    // Every text the line shows from now on, so that a message replaced by the next one is seen too.
    await page.evaluate(() => {
      const line = document.querySelector('#run-log');
      window.runLogLines = [];
      new MutationObserver(() => window.runLogLines.push(line.textContent))
        .observe(line, { childList: true, characterData: true, subtree: true });
    });
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(runsProgram);
    await page.click('#run');
    await page.waitForFunction(isSettled, null, { timeout: 180_000 });
    // Saving ends after the program: wait for the line to answer for the last run (or to show a problem).
    await page.waitForFunction(() => {
      const line = document.querySelector('#run-log');
      return line.classList.contains('error') || line.textContent.endsWith(': second.');
    }, null, { timeout: 60_000 });
    // Both runs answered (a failed save leaves the line at the first problem until the second one's).
    await page.waitForFunction(() => window.runLogLines.length >= 2, null, { timeout: 60_000 }).catch(() => {});
    for (let wait = 0; wait < 50 && saves.length < 2; wait++) {
      await page.waitForTimeout(100);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: SCREENSHOTS + screenshot, fullPage: true });
    return {
      ...seenHere,
      status: await page.textContent('#status'),
      stdout: await page.$$eval('#output .stdout', (spans) => spans.map((s) => s.textContent).join('')),
      stderr: await page.$$eval('#output .stderr', (spans) => spans.map((s) => s.textContent).join('')),
      runLog: await page.textContent('#run-log'),
      runLogError: await page.$eval('#run-log', (line) => line.classList.contains('error')),
      runLogLines: await page.evaluate(() => window.runLogLines),
      compiled,
      saves,
      screenshot: SCREENSHOTS + screenshot,
    };
  } finally {
    await context.close();
  }
}

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
  await context.close();

  // 5. Opened for an assignment: a team member's two fits reach the team's experiment log, and a student in no
  //    team reads why the server keeps none of theirs.
  seen.teamRuns = await runForAssignment(memberEmail, 'experiment-log-saved.png');
  seen.lonerRuns = await runForAssignment(lonerEmail, 'experiment-log-no-team.png');
  seen.pageErrors = pageErrors;
} catch (error) {
  seen.failure = String(error);
  seen.pageErrors = pageErrors;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
