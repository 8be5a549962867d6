/**
 * `npm run demo`: the newcomer's first look. Serves the fixture pages under Taobao's and Tmall's host
 * names and opens Chromium with the built extension. With a display it stays open on the search page
 * until you close it; without one it runs headless and writes a screenshot of each annotated page to
 * test-output/demo/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension } from './browsers';
import { startFixtureServer } from './fixture-server';

const OUT_DIR = join(import.meta.dirname, '..', '..', 'test-output', 'demo');
const PAGES = ['search-2025', 'search-2023', 'pc-item-tmall-unprefixed-ice', 'pc-item-taobao-prefixed', 'mobile-item-tmall', 'shop-tmall'];

const server = await startFixtureServer();
const headed = Boolean(process.env.DISPLAY) && process.env.CI !== 'true';
const run = await launchWithExtension('chromium', server.port, { headless: !headed });
const urlOf = (name: string) => server.urlFor(name, run.origin);

if (headed) {
  const page = await run.browser.newPage();
  await page.goto(urlOf('search-2025'));
  console.log(`Chromium is open on ${urlOf('search-2025')}; other fixture pages: ${PAGES.map(urlOf).join(' ')}`);
  console.log('Close the browser window to stop.');
  await new Promise((resolve) => run.browser.once('disconnected', resolve));
} else {
  mkdirSync(OUT_DIR, { recursive: true });
  const page = await run.browser.newPage();
  await page.setViewport({ width: 1280, height: 1600 });
  for (const name of PAGES) {
    await page.goto(urlOf(name), { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('[data-cr-item]') !== null, { timeout: 10_000 }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const file = join(OUT_DIR, `${name}.png`);
    await page.screenshot({ path: file });
    const marked = await page.evaluate(() => new Set([...document.querySelectorAll('[data-cr-item]')].map((el) => el.getAttribute('data-cr-item'))).size);
    console.log(`${name}: ${marked} listings found → ${file}`);
  }
  await run.close();
}
await server.close();
