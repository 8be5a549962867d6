/**
 * Opens one of the installed extension's own pages (popup.html, options.html) in a tab. Chromium
 * navigates there directly. Firefox's WebDriver BiDi refuses to navigate to moz-extension:// and a
 * web page may not link there, so the tab is opened from the browser window's own (chrome) scope,
 * which `--remote-allow-system-access` allows; puppeteer then finds the tab by its location, since
 * it does not track that navigation's URL.
 */
import type { Page } from 'puppeteer-core';
import type { RunningBrowser } from './browsers';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { contexts?: { context: string }[] } }>;
}

export async function openExtensionPage(run: RunningBrowser, path: string): Promise<Page> {
  const url = run.extensionUrl(path);
  if (run.name === 'chromium') {
    const page = await run.browser.newPage();
    await page.goto(url);
    return page;
  }
  const connection = (run.browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const window = tree.result.contexts?.[0]?.context;
  if (!window) throw new Error('Firefox shows no browser window to open the extension page from');
  await connection.send('script.evaluate', {
    expression: `openTrustedLinkIn(${JSON.stringify(url)}, 'tab')`,
    target: { context: window },
    awaitPromise: false,
  });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const page of await run.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) {
        await page.waitForFunction(() => document.readyState === 'complete');
        return page;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Firefox did not open ${url}`);
}
