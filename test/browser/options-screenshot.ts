/**
 * A screenshot of the installed extension's options page, for the README (`npm run screenshots`).
 * The page is shown at a desktop width and captured whole, once its pack list has loaded.
 */
import { setViewport, type RunningBrowser } from './browsers';
import { openExtensionPage } from './extension-pages';

export async function screenshotOptions(run: RunningBrowser, file: string): Promise<void> {
  const page = await openExtensionPage(run, 'options.html');
  try {
    await setViewport(run, page, { width: 900, height: 1200 });
    await page.waitForSelector('[data-testid="builtin-pack"]', { timeout: 15_000 });
    await page.waitForSelector('[data-testid="no-feeds"], [data-testid="feeds"]');
    await page.screenshot({ path: file as `${string}.png`, fullPage: true });
  } finally {
    await page.close();
  }
}
