/** The risk each badge shows on a fixture page once its listings are answered (null: no badge). */
import type { RunningBrowser } from './browsers';
import type { FixtureServer } from './fixture-server';

export async function badgeRisks(run: RunningBrowser, server: FixtureServer, fixtureName: string, itemIds: readonly string[]): Promise<Record<string, string | null>> {
  const page = await run.browser.newPage();
  try {
    await page.goto(server.urlFor(fixtureName, run.origin), { waitUntil: 'domcontentloaded' });
    // The content script marks the timeline after each answered batch; a page's first batch holds
    // every listing the page loaded with, and later batches only appended ones.
    await page.waitForFunction(() => performance.getEntriesByName('counterfeit-radar:badges').length > 0, { timeout: 15_000 });
    return await page.evaluate(
      (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, document.querySelector(`cr-badge[data-cr-item="${id}"]`)?.getAttribute('data-cr-risk') ?? null])),
      itemIds,
    );
  } finally {
    await page.close();
  }
}
