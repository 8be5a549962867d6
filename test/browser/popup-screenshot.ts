/**
 * The popup as the README shows it. `visitFixtures` fills the history the way a user would (the
 * content script assesses each page and the background records the risky listings); then
 * `screenshotPopup` opens popup.html at a popup's width and saves a PNG.
 */
import type { Page } from 'puppeteer-core';
import { setViewport, type RunningBrowser } from './browsers';
import { openExtensionPage } from './extension-pages';
import type { FixtureServer } from './fixture-server';

/** Opens each fixture and waits until every listing on it is marked (so its verdicts are recorded). */
export async function visitFixtures(run: RunningBrowser, server: FixtureServer, names: readonly string[]): Promise<void> {
  const page = await run.browser.newPage();
  try {
    for (const name of names) {
      const expected = server.fixtures.get(name)?.expectedIds.length ?? 0;
      await page.goto(server.urlFor(name, run.origin), { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(
        (n: number) => new Set([...document.querySelectorAll('[data-cr-item]')].map((el) => el.getAttribute('data-cr-item'))).size >= n,
        { timeout: 15_000 },
        expected,
      );
      // Marks come before the verdicts: wait for the content script's first answered batch, then
      // until the badges stop changing.
      await page.waitForFunction(() => performance.getEntriesByName('counterfeit-radar:badges').length > 0, { timeout: 15_000 });
      let previous = -1;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const count = await page.evaluate(() => document.querySelectorAll('cr-badge[data-cr-risk]').length);
        if (count === previous) break;
        previous = count;
      }
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
