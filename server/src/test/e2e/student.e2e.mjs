// A team's homework in the real app, in headless Chromium with WebGPU on SwiftShader; StudentAppEndToEndTest sets the
// course up, grades and publishes between the two phases, and asserts on the JSON this prints.
//
// Phase "team": three students join the course with its code and form a team (one creates it, one joins from the
// list, one with the team's code). The first opens the homework, breaks model/ConvNet.java and sees the compile error
// at its line in that file, fixes it, trims the study to run quickly, runs it and watches the charts grow epoch by
// epoch; a reload keeps the files. A teammate sees the runs in the experiment log and saves a file the first student
// is also editing: the first student's save shows both versions. The report embeds the run's curves and the ablation
// table; the team submits and reads the acknowledgement.
// Phase "feedback": the first student reads the published feedback, asks for a regrade, and reads the app in Korean.
// Phase "learning": a teammate trains the starter's baseline on both datasets in the playground.
//
// Usage: node student.e2e.mjs <base-url> <phase> <assignment-id> <join-code> <password> <email>...
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [baseUrl, phase, assignmentId, joinCode, password, ...emails] = process.argv.slice(2);
const SCREENSHOTS = fileURLToPath(new URL('../../../target/e2e/', import.meta.url));
const CHROMIUM_ARGS = ['--no-sandbox', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];
const TEAM = 'Gradient Descenders';
const LONG = { timeout: 60_000 };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: CHROMIUM_ARGS });
const seen = { pageErrors: [] };
mkdirSync(SCREENSHOTS, { recursive: true });

const url = (path) => new URL(path, baseUrl).href;
const shot = (page, name) => page.screenshot({ path: `${SCREENSHOTS}student-${name}.png` });

/** A student's own browser, signed in and on {@code path}. */
async function student(email, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => seen.pageErrors.push(`${email}: ${error}`));
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource')
    && seen.pageErrors.push(`${email}: ${message.text()}`));
  await page.goto(url(`/sign-in?next=${encodeURIComponent(path)}`));
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('form[data-testid="sign-in"] button[type="submit"]');
  await page.waitForURL((at) => at.pathname === path, LONG);
  pages.push(page);
  return page;
}

/** Every student's page, for a screenshot of each when the journey fails. */
const pages = [];

/** Opens a file of the workspace's tree. */
const openFile = (page, path) => page.click(`[data-testid="file-tree"] button.file[data-path="${path}"]`);

/**
 * The line numbers of the drawn lines that match {@code test(lineElement)}: CodeMirror draws only the lines in view,
 * so a line's number is read from the line-number gutter at the same height.
 */
const lineNumbers = (page, test) => page.evaluate((source) => {
  const matches = new Function(`return ${source}`)();
  const numbers = [...document.querySelectorAll('.cm-lineNumbers .cm-gutterElement')]
    .map((element) => ({ top: Math.round(element.getBoundingClientRect().top), number: Number(element.textContent) }));
  return [...document.querySelectorAll('.cm-content > .cm-line')].filter(matches).map((line) => {
    const top = Math.round(line.getBoundingClientRect().top);
    return numbers.find((n) => Math.abs(n.top - top) <= 2)?.number ?? 0;
  });
}, test.toString());

const markedLines = (page) => lineNumbers(page, (line) => line.querySelector('.cm-lintRange-error') != null);

async function joinCourseAndTeam(page, how, teamCode) {
  await page.fill('form[data-testid="join-course"] input[name="code"]', joinCode);
  await page.click('form[data-testid="join-course"] button');
  await page.waitForSelector('.notice.ok', LONG);
  const joined = await page.textContent('.notice.ok');
  await page.click('[data-testid="course-list"] a');
  await page.waitForSelector('[data-testid="my-team"]', LONG);
  await page.click('[data-testid="my-team"] a');
  await page.waitForSelector('[data-testid="selection-window"]', LONG);
  if (how === 'create') {
    await page.fill('form[data-testid="create-team"] input[name="name"]', TEAM);
    await page.click('form[data-testid="create-team"] button');
  } else if (how === 'list') {
    await page.click(`[data-testid="team-table"] button:has-text("${TEAM}")`);
  } else {
    await page.fill('form[data-testid="join-team-code"] input[name="code"]', teamCode);
    await page.click('form[data-testid="join-team-code"] button');
  }
  await page.waitForSelector('[data-testid="team-mine"]', LONG);
  return { joined, notice: await page.textContent('.notice'), team: await page.textContent('[data-testid="team-mine"]') };
}

/** The starter's Main.java trimmed to run quickly: one dataset, the baseline and one variant, three short epochs. */
function quickStudy(main) {
  return main
    .replace('static final String[] DATASETS = {"fashion_mnist", "mnist"};', 'static final String[] DATASETS = {"fashion_mnist"};')
    .replace('static final int TRAIN_EXAMPLES = 2000;', 'static final int TRAIN_EXAMPLES = 192;')
    .replace('static final int VALIDATION_EXAMPLES = 500;', 'static final int VALIDATION_EXAMPLES = 64;')
    .replace('static final int EPOCHS = 2;', 'static final int EPOCHS = 3;')
    .replace('Components[] variants = Components.ablation();',
      'Components[] variants = {Components.ablation()[0], Components.ablation()[2]};');
}

/** The starter's Main.java cut to its baselines, enough data and epochs to learn at the test's 12x12. */
function baselinesOnly(main) {
  return main
    .replace('static final int TRAIN_EXAMPLES = 2000;', 'static final int TRAIN_EXAMPLES = 512;')
    .replace('static final int VALIDATION_EXAMPLES = 500;', 'static final int VALIDATION_EXAMPLES = 64;')
    .replace('static final int EPOCHS = 2;', 'static final int EPOCHS = 4;')
    .replace('Components[] variants = Components.ablation();', 'Components[] variants = {Components.baseline()};');
}

async function teamPhase() {
  const [emailA, emailB, emailC] = emails;
  // 1. Join the course with its code, and form the team.
  const a = await student(emailA, '/courses');
  await a.waitForSelector('.state.empty', LONG);
  seen.emptyCourses = await a.textContent('main');
  seen.joinA = await joinCourseAndTeam(a, 'create');
  await shot(a, 'teams');
  const teamCode = /code: (\S+)/.exec(seen.joinA.team)?.[1];
  const b = await student(emailB, '/courses');
  seen.joinB = await joinCourseAndTeam(b, 'list');
  const c = await student(emailC, '/courses');
  await shot(c, 'courses');
  seen.joinC = await joinCourseAndTeam(c, 'code', teamCode);
  await c.goto(url('/courses'));
  await c.click('[data-testid="course-list"] a');
  await c.waitForSelector('[data-testid="assignment-list"]', LONG);
  seen.courseHome = {
    countdown: await c.textContent('[data-testid="countdown"]'),
    timeline: await c.textContent('[data-testid="credit-timeline"]'),
    team: await c.textContent('[data-testid="my-team"]'),
  };
  await shot(c, 'course-home');
  await c.context().close();

  // 2. The workspace: the starter's files; a compile error at its line in model/ConvNet.java, then fixed.
  await a.goto(url(`/assignments/${assignmentId}/workspace`));
  await a.waitForSelector('.cm-content', LONG);
  seen.files = await a.$$eval('[data-testid="file-tree"] button.file', (buttons) => buttons.map((b) => b.dataset.path));
  await openFile(a, 'model/ConvNet.java');
  await a.waitForSelector('[data-testid="editor"][data-path="model/ConvNet.java"]', LONG);
  // The line is far down the file: go to the end, where it is drawn.
  await a.click('.cm-content');
  await a.keyboard.press('Control+End');
  const returnLine = a.locator('.cm-line', { hasText: 'return new Model(inputs, outputs);' });
  await returnLine.click();
  [seen.brokenLine] = await lineNumbers(a, (line) => line.textContent.includes('return new Model(inputs, outputs);'));
  await a.keyboard.press('End');
  await a.keyboard.press('Backspace');
  await a.waitForFunction(() => [...document.querySelectorAll('.cm-line')]
    .some((line) => line.textContent.trimEnd().endsWith('return new Model(inputs, outputs)')), null, LONG);
  await a.click('[data-testid="compile"]');
  await a.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent.includes('compile error'),
    null, LONG);
  await a.waitForSelector('.cm-lintRange-error', LONG);
  seen.compileError = {
    status: await a.textContent('[data-testid="status"]'),
    file: await a.getAttribute('[data-testid="editor"]', 'data-path'),
    markedLines: await markedLines(a),
    output: await a.textContent('[data-testid="output"]'),
  };
  await shot(a, 'workspace-compile-error');
  await a.locator('.cm-line', { hasText: 'return new Model(inputs, outputs)' }).click();
  await a.keyboard.press('End');
  await a.keyboard.type(';');

  // 3. Trim the study, run it, and watch the charts grow epoch by epoch.
  await openFile(a, 'Main.java');
  await a.waitForSelector('[data-testid="editor"][data-path="Main.java"]', LONG);
  const starterMain = await a.evaluate(async (id) => (await (await fetch(`/api/assignments/${id}/workspace`)).json())
    .files.find((f) => f.path === 'Main.java').content, assignmentId);
  const trimmed = quickStudy(starterMain);
  seen.trimmed = trimmed !== starterMain && trimmed.includes('TRAIN_EXAMPLES = 192');
  await a.click('.cm-content');
  await a.keyboard.press('Control+A');
  await a.keyboard.insertText(trimmed);
  await a.evaluate(() => {
    window.epochsSeen = [];
    new MutationObserver(() => {
      const charts = document.querySelector('[data-testid="live-charts"]');
      const label = document.querySelector('#fit-progress-label')?.textContent ?? '';
      const entry = `${/Run (\S+):/.exec(label)?.[1] ?? '?'}@${charts?.dataset.epochs ?? 0}`;
      if (charts && window.epochsSeen[window.epochsSeen.length - 1] !== entry) {
        window.epochsSeen.push(entry);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await a.keyboard.press('Control+Enter');
  await a.waitForSelector('[data-testid="live-charts"]', { timeout: 120_000 });
  await a.waitForFunction(() => Number(document.querySelector('[data-testid="live-charts"]')?.dataset.epochs) >= 2,
    null, { timeout: 300_000 });
  await shot(a, 'workspace-training');
  await a.waitForFunction(() => {
    const status = document.querySelector('[data-testid="status"]');
    return ['Finished.', 'Stopped'].some((s) => status.textContent.startsWith(s)) || status.classList.contains('error');
  }, null, { timeout: 600_000 });
  await a.waitForFunction(() => document.querySelector('[data-testid="run-log"]')?.textContent.includes('no-residual'),
    null, LONG).catch(() => {});
  seen.run = {
    status: await a.textContent('[data-testid="status"]'),
    backend: await a.textContent('[data-testid="backend"]'),
    epochsSeen: await a.evaluate(() => window.epochsSeen),
    stdout: await a.$$eval('[data-testid="output"] .stdout', (spans) => spans.map((s) => s.textContent).join('')),
    stderr: await a.$$eval('[data-testid="output"] .stderr', (spans) => spans.map((s) => s.textContent).join('')),
    runLog: await a.textContent('[data-testid="run-log"]').catch(() => null),
    charts: await a.$$eval('[data-testid="live-charts"] figure', (figures) => figures.map((f) => f.dataset.testid)),
    savedModels: await a.textContent('[data-testid="saved-models"]').catch(() => null),
  };
  await shot(a, 'workspace-finished');
  // The model the program saved, downloaded to hand in as the weights.
  const [download] = await Promise.all([a.waitForEvent('download'), a.click('[data-testid="saved-models"] a')]);
  const weights = await download.path();
  seen.modelDownload = download.suggestedFilename();

  // 4. A reload keeps the files: the trimmed study was saved when it ran.
  await a.reload();
  await a.waitForSelector('.cm-content', LONG);
  seen.afterReload = (await a.textContent('.cm-content')).includes('TRAIN_EXAMPLES = 192');

  // 5. A teammate reads the runs in the experiment log, then saves model/Components.java.
  await b.goto(url(`/assignments/${assignmentId}/experiments`));
  await b.waitForSelector('[data-testid="run-table"]', LONG);
  await b.waitForSelector('[data-testid="curve-loss"]', LONG);
  seen.experiments = {
    rows: await b.$$eval('[data-testid="run-table"] tbody tr', (rows) => rows.map((row) => ({
      run: row.dataset.run, member: row.cells[1].textContent, tags: row.cells[3].textContent }))),
    curves: await b.$$eval('.chart-grid figure', (figures) => figures.map((f) => f.dataset.testid)),
    ablation: await b.textContent('[data-testid="ablation-table"]').catch(() => null),
    details: await b.isVisible('[data-testid="model-table"]'),
    weights: await b.$$eval('[data-testid="run-table"] a[download]', (links) => links.map((l) => l.getAttribute('download'))),
  };
  await shot(b, 'experiments');
  await openFile(a, 'model/Components.java');
  await a.waitForSelector('[data-testid="editor"][data-path="model/Components.java"]', LONG);
  await b.goto(url(`/assignments/${assignmentId}/workspace`));
  await b.waitForSelector('.cm-content', LONG);
  await openFile(b, 'model/Components.java');
  await b.waitForSelector('[data-testid="editor"][data-path="model/Components.java"]', LONG);
  await b.click('.cm-line >> nth=0');
  await b.keyboard.press('Home');
  await b.keyboard.insertText('// Tried a wider stem: no better.\n');
  await b.keyboard.press('Control+s');
  await b.waitForSelector('.notice.ok', LONG);
  seen.teammateSave = await b.textContent('.notice.ok');

  // 6. The first student edits the same file, still at the revision they opened: the save shows both versions.
  await a.click('.cm-line >> nth=0');
  await a.keyboard.press('Home');
  await a.keyboard.insertText('// Dropout next?\n');
  await a.click('[data-testid="save"]');
  await a.waitForSelector('[data-testid="conflict"]', LONG);
  seen.conflict = {
    title: await a.textContent('#conflict-title'),
    theirs: await a.textContent('[data-testid="theirs"]'),
    mine: await a.textContent('.cm-content'),
    notice: await a.textContent('.notice.error'),
  };
  await shot(a, 'workspace-conflict');
  await a.click('[data-testid="take-theirs"]');
  await a.waitForSelector('[data-testid="conflict"]', { state: 'detached', timeout: 30_000 });
  seen.afterTakingTheirs = await a.textContent('.cm-content');

  // 7. The report embeds the baseline's curves and the ablation table, drawn by the renderer the TA reads.
  await a.goto(url(`/assignments/${assignmentId}/report`));
  await a.waitForSelector('[data-testid="report-markdown"]', LONG);
  const template = await a.inputValue('[data-testid="report-markdown"]');
  await a.fill('[data-testid="report-markdown"]', `${template}\n## Results\n\nOur baseline:\n\n{{run:fashion_mnist/baseline}}\n\n{{ablation}}\n\n`
    + '<img src=x onerror="window.hacked = true"> <script>window.hacked = true</script>\n');
  await a.waitForSelector('[data-testid="report-preview"] [data-testid="curve-loss"]', LONG);
  await a.waitForSelector('[data-testid="report-preview"] [data-testid="ablation-table"]', LONG);
  await a.click('[data-testid="save-report"]');
  await a.waitForSelector('.notice.ok', LONG);
  seen.report = {
    saved: await a.textContent('.notice.ok'),
    embeds: await a.$$eval('[data-testid="report-preview"] [data-testid]', (nodes) => nodes.map((n) => n.dataset.testid)),
    hacked: await a.evaluate(() => window.hacked === true),
    scripts: await a.$$eval('[data-testid="report-preview"] script, [data-testid="report-preview"] [onerror]', (n) => n.length),
  };
  await shot(a, 'report');

  // 8. Submit the files, both runs and the report; the acknowledgement names the version, hash and credit.
  await a.goto(url(`/assignments/${assignmentId}/submit`));
  await a.waitForSelector('[data-testid="submit-form"]', LONG);
  seen.creditNow = await a.textContent('[data-testid="credit-now"]');
  for (const box of await a.$$('[data-testid="submit-form"] input[type="checkbox"][data-run]')) {
    await box.check();
  }
  await a.setInputFiles('[data-testid="submit-form"] input[type="file"]', { name: seen.modelDownload,
    mimeType: 'application/octet-stream', buffer: (await import('node:fs')).readFileSync(weights) });
  seen.confirm = await a.textContent('[data-testid="confirm-submit"]');
  await a.click('[data-testid="confirm-submit"]');
  await a.waitForSelector('[data-testid="receipt"]', LONG);
  seen.receipt = {
    title: await a.textContent('[data-testid="receipt"] h2'),
    hash: await a.textContent('[data-testid="content-hash"]'),
    credit: await a.textContent('[data-testid="receipt-credit"]'),
  };
  await a.waitForSelector('[data-testid="submissions"]', LONG);
  await shot(a, 'submit');
}

async function feedbackPhase() {
  const a = await student(emails[0], `/assignments/${assignmentId}/feedback`);
  await a.waitForSelector('[data-testid="feedback-items"]', LONG);
  seen.feedback = {
    total: await a.textContent('[data-testid="feedback-total"]'),
    items: await a.$$eval('[data-testid="feedback-items"] tbody tr', (rows) => rows.map((row) => ({
      key: row.dataset.item, points: row.cells[1].textContent.trim(), message: row.cells[2].textContent.trim() }))),
  };
  await a.click('[data-testid="regrade-team-report"]');
  await a.fill('[data-item="team-report"] textarea[name="reason"]', 'Our report names all three of us in "Who did what".');
  await a.click('[data-item="team-report"] button[type="submit"]');
  await a.waitForSelector('[data-item="team-report"] [data-testid="regrade-request"]', LONG);
  seen.regrade = await a.textContent('[data-item="team-report"] [data-testid="regrade-request"]');
  await shot(a, 'feedback');

  // The Korean UI: the switch re-renders every screen's text, and the choice is kept.
  await a.selectOption('[data-testid="language"]', 'ko');
  await a.waitForSelector('[data-testid="tab-workspace"]:has-text("작업 공간")', LONG);
  seen.korean = { tabs: await a.textContent('nav.tabs'), lang: await a.getAttribute('html', 'lang') };
  await shot(a, 'feedback-ko');
  await a.click('[data-testid="tab-workspace"]');
  await a.waitForSelector('.cm-content', LONG);
  seen.korean.workspace = await a.textContent('.editor-pane .toolbar');

  // Completion and hover documentation for org.backprop.nn, from the index built from the library's sources.
  await a.click('.cm-content');
  await a.keyboard.press('Control+End');
  await a.keyboard.type('\n        Datasets.lo');
  await a.waitForSelector('.cm-tooltip-autocomplete li', LONG);
  seen.completion = await a.$$eval('.cm-tooltip-autocomplete li', (items) => items.map((item) => item.textContent));
  await shot(a, 'workspace-completion');
  await a.keyboard.press('Escape');
  // The mouse rests on the word "Datasets" of `Datasets.load(name, "train")` (found with a DOM range: the word has no
  // element of its own); hover documentation waits for the pointer to rest, so it is moved there again until it shows.
  const word = await a.evaluate(() => {
    const line = [...document.querySelectorAll('.cm-line')].find((l) => l.textContent.includes('Datasets.load(name'));
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf('Datasets');
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at + 2);
        range.setEnd(node, at + 3);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
    }
    return null;
  });
  for (let attempt = 0; attempt < 5; attempt++) {
    await a.mouse.move(word.x, word.y - 60);
    await a.mouse.move(word.x, word.y, { steps: 5 });
    if (await a.waitForSelector('.cm-tooltip-hover', { timeout: 5_000 }).then(() => true, () => false)) {
      break;
    }
  }
  await a.waitForSelector('.cm-tooltip-hover', LONG);
  seen.hover = await a.textContent('.cm-tooltip-hover');
  await shot(a, 'workspace-ko');
  await a.reload();
  await a.waitForSelector('.cm-content', LONG);
  seen.korean.kept = await a.textContent('[data-testid="run"]');
}

// Phase "learning": the starter's network, its baseline on both of the course's datasets, trained in the playground
// (this browser's files, the course's data): the validation accuracy it reaches is returned for the test to judge.
async function learningPhase() {
  const b = await student(emails[1], '/courses');
  const starter = await b.evaluate(async (id) => (await fetch(`/api/assignments/${id}/starter`)).json(), assignmentId);
  const files = { ...starter, 'Main.java': baselinesOnly(starter['Main.java']) };
  seen.trimmed = files['Main.java'] !== starter['Main.java'] && files['Main.java'].includes('TRAIN_EXAMPLES = 512');
  await b.evaluate((bench) => localStorage.setItem('backprop.playground.files', JSON.stringify(Object.fromEntries(
    Object.entries(bench).map(([path, content]) => [path, { content, revision: 1 }])))), files);
  await b.goto(url('/playground'));
  await b.waitForSelector('.cm-content', LONG);
  await b.click('[data-testid="run"]');
  // Mid-run, the student switches to Korean and back: the screen is drawn again in place, so the program keeps
  // running and what it printed stays.
  await b.waitForFunction(() => document.querySelector('[data-testid="output"] span'), null, LONG);
  await b.selectOption('[data-testid="language"]', 'ko');
  await b.waitForSelector('[data-testid="status"]:has-text("실행 중")', LONG);
  seen.midRunKorean = {
    status: await b.textContent('[data-testid="status"]'),
    printed: await b.$$eval('[data-testid="output"] span', (spans) => spans.length),
  };
  await shot(b, 'playground-learning-ko');
  await b.selectOption('[data-testid="language"]', 'en');
  await b.waitForFunction(() => {
    const status = document.querySelector('[data-testid="status"]');
    return status.textContent.startsWith('Finished') || status.classList.contains('error');
  }, null, { timeout: 10 * 60_000 });
  seen.status = await b.textContent('[data-testid="status"]');
  seen.stdout = await b.$$eval('[data-testid="output"] .stdout', (spans) => spans.map((s) => s.textContent).join(''));
  await shot(b, 'playground-learning');
}

const phases = { team: teamPhase, feedback: feedbackPhase, learning: learningPhase };
try {
  await phases[phase]();
} catch (error) {
  seen.failure = String(error.stack ?? error);
  for (const [i, page] of pages.entries()) {
    seen.failure += `\n${page.url()}: status "${await page.textContent('[data-testid="status"]').catch(() => '')}"`;
    await shot(page, `failure-${phase}-${i}`).catch(() => {});
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
