// Drives the playground (/playground) in headless Chromium with WebGPU on SwiftShader and prints what a student
// would see as one JSON object; EditorEndToEndTest asserts on it. The student's course has Fashion-MNIST.
// Then an assignment's workspace (/assignments/<id>/workspace) is opened by a member of a team, who runs
// <runs-program> (two fits), and by a student in no team; every account has <password>.
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

// Loads the course's pretrained model by name and predicts one example.
const PRETRAINED_PROGRAM = `import org.backprop.nn.Tensor;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Pretrained;

public class Main {
    public static void main(String[] args) {
        Model base = Pretrained.load("tiny_base");
        float[] out = base.predict(Tensor.of(new float[][] {{1, 2, 3, 4}})).toArray();
        System.out.println(base.countParams() + " " + out[0] + " " + out[1]);
    }
}
`;

const STATUS = '[data-testid="status"]';
const isSettled = () => {
  const status = document.querySelector('[data-testid="status"]');
  return ['Finished.', 'Stopped'].some((s) => status.textContent.startsWith(s)) || status.classList.contains('error');
};
const stdoutOf = (page) => page.$$eval('[data-testid="output"] .stdout', (spans) => spans.map((s) => s.textContent).join(''));
const stderrOf = (page) => page.$$eval('[data-testid="output"] .stderr', (spans) => spans.map((s) => s.textContent).join(''));

/** Replaces the text of the file open in the editor. */
async function type(page, text) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

async function signIn(page, accountEmail, next) {
  await page.goto(new URL(`/sign-in?next=${encodeURIComponent(next)}`, baseUrl).href);
  await page.fill('input[name="email"]', accountEmail);
  await page.fill('input[name="password"]', password);
  await page.click('form[data-testid="sign-in"] button[type="submit"]');
  await page.waitForURL((url) => url.pathname === next, { timeout: 30_000 });
}

function watchErrors(page) {
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // Failed requests are logged as console errors too; a 422 for a compile error is expected, so only script errors
  // count.
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource')
    && pageErrors.push(message.text()));
}

// Opens the assignment's workspace as a member of a team, runs runsProgram, and reports what the run-log line said
// (each text it showed, in order), what was compiled, and each run the page sent.
async function runForAssignment(accountEmail, screenshot) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    watchErrors(page);
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
    await signIn(page, accountEmail, `/assignments/${assignmentId}/workspace`);
    await page.waitForSelector('.cm-content', { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="course-datasets"]')?.textContent.length > 0,
      null, { timeout: 30_000 });
    const seenHere = { destination: await page.textContent('.editor-pane > .muted.small') };
    // Every text the run-log line shows, so that a message replaced by the next one is seen too.
    await page.evaluate(() => {
      window.runLogLines = [];
      new MutationObserver(() => {
        const line = document.querySelector('[data-testid="run-log"]');
        if (line && line.textContent !== window.runLogLines[window.runLogLines.length - 1]) {
          window.runLogLines.push(line.textContent);
        }
      }).observe(document.body, { childList: true, characterData: true, subtree: true });
    });
    await type(page, runsProgram);
    await page.click('[data-testid="run"]');
    await page.waitForFunction(isSettled, null, { timeout: 180_000 });
    // Saving ends after the program: wait for the line to answer for the last run (or to show a problem).
    await page.waitForFunction(() => {
      const line = document.querySelector('[data-testid="run-log"]');
      return line && (line.classList.contains('error') || line.textContent.endsWith(': second.'));
    }, null, { timeout: 60_000 });
    for (let wait = 0; wait < 50 && saves.length < 2; wait++) {
      await page.waitForTimeout(100);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: SCREENSHOTS + screenshot });
    return {
      ...seenHere,
      status: await page.textContent(STATUS),
      stdout: await stdoutOf(page),
      stderr: await stderrOf(page),
      runLog: await page.textContent('[data-testid="run-log"]'),
      runLogError: await page.$eval('[data-testid="run-log"]', (line) => line.classList.contains('error')),
      runLogLines: await page.evaluate(() => window.runLogLines),
      liveEpochs: Number(await page.getAttribute('[data-testid="live-charts"]', 'data-epochs')),
      compiled,
      saves,
      screenshot: SCREENSHOTS + screenshot,
    };
  } finally {
    await context.close();
  }
}

// A student in no team opens the workspace: the page says why there is none, in the server's words.
async function openWithoutTeam(accountEmail, screenshot) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    watchErrors(page);
    await signIn(page, accountEmail, `/assignments/${assignmentId}/workspace`);
    await page.waitForSelector('.state.error', { timeout: 30_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: SCREENSHOTS + screenshot });
    return { refusal: await page.textContent('.state.error p'), editors: await page.locator('.cm-content').count() };
  } finally {
    await context.close();
  }
}

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Shard downloads, counted at the context: the worker's requests are the context's, not the page's.
  let shardRequests = 0;
  let modelRequests = 0;
  context.on('request', (request) => {
    shardRequests += request.url().includes('/api/datasets/shards/') ? 1 : 0;
    modelRequests += request.url().includes('/api/pretrained/') ? 1 : 0;
  });
  watchErrors(page);

  // 0. Not signed in: the playground sends the visitor to sign in, and comes back after.
  await page.goto(new URL('/playground', baseUrl).href);
  await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 30_000 });
  seen.signInOffered = await page.isVisible('form[data-testid="sign-in"]');
  seen.anonymousRun = await page.textContent('section.card p');
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', 'not the password');
  await page.click('form[data-testid="sign-in"] button[type="submit"]');
  await page.waitForSelector('.notice.error', { timeout: 30_000 });
  seen.wrongPassword = await page.textContent('.notice.error');
  await page.fill('input[name="password"]', password);
  await page.click('form[data-testid="sign-in"] button[type="submit"]');
  await page.waitForURL((url) => url.pathname === '/playground', { timeout: 30_000 });
  await page.waitForSelector('[data-testid="account"]', { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="course-datasets"]')?.textContent.startsWith('Datasets'),
    null, { timeout: 30_000 });
  seen.signedIn = {
    account: (await page.textContent('[data-testid="account"]')).replace(/^Signed in as /, '').replace(/Sign out$/, '').trim(),
    formHidden: (await page.locator('form[data-testid="sign-in"]').count()) === 0,
  };
  seen.signedIn.course = await page.$eval('[data-testid="course-select"]', (select) => select.selectedOptions[0].textContent);
  seen.signedIn.datasets = await page.textContent('[data-testid="course-datasets"]');

  // 1. The sample as the playground opens it: Run compiles it and trains nothing yet, just one dense layer.
  await page.click('[data-testid="run"]');
  await page.waitForFunction(isSettled, null, { timeout: 120_000 });
  seen.sample = {
    status: await page.textContent(STATUS),
    stdout: await stdoutOf(page),
    backend: await page.textContent('[data-testid="backend"]'),
  };

  // 2. A compile error: the editor marks the line, the status says how many errors.
  const broken = 'public class Main {\n    public static void main(String[] args) {\n        int x = "text";\n    }\n}\n';
  await type(page, broken);
  await page.click('[data-testid="compile"]');
  await page.waitForSelector('.cm-lintRange-error', { timeout: 60_000 });
  seen.compileError = {
    status: await page.textContent(STATUS),
    markedLines: await page.$$eval('.cm-content > .cm-line', (lines) => lines
      .map((line, index) => (line.querySelector('.cm-lintRange-error') ? index + 1 : 0))
      .filter((n) => n > 0)),
    output: await page.textContent('[data-testid="output"]'),
  };

  // 3. A program that never ends: Stop terminates its worker and the page stays usable.
  const endless = 'public class Main {\n    public static void main(String[] args) {\n        System.out.println("training");\n        while (true) { }\n    }\n}\n';
  await type(page, endless);
  await page.click('[data-testid="run"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').textContent.includes('training'), null, { timeout: 60_000 });
  await page.click('[data-testid="stop"]');
  seen.stopped = {
    status: await page.textContent(STATUS),
    runEnabled: await page.isEnabled('[data-testid="run"]'),
  };

  // 4. A program that loads a dataset: the first run downloads it with a progress bar, the second run and a
  //    reloaded page read it from the browser's Cache API and download nothing.
  const runAgain = async () => {
    shardRequests = 0;
    modelRequests = 0;
    await page.click('[data-testid="run"]');
    await page.waitForFunction(isSettled, null, { timeout: 180_000 });
    return {
      status: await page.textContent(STATUS),
      stdout: await stdoutOf(page),
      stderr: await stderrOf(page),
      shardRequests,
      modelRequests,
      progress: await page.locator('[data-testid="downloads"] progress').evaluateAll((bars) => bars.map((bar) => ({
        label: document.getElementById(bar.getAttribute('aria-labelledby'))?.textContent,
        value: bar.value,
        max: bar.max,
        visible: bar.checkVisibility(),
      }))),
    };
  };
  await type(page, DATASET_PROGRAM);
  seen.datasetFirstRun = await runAgain();
  seen.datasetSecondRun = await runAgain();
  await page.reload();
  await page.waitForSelector('.cm-content', { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="course-datasets"]')?.textContent.startsWith('Datasets'),
    null, { timeout: 30_000 });
  // The playground keeps its files in this browser: the program is still there after the reload.
  seen.keptAfterReload = (await page.textContent('.cm-content')).includes('Datasets.load("fashion_mnist", "train")');
  seen.datasetAfterReload = await runAgain();

  // 5. A program that loads the course's pretrained model: downloaded by its hash once, then kept like a shard.
  await type(page, PRETRAINED_PROGRAM);
  seen.pretrainedFirstRun = await runAgain();
  seen.pretrainedSecondRun = await runAgain();
  await context.close();

  // 6. An assignment's workspace: a team member's two fits reach the team's experiment log as each ends; a student
  //    in no team reads why there is no workspace for them.
  seen.teamRuns = await runForAssignment(memberEmail, 'experiment-log-saved.png');
  seen.loner = await openWithoutTeam(lonerEmail, 'workspace-no-team.png');
  seen.pageErrors = pageErrors;
} catch (error) {
  seen.failure = String(error);
  seen.pageErrors = pageErrors;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
