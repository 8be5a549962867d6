/**
 * The popup as the README shows it. `visitFixtures` fills the history the way a user would (the
 * content script assesses each page and the background records the risky listings); then
 * `screenshotPopup` opens popup.html at a popup's width and saves a PNG.
 */
import type { Page } from 'puppeteer-core';
import { settledBadgeIds } from './badge-probe';
import { setViewport, type RunningBrowser } from './browsers';
import { openExtensionPage } from './extension-pages';
import type { FixtureServer } from './fixture-server';

/** Opens each fixture and waits until its badges hold still (so its verdicts are recorded). */
export async function visitFixtures(run: RunningBrowser, server: FixtureServer, names: readonly string[]): Promise<void> {
  const page = await run.browser.newPage();
  try {
    for (const name of names) {
      await page.goto(server.urlFor(name, run.origin), { waitUntil: 'domcontentloaded' });
      // Until the badges hold still: the page's verdicts are in the history the popup shows.
      await settledBadgeIds(page);
    }
  } finally {
    await page.close();
  }
}

export const POPUP_VIEWPORT = { width: 480, height: 640 };

/** Opens the popup page, waits for its history, and writes a screenshot of it to `file` (PNG). */
export async function screenshotPopup(run: RunningBrowser, file: string): Promise<Page> {
  const page = await openExtensionPage(run, 'popup.html');
  await setViewport(run, page, POPUP_VIEWPORT);
  await page.waitForSelector('[data-testid="history-list"], .empty', { timeout: 15_000 });
  await page.screenshot({ path: file as `${string}.png`, type: 'png' });
  return page;
}
