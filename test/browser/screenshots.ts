/**
 * `npm run screenshots`: the README's pictures of the popup and the options page, taken in headless
 * Chromium with the built extension after visiting fixture pages (so the popup has a history), and
 * written to docs/screenshots/. Chinese text needs a CJK font (Debian: fonts-noto-cjk).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension } from './browsers';
import { startFixtureServer } from './fixture-server';
import { screenshotOptions } from './options-screenshot';
import { screenshotPopup, visitFixtures } from './popup-screenshot';

const OUT = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });

const server = await startFixtureServer();
const run = await launchWithExtension('chromium', server.port);
try {
  await visitFixtures(run, server, ['search-2025', 'search-2023', 'shop-taobao']);
  const popup = await screenshotPopup(run, join(OUT, 'popup.png'));
  await popup.close();
  await screenshotOptions(run, join(OUT, 'options.png'));
  console.log(`screenshots written to ${OUT}: popup.png, options.png`);
} finally {
  await run.close();
  await server.close();
}
