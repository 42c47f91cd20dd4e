// Drives the editor page in headless Chromium with WebGPU on SwiftShader and prints what a student
// would see as one JSON object; EditorEndToEndTest asserts on it.
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
try {
  const page = await browser.newPage();
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
  seen.pageErrors = pageErrors;
} catch (error) {
  seen.failure = String(error);
  seen.pageErrors = pageErrors;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
