/**
 * Opens one of the installed extension's own pages (popup.html, options.html) in a tab. Chromium
 * navigates there directly. Firefox's WebDriver BiDi refuses to navigate to moz-extension:// and a
 * web page may not link there, so the tab is opened from the browser window's own (chrome) scope
 * (firefox-session.ts); puppeteer then finds the tab by its location, since it does not track that
 * navigation's URL.
 */
import type { Page } from 'puppeteer-core';
import type { RunningBrowser } from './browsers';

export async function openExtensionPage(run: RunningBrowser, path: string): Promise<Page> {
  const url = run.extensionUrl(path);
  if (run.name === 'chromium') {
    const page = await run.browser.newPage();
    await page.goto(url);
    return page;
  }
  await run.firefoxChrome(`openTrustedLinkIn(${JSON.stringify(url)}, 'tab');`);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const page of await run.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) {
        await waitInExtensionPage(page, () => document.readyState === 'complete');
        return page;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Firefox did not open ${url}`);
}

/**
 * page.waitForFunction for an extension page: puppeteer's version compiles its polling code with
 * `new Function`, which an extension page's CSP refuses in Firefox ESR; this polls with evaluate.
 */
export async function waitInExtensionPage<Args extends unknown[]>(
  page: Page,
  condition: (...args: Args) => unknown,
  options: { timeout?: number } = {},
  ...args: Args
): Promise<void> {
  const deadline = Date.now() + (options.timeout ?? 30_000);
  for (;;) {
    // A page that is navigating has no document to ask: ask again.
    if (await page.evaluate(condition as (...a: unknown[]) => unknown, ...args).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`waited ${options.timeout ?? 30_000} ms in ${page.url()} for ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
