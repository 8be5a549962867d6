/** The level each badge shows on a fixture page once its listings are answered (null: no badge). */
import { settledBadgeIds, shownBadges } from './badge-probe';
import type { RunningBrowser } from './browsers';
import type { FixtureServer } from './fixture-server';

export async function badgeRisks(run: RunningBrowser, server: FixtureServer, fixtureName: string, itemIds: readonly string[]): Promise<Record<string, string | null>> {
  const page = await run.browser.newPage();
  try {
    await page.goto(server.urlFor(fixtureName, run.origin), { waitUntil: 'domcontentloaded' });
    // The page's first batch holds every listing it loaded with: once the badges hold still, all
    // its verdicts are shown.
    await settledBadgeIds(page);
    const shown = new Map((await shownBadges(page)).map((v) => [v.itemId, v.level]));
    return Object.fromEntries(itemIds.map((id) => [id, shown.get(id) ?? null]));
  } finally {
    await page.close();
  }
}
