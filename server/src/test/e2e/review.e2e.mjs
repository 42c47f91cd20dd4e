// The TA's review desk in the real app, in headless Chromium; ReviewDeskEndToEndTest sets the course up (three teams,
// runs, a report, a grader's result), files a regrade request between the two phases, and asserts on the JSON this
// prints.
//
// Phase "desk": a student finds no desk. The TA opens the queue (the course's submissions, oldest first), moves with
// j and k, filters by state, opens the graded submission with Enter, reads the rendered report with its chart, the
// sources, the claims beside the server's numbers, the stage log and who ran what; overrides an item without a
// comment (the server's message shows), then with one, scores the manual item, reads the audit history, and steps to
// the next submission and back with the keyboard. The instructor publishes the results.
// Phase "answers": the TA accepts the team's regrade request in the inbox, then runs the similarity check and reads
// the copied pair's matched regions side by side.
//
// Usage: node review.e2e.mjs <base-url> <phase> <course-id> <assignment-id> <graded-submission-id> <password>
//   <ta-email> <instructor-email> <student-email>
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [baseUrl, phase, courseId, assignmentId, graded, password, taEmail, instructorEmail, studentEmail] =
  process.argv.slice(2);
const SCREENSHOTS = fileURLToPath(new URL('../../../target/e2e/', import.meta.url));
const LONG = { timeout: 60_000 };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run'] });
const seen = { pageErrors: [] };
mkdirSync(SCREENSHOTS, { recursive: true });

const url = (path) => new URL(path, baseUrl).href;
const shot = (page, name, fullPage = false) => page.screenshot({ path: `${SCREENSHOTS}review-${name}.png`, fullPage });
const text = async (page, selector) => (await page.textContent(selector, LONG)).replace(/\s+/g, ' ').trim();

/** Someone's own browser, signed in and on {@code path}. */
async function signedIn(email, path) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => seen.pageErrors.push(`${email}: ${error}`));
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource')
    && seen.pageErrors.push(`${email}: ${message.text()}`));
  await page.goto(url(`/sign-in?next=${encodeURIComponent(path)}`));
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('form[data-testid="sign-in"] button[type="submit"]');
  await page.waitForURL((at) => at.pathname === path.split('?')[0], LONG);
  return page;
}

const selectedRow = (page) => page.$$eval('[data-testid="review-queue"] tbody tr',
  (rows) => rows.findIndex((row) => row.getAttribute('aria-selected') === 'true'));
const queueStates = (page) => page.$$eval('[data-testid="review-queue"] [data-state]',
  (badges) => badges.map((badge) => badge.dataset.state));
const path = (page) => new URL(page.url()).pathname;

async function scoreItem(page, key, points, comment) {
  const item = `[data-item="${key}"]`;
  await page.fill(`${item} input[name="points"]`, String(points));
  await page.fill(`${item} input[name="comment"]`, comment);
  await page.click(`${item} form button[type="submit"]`);
}

async function deskPhase() {
  // A student has no course to review.
  const student = await signedIn(studentEmail, '/review');
  await student.waitForSelector('.state.empty', LONG);
  seen.student = await text(student, 'main');
  await shot(student, 'student');

  // The queue: oldest first, the keyboard moves, a filter by state.
  const ta = await signedIn(taEmail, '/review');
  await ta.waitForSelector('[data-testid="review-queue"] tbody tr', LONG);
  seen.queue = {
    teams: await ta.$$eval('[data-testid="review-queue"] tbody th', (cells) => cells.map((cell) => cell.textContent.trim())),
    states: await queueStates(ta),
    keys: await text(ta, '[data-testid="queue-keys"]'),
  };
  await ta.keyboard.press('j');
  seen.queue.selectedAfterJ = await selectedRow(ta);
  await shot(ta, 'queue');
  await ta.keyboard.press('k');
  seen.queue.selectedAfterK = await selectedRow(ta);
  await ta.selectOption('[data-testid="filter-state"]', 'NEEDS_REVIEW');
  await ta.waitForFunction(() => document.querySelectorAll('[data-testid="review-queue"] tbody tr').length === 1, null, LONG);
  seen.queue.filtered = await queueStates(ta);
  await shot(ta, 'queue-filtered');
  await ta.selectOption('[data-testid="filter-state"]', '');
  await ta.waitForFunction(() => document.querySelectorAll('[data-testid="review-queue"] tbody tr').length === 3, null, LONG);
  await ta.keyboard.press('Enter');
  await ta.waitForURL((at) => at.pathname.startsWith('/review/submissions/'), LONG);
  seen.queue.opened = path(ta);

  // The submission: the report with its chart, the sources, the evidence, the team.
  await ta.waitForSelector('[data-testid="review-report"] .uplot', LONG);
  await ta.click('[data-testid="source-src/model/Net.java"]');
  await ta.waitForSelector('[data-testid="source-view"]:has-text("residual")', LONG);
  seen.submission = {
    report: await text(ta, '[data-testid="review-report"]'),
    charts: await ta.locator('[data-testid="review-report"] .uplot').count(),
    source: await ta.textContent('[data-testid="source-view"]'),
    keywords: await ta.locator('[data-testid="source-view"] .tok-keyword').count(),
    claims: await text(ta, '[data-item="reproduce"] [data-testid="claims"]'),
    stageLog: await ta.textContent('[data-testid="stage-log"]'),
    team: await text(ta, '[data-testid="team-runs"]'),
    facts: await text(ta, '[data-testid="submission-facts"]'),
  };
  seen.taPublishButtons = await ta.locator('[data-testid="publish"]').count();
  await shot(ta, 'submission', true);

  // Scoring: an override needs a comment (the server says so), a first score does not.
  await scoreItem(ta, 'augmentation', 8, '');
  await ta.waitForSelector('[data-item="augmentation"] .notice.error', LONG);
  seen.scoring = { withoutComment: await text(ta, '[data-item="augmentation"] .notice.error') };
  await ta.locator('[data-item="augmentation"]').scrollIntoViewIfNeeded();
  await shot(ta, 'override-refused');
  await scoreItem(ta, 'augmentation', 8, 'Flip and rotation are both on in training.');
  await ta.waitForSelector('[data-item="augmentation"] .notice.ok', LONG);
  seen.scoring.withComment = await text(ta, '[data-item="augmentation"] .notice.ok');
  await scoreItem(ta, 'insight', 4, '');
  await ta.waitForSelector('[data-item="insight"] .notice.ok', LONG);
  seen.scoring.firstScore = await text(ta, '[data-item="insight"] .notice.ok');
  await ta.waitForSelector('[data-testid="history"] li:nth-child(2)', LONG);
  seen.scoring.history = await text(ta, '[data-testid="history"]');
  seen.scoring.total = await text(ta, '[data-testid="review-total"]');
  await ta.locator('[data-testid="history"]').scrollIntoViewIfNeeded();
  await shot(ta, 'override');

  // Next and previous by keyboard.
  await ta.evaluate(() => document.activeElement?.blur());
  await ta.keyboard.press('j');
  await ta.waitForURL((at) => at.pathname !== `/review/submissions/${graded}`, LONG);
  seen.steps = { next: path(ta) };
  await ta.waitForSelector(`.review-desk[data-submission="${path(ta).split('/').pop()}"] [data-testid="checklist"]`, LONG);
  await ta.keyboard.press('k');
  await ta.waitForURL((at) => at.pathname === `/review/submissions/${graded}`, LONG);
  seen.steps.back = path(ta);

  // The instructor publishes.
  const instructor = await signedIn(instructorEmail, `/review/submissions/${graded}`);
  await instructor.click('[data-testid="publish"]', LONG);
  const confirmation = 'section[aria-labelledby="review-checklist"] > .notice.ok';
  await instructor.waitForSelector(confirmation, LONG);
  seen.published = await text(instructor, confirmation);
  await instructor.locator(confirmation).scrollIntoViewIfNeeded();
  await shot(instructor, 'publish');
}

async function answersPhase() {
  const ta = await signedIn(taEmail, `/review/courses/${courseId}/regrades`);
  await ta.waitForSelector('[data-testid="regrade-answer"]', LONG);
  seen.regrade = { reason: await text(ta, '[data-testid="regrade-reason"]') };
  await shot(ta, 'regrade-open');
  await ta.fill('[data-testid="regrade-answer"] input[name="points"]', '10');
  await ta.fill('[data-testid="regrade-answer"] input[name="comment"]', 'Zoom confirmed in the model summary.');
  await ta.click('[data-testid="accept"]');
  await ta.waitForSelector('.regrade .notice.ok', LONG);
  seen.regrade.notice = await text(ta, '.regrade .notice.ok');
  await ta.waitForSelector('[data-testid="regrade-answered"]', LONG);
  seen.regrade.answered = await text(ta, '[data-testid="regrade-answered"]');
  await shot(ta, 'regrades');

  await ta.click('[data-testid="review-tab-queue"]');
  await ta.click('[data-testid="open-similarity"]', LONG);
  await ta.waitForURL((at) => at.pathname === `/review/assignments/${assignmentId}/similarity`, LONG);
  await ta.waitForSelector('[data-testid="run-similarity"]', LONG);
  seen.similarity = { before: await text(ta, 'main') };
  await ta.click('[data-testid="run-similarity"]');
  await ta.waitForSelector('main .notice.ok', LONG);
  seen.similarity.notice = await text(ta, 'main .notice.ok');
  await ta.waitForSelector('[data-testid="region"] .line.matched', LONG);
  seen.similarity.pairs = await ta.$$eval('[data-testid="similarity-pairs"] tbody tr', (rows) => rows.map((row) => ({
    teams: row.dataset.teams, similarity: Number(row.dataset.similarity) })));
  seen.similarity.regions = await ta.locator('[data-testid="region"]').count();
  seen.similarity.matchedLines = await ta.locator('[data-testid="region"] .line.matched').count();
  await shot(ta, 'similarity', true);

  // The desk in Korean.
  await ta.goto(url(`/review/courses/${courseId}`));
  await ta.selectOption('[data-testid="language"]', 'ko');
  await ta.waitForSelector('[data-testid="review-tab-queue"]:has-text("대기열")', LONG);
  await ta.waitForSelector('[data-testid="review-queue"] tbody tr', LONG);
  seen.korean = await text(ta, 'h1');
  await shot(ta, 'queue-ko');
}

try {
  await (phase === 'desk' ? deskPhase() : answersPhase());
} catch (error) {
  seen.failure = String(error.stack ?? error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
