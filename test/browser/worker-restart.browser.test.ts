/**
 * MV3 stops an idle background at will: Chromium's service worker, Firefox's event page. After a stop,
 * the next page's batch must wake it and get the same verdicts, with what the user did before (trust,
 * history) intact: everything the background needs is rebuilt from storage and IndexedDB.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../lib/activity/activity-db';
import { ACTIVITY_DB_NAME } from '../../lib/activity/activity-db';
import { settledBadgeIds, shownBadges } from './badge-probe';
import { launchWithExtension, type BrowserName, type RunningBrowser } from './browsers';
import { readExtensionStore, stopBackground } from './extension-state';
import { startFixtureServer, type FixtureServer } from './fixture-server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

async function badgesOf(page: Page): Promise<string[]> {
  await settledBadgeIds(page, 1);
  return (await shownBadges(page)).map((v) => `${v.itemId}:${v.level}`).sort();
}

describe.each(['chromium', 'firefox'] as BrowserName[])('%s', (browserName) => {
  let run: RunningBrowser;
  let url: string;
  beforeAll(async () => {
    run = await launchWithExtension(browserName, server.port);
    url = server.urlFor('search-2025', run.origin);
  });
  afterAll(async () => {
    await run?.close();
  });

  it('a stopped background wakes for the next batch, with the same verdicts and the history kept', async () => {
    const page = await run.browser.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const before = await badgesOf(page);
    expect(before.length).toBeGreaterThan(10);

    await stopBackground(run);
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await badgesOf(page)).toEqual(before);

    // Both visits are in the history: the second was recorded by the restarted background.
    const seen = async () => (await readExtensionStore<HistoryRecord>(run, ACTIVITY_DB_NAME, 'history')).map((r) => r.timesSeen);
    const deadline = Date.now() + 10_000;
    while ((await seen()).some((n) => n < 2) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const times = await seen();
    expect(times).toHaveLength(before.length);
    expect(times.every((n) => n === 2)).toBe(true);
    await page.close();
  });
});
