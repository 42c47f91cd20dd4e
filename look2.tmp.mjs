import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-webgpu-adapter=swiftshader'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
await page.goto('http://localhost:8080/sign-in?next=/playground');
await page.fill('input[name=email]', 'student01@demo.backprop.dev');
await page.fill('input[name=password]', 'backprop-demo');
await page.click('form[data-testid="sign-in"] button[type=submit]');
await page.waitForURL('**/playground');
await page.waitForSelector('.cm-content');
await page.waitForTimeout(2000);
await page.click('[data-testid="run"]');
for (let i = 0; i < 20; i++) {
  await page.waitForTimeout(3000);
  console.log(i, JSON.stringify(await page.textContent('[data-testid="status"]')), (await page.textContent('[data-testid="output"]')).slice(0, 300));
  if ((await page.textContent('[data-testid="status"]')).startsWith('Finished')) break;
}
await page.screenshot({ path: '/tmp/shots/playground.png' });
await browser.close();
