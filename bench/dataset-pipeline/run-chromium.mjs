// The dataset pipeline against the homework network's training, in Chromium's Web Worker: the same Main.java and
// the starter's model/ folder, put in the playground of a running demo (`bin/backprop-demo`), compiled by the server
// and run on WebGPU (SwiftShader here, the GPU's on a GPU machine) with the demo course's Fashion-MNIST, downloaded into
// the browser's storage on the first pass. Prints what the program printed: one JSON line a figure.
// Usage, with the demo running: node bench/dataset-pipeline/run-chromium.mjs [base-url] [student-email]
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const here = new URL('.', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;
const [baseUrl = 'http://localhost:8080', email = 'student01@demo.backprop.dev'] = process.argv.slice(2);
const files = {
  'Main.java': readFileSync(`${here}Main.java`, 'utf8'),
  'model/Components.java': readFileSync(`${root}assignments/hw-convnets/model/Components.java`, 'utf8'),
  'model/ConvNet.java': readFileSync(`${root}assignments/hw-convnets/model/ConvNet.java`, 'utf8'),
};
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
    '--use-webgpu-adapter=swiftshader'] });
try {
  const page = await browser.newPage();
  await page.goto(new URL('/sign-in?next=%2Fplayground', baseUrl).href);
  // The playground keeps its files in this browser: lay the benchmark in before the page reads them.
  await page.evaluate((bench) => localStorage.setItem('backprop.playground.files', JSON.stringify(Object.fromEntries(
    Object.entries(bench).map(([path, content]) => [path, { content, revision: 1 }])))), files);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', 'backprop-demo');
  await page.click('form[data-testid="sign-in"] button[type="submit"]');
  await page.waitForSelector('.cm-content', { timeout: 60_000 });
  await page.click('[data-testid="run"]');
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-testid="status"]');
    return status.textContent.startsWith('Finished') || status.classList.contains('error');
  }, null, { timeout: 30 * 60_000 });
  const printed = await page.$$eval('[data-testid="output"] .stdout', (spans) => spans.map((s) => s.textContent).join(''));
  process.stdout.write(printed);
  const status = await page.textContent('[data-testid="status"]');
  if (!printed.includes('"done": true')) {
    throw new Error(`the benchmark did not finish: ${status}`);
  }
} finally {
  await browser.close();
}
