// The instructor's console in the real app, in headless Chromium; InstructorConsoleEndToEndTest sets the course up,
// submits and grades between the two phases, and asserts on the JSON this prints.
//
// Phase "publish": the instructor opens the console from the course's home; uploads an assignment folder whose
// assignment.yaml has two mistakes and reads them at their YAML paths and lines, then uploads the fixed folder; edits
// the deadline and the late-credit timeline and watches its picture; grants a team an extension; closes team
// selection and moves a student to another team; imports a slice of Fashion-MNIST as IDX files with the progress bar
// and reads its splits, counts, the hidden split and the grid of samples per class.
// Phase "grades": the instructor reads the queue and the gradebook (late credit, an override), re-queues a graded
// submission and downloads the gradebook's CSV and the assignment's Gradescope results.json; a TA opens the console
// and finds no instructor-only control; a student finds no console at all.
//
// Usage: node console.e2e.mjs <base-url> <phase> <json: {courseId, password, instructor, ta, student, badFolder,
//   goodFolder, idxFiles, due, moved, toTeam, extensionTeam}>
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [baseUrl, phase, json] = process.argv.slice(2);
const config = JSON.parse(json);
const SCREENSHOTS = fileURLToPath(new URL('../../../target/e2e/', import.meta.url));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];
const LONG = { timeout: 60_000 };
const FASHION = 'T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: CHROMIUM_ARGS });
const seen = { pageErrors: [] };
mkdirSync(SCREENSHOTS, { recursive: true });

const url = (path) => new URL(path, baseUrl).href;
const shot = (page, name) => page.screenshot({ path: `${SCREENSHOTS}console-${name}.png`, fullPage: true });
const console_ = (tab) => `/console/courses/${config.courseId}${tab ? `/${tab}` : ''}`;

/** A browser of its own for {@code email}, signed in and on {@code path}. */
async function signedIn(email, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => seen.pageErrors.push(`${email}: ${error}`));
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource')
    && seen.pageErrors.push(`${email}: ${message.text()}`));
  await page.goto(url(`/sign-in?next=${encodeURIComponent(path)}`));
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', config.password);
  await page.click('form[data-testid="sign-in"] button[type="submit"]');
  await page.waitForURL((at) => at.pathname === path, LONG);
  return page;
}

const text = (page, selector) => page.locator(selector).first().innerText();

async function importWithAMistakeThenFixed(page) {
  await page.click('[data-testid="console-tab-assignments"]');
  await page.waitForSelector('form[data-testid="import-upload"]', LONG);
  await page.waitForSelector('form[data-testid="import-server"] select, form[data-testid="import-server"] .state.empty', LONG);
  seen.serverFolders = await page.$$eval('form[data-testid="import-server"] option', (options) => options.map((o) => o.value));
  const upload = 'form[data-testid="import-upload"]';
  await page.setInputFiles(`${upload} input[type="file"]`, config.badFolder);
  seen.uploadId = await page.inputValue(`${upload} input[name="id"]`);
  await page.click(`${upload} button[type="submit"]`);
  await page.waitForSelector('[data-testid="spec-errors"]', LONG);
  seen.importErrors = await page.$$eval('[data-testid="spec-error"]', (rows) => rows.map((row) => ({
    path: row.querySelector('[data-testid="spec-error-path"]').textContent,
    line: Number(row.querySelector('[data-testid="spec-error-line"]').textContent),
    message: row.lastElementChild.textContent,
  })));
  seen.markedLines = await page.$$eval('.ic-yaml-line.marked', (lines) => lines.map((line) => line.textContent));
  seen.refusal = await text(page, '[data-testid="assignment-import"] .notice.error');
  await shot(page, 'assignment-errors');
  await page.setInputFiles(`${upload} input[type="file"]`, config.goodFolder);
  await page.click(`${upload} button[type="submit"]`);
  await page.waitForSelector('[data-testid="assignment-import"] .notice.ok', LONG);
  seen.imported = await text(page, '[data-testid="assignment-import"] .notice.ok');
  seen.errorsAfterFix = await page.locator('[data-testid="spec-errors"]').count();
}

async function editTheDeadline(page) {
  const editor = '[data-testid="deadline-editor"]';
  await page.waitForSelector(editor, LONG);
  await page.fill(`${editor} input[name="due"]`, config.due);
  await page.fill(`${editor} input[name="until-1"]`, '96h');
  await page.click(`${editor} [data-testid="add-step"]`);
  await page.fill(`${editor} input[name="until-2"]`, '7d');
  await page.fill(`${editor} input[name="credit-2"]`, '20');
  seen.preview = await text(page, `${editor} [data-testid="deadline-preview"]`);
  await page.click(`${editor} button[type="submit"]`);
  await page.waitForSelector(`${editor} .notice.ok`, LONG);
  seen.deadline = {
    notice: await text(page, `${editor} .notice.ok`),
    steps: await page.$$eval(`${editor} [data-testid="deadline-step"] input`, (inputs) => inputs.map((i) => i.value)),
    timeline: await text(page, `${editor} [data-testid="credit-timeline"]`),
    bars: await page.$$eval(`${editor} .timeline-bar span`, (spans) => spans.map((s) => s.textContent.trim())),
  };
  const extensions = '[data-testid="extensions"]';
  await page.selectOption(`${extensions} select[name="recipient"]`, { label: config.extensionTeam });
  await page.fill(`${extensions} input[name="hours"]`, '48');
  await page.fill(`${extensions} input[name="reason"]`, 'A member was in hospital; note seen');
  await page.click(`${extensions} button[type="submit"]`);
  await page.waitForSelector(`${extensions} .notice.ok`, LONG);
  await page.waitForSelector(`${extensions} table:has-text("A member was in hospital")`, LONG);
  seen.extension = { notice: await text(page, `${extensions} .notice.ok`), list: await text(page, `${extensions} table`) };
  await shot(page, 'assignments');
}

async function moveAStudent(page) {
  await page.click('[data-testid="console-tab-teams"]');
  await page.waitForSelector('[data-testid="team-set"]', LONG);
  seen.selectionBefore = await text(page, '[data-testid="selection-state"]');
  seen.moveControlsWhileOpen = await page.locator('.ic-move').count();
  await page.click('[data-testid="close-selection"]');
  await page.waitForSelector('[data-testid="selection-state"].notice.warn', LONG);
  seen.selectionAfter = await text(page, '[data-testid="selection-state"]');
  const row = page.locator('[data-testid="console-team-table"] li', { hasText: config.moved });
  await row.locator('select').selectOption({ label: config.toTeam });
  await row.locator('button').click();
  await page.waitForSelector(`text=${config.moved} is now in ${config.toTeam}.`, LONG);
  await page.waitForSelector(`[data-testid="console-team-table"] tr[data-team="${config.toTeam}"] li:has-text("${config.moved}")`, LONG);
  seen.moveNotice = await text(page, '[data-testid="team-set"] > .notice.ok');
  seen.teams = await page.$$eval('[data-testid="console-team-table"] tbody tr', (rows) => rows.map((row) => ({
    team: row.dataset.team, members: [...row.querySelectorAll('li > span:first-child')].map((s) => s.textContent),
  })));
  seen.audit = await text(page, '[data-testid="team-audit"]');
  await page.click('[data-testid="balance"] button.secondary');
  await page.waitForSelector('[data-testid="balance-preview"]', LONG);
  seen.balance = await text(page, '[data-testid="balance"]');
  await shot(page, 'teams');
}

async function importADataset(page) {
  await page.click('[data-testid="console-tab-datasets"]');
  const form = 'form[data-testid="dataset-import"]';
  await page.waitForSelector(form, LONG);
  await page.selectOption(`${form} select[name="format"]`, 'idx');
  await page.setInputFiles(`${form} input[name="file"]`, config.idxFiles);
  await page.fill(`${form} input[name="name"]`, 'fashion_mnist');
  await page.fill(`${form} input[name="version"]`, '1.0.0');
  await page.fill(`${form} input[name="hiddenSplit"]`, 'test');
  await page.fill(`${form} input[name="classNames"]`, FASHION);
  // Every state the progress bar passes through, as the page draws it.
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="upload-progress"] progress');
      if (bar && window.progressSeen.at(-1) !== bar.dataset.percent) {
        window.progressSeen.push(bar.dataset.percent);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.click(`${form} button[type="submit"]`);
  await page.waitForSelector('[data-testid="upload-progress"]', { timeout: 10_000 })
    .then(() => shot(page, 'datasets-progress'), () => null);
  await page.waitForSelector(`${form} .notice`, LONG);
  seen.datasetNotice = await text(page, `${form} .notice`);
  seen.progress = await page.evaluate(() => window.progressSeen);
  await page.waitForSelector('[data-testid="sample-grid"] canvas', LONG);
  seen.splits = await page.$$eval('[data-testid="dataset"][data-name="fashion_mnist"] tr[data-split]', (rows) => rows.map((row) => ({
    name: row.dataset.split, examples: Number(row.children[1].textContent.replace(/\D/g, '')), hidden: row.dataset.hidden === 'true',
    tag: row.children[2].textContent.trim(),
  })));
  seen.samples = await page.$$eval('[data-testid="sample-grid"] tbody tr', (rows) => rows.map((row) => ({
    label: row.querySelector('th').textContent,
    images: row.querySelectorAll('canvas').length,
    // The mean pixel of the class's first image: a drawn garment is not all black.
    mean: (() => {
      const canvas = row.querySelector('canvas');
      if (!canvas) {
        return 0;
      }
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) {
        sum += data[i];
      }
      return sum / (data.length / 4);
    })(),
  })));
  seen.sampleSplit = await page.getAttribute('[data-testid="sample-grid"]', 'data-split');
  await shot(page, 'datasets');
}

async function publishAPretrainedModel(page) {
  const form = 'form[data-testid="pretrained-publish"]';
  await page.waitForSelector(form, LONG);
  await page.setInputFiles(`${form} input[name="file"]`, config.modelFile);
  await page.fill(`${form} input[name="name"]`, 'tiny_base');
  await page.fill(`${form} input[name="version"]`, '1.0.0');
  await page.click(`${form} button[type="submit"]`);
  await page.waitForSelector(`${form} .notice`, LONG);
  await page.waitForSelector('[data-testid="pretrained-model"][data-name="tiny_base"]', LONG);
  seen.pretrained = {
    notice: await text(page, `${form} .notice`),
    facts: await text(page, '[data-testid="pretrained-model"][data-name="tiny_base"] p'),
    load: await text(page, '[data-testid="pretrained-model"][data-name="tiny_base"] code'),
  };
  await shot(page, 'pretrained');
}

async function publishPhase() {
  const page = await signedIn(config.instructor, `/courses/${config.courseId}`);
  await page.click('[data-testid="console-link"]');
  await page.waitForSelector('[data-testid="console"]', LONG);
  await page.waitForSelector('[data-testid="join-code"] code', LONG);
  await page.waitForSelector('[data-testid="members"] table', LONG);
  seen.courseTab = {
    role: await page.getAttribute('[data-testid="console"]', 'data-role'),
    settings: await page.locator('form[data-testid="course-settings"]').count(),
    joinCode: await text(page, '[data-testid="join-code"] code'),
  };
  await page.fill('form[data-testid="course-settings"] input[name="title"]', 'Deep Learning (Fall)');
  await page.click('form[data-testid="course-settings"] button[type="submit"]');
  await page.waitForSelector('form[data-testid="course-settings"] .notice.ok', LONG);
  seen.courseTab.saved = await text(page, 'form[data-testid="course-settings"] .notice.ok');
  await page.fill('form[data-testid="roster-import"] textarea[name="csv"]',
    `email,name,role\nnew-person-${Date.now()}@test.backprop.dev,New Person,STUDENT\nnot-an-email,Nobody,STUDENT\n`);
  await page.click('form[data-testid="roster-import"] button[type="submit"]');
  await page.waitForSelector('[data-testid="roster-errors"]', LONG);
  seen.roster = {
    notice: await text(page, 'form[data-testid="roster-import"] .notice.ok'),
    errors: await page.$$eval('[data-testid="roster-errors"] tbody tr', (rows) => rows.map((row) => Number(row.cells[0].textContent))),
  };
  await page.waitForSelector('[data-testid="members"] td:has-text("New Person")', LONG);
  await page.click('[data-testid="password-links"]');
  await page.waitForSelector('[data-testid="link-table"]', LONG);
  seen.links = {
    notice: await text(page, '[data-testid="members"] .notice.ok'),
    names: await page.$$eval('[data-testid="link-table"] tbody tr', (rows) => rows.map((row) => row.cells[0].firstChild.textContent.trim())),
  };
  await shot(page, 'course');
  await importWithAMistakeThenFixed(page);
  await editTheDeadline(page);
  await moveAStudent(page);
  await importADataset(page);
  await publishAPretrainedModel(page);
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', LONG), page.click(selector)]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

async function gradesPhase() {
  const page = await signedIn(config.instructor, console_('grading'));
  await page.waitForSelector('[data-testid="gradebook-table"]', LONG);
  await page.waitForSelector('[data-testid="jobs"] table', LONG);
  seen.queue = await text(page, '[data-testid="queue"]');
  seen.gradebook = await text(page, '[data-testid="gradebook-table"]');
  seen.jobs = await text(page, '[data-testid="jobs"] table');
  await shot(page, 'grading');
  seen.csv = await download(page, '[data-testid="gradebook-csv"]');
  seen.gradescope = await download(page, '[data-testid="gradescope-json"]');
  await page.click('[data-testid="jobs"] tr[data-state="DONE"] button');
  await page.waitForSelector('[data-testid="jobs"] .notice.ok', LONG);
  seen.requeued = await text(page, '[data-testid="jobs"] .notice.ok');
  await page.waitForSelector('[data-testid="jobs"] tr[data-state="QUEUED"]', LONG);
  seen.jobsAfter = await page.$$eval('[data-testid="jobs"] tbody tr', (rows) => rows.map((row) => row.dataset.state));

  // A TA: the console, without what only instructors may do.
  const ta = await signedIn(config.ta, console_());
  await ta.waitForSelector('[data-testid="join-code"] code', LONG);
  await ta.waitForSelector('[data-testid="members"] table', LONG);
  seen.ta = {
    role: await ta.getAttribute('[data-testid="console"]', 'data-role'),
    settingsForm: await ta.locator('form[data-testid="course-settings"]').count(),
    roster: await ta.locator('[data-testid="roster-import"]').count(),
    rotate: await ta.locator('[data-testid="join-code"] button').count(),
    passwordLinks: await ta.locator('[data-testid="password-links"]').count(),
  };
  await ta.click('[data-testid="console-tab-assignments"]');
  await ta.waitForSelector('[data-testid="extensions"] form', LONG);
  seen.ta.importPanel = await ta.locator('[data-testid="assignment-import"]').count();
  seen.ta.deadlineEditor = await ta.locator('[data-testid="deadline-editor"]').count();
  await ta.click('[data-testid="console-tab-teams"]');
  await ta.waitForSelector('[data-testid="team-audit"]', LONG);
  seen.ta.moveControls = await ta.locator('.ic-move').count();
  seen.ta.teamForms = await ta.locator('[data-testid="selection-window"], [data-testid="balance"], [data-testid="fill"]').count();
  await shot(ta, 'ta-teams');
  await ta.click('[data-testid="console-tab-datasets"]');
  await ta.waitForSelector('[data-testid="dataset"]', LONG);
  seen.ta.datasetImport = await ta.locator('[data-testid="dataset-import"]').count();

  // A student: no console.
  const student = await signedIn(config.student, `/courses/${config.courseId}`);
  await student.waitForSelector('[data-testid="assignment-list"]', LONG);
  seen.student = { link: await student.locator('[data-testid="console-link"]').count() };
  await student.goto(url(console_('teams')));
  await student.waitForSelector('.state.error', LONG);
  seen.student.console = await text(student, '.state.error');
  seen.student.controls = await student.locator('[data-testid="console"], .ic-grid, .ic-move').count();
  await shot(student, 'student');
}

try {
  await (phase === 'publish' ? publishPhase() : gradesPhase());
} catch (error) {
  seen.failure = String(error.stack ?? error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
