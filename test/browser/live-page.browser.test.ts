/**
 * Open pages stay in step with every change (issue 12): a change in the settings reaches a search page
 * that is already open, without a reload — sensitivity and muted brands change which cards carry a
 * badge — and the toolbar icon counts the flagged cards of its tab. How long a change takes to reach
 * the page is printed (median of the rounds), not asserted.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeRules } from '../../lib/rule-packs/active-rules';
import type { Settings } from '../../lib/settings/settings';
import { assessListing, BUILTIN_PACKS, compileRules } from '../../lib/rules';
import type { Sensitivity } from '../../lib/rules/sensitivity';
import { fixturePages } from '../extract/fixture-pages';
import { badgeIds, settledBadgeIds, waitForBadges, type BadgeView } from './badge-probe';
import { launchWithExtension, type BrowserName, type RunningBrowser } from './browsers';
import { setExtensionStorage, toolbarBadgeText } from './extension-state';
import { startFixtureServer, type FixtureServer } from './fixture-server';

/** Restated, not imported: lib/settings needs the extension's globals. */
const DEFAULT_SETTINGS: Settings = { role: 'shopper', sensitivity: 'balanced', showLowMarks: false, mutedBrands: [], pausedSites: [] };
const PAGE = 'search-2025';
const rules = compileRules(BUILTIN_PACKS);
const listings = fixturePages().find((p) => p.name === PAGE)?.expected.listings ?? [];

/** The cards the background flags (high or medium) at this sensitivity, with these brands muted. */
function flagged(sensitivity: Sensitivity, muted: readonly string[] = []): string[] {
  const compiled = muted.length === 0 ? rules : activeRules([], muted);
  return listings
    .filter((listing) => {
      const verdict = assessListing(listing, compiled, [], sensitivity);
      return verdict.risk === 'high' || verdict.risk === 'medium';
    })
    .map((listing) => listing.itemId)
    .sort();
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

const sameIds = (expected: readonly string[]) => (views: BadgeView[]) =>
  JSON.stringify(views.filter((v) => v.level !== null).map((v) => v.itemId).sort()) === JSON.stringify(expected);

describe.each(['chromium', 'firefox'] as BrowserName[])('%s', (browserName) => {
  let run: RunningBrowser;
  let page: Page;
  const settings = (change: Partial<Settings>) => setExtensionStorage(run, { settings: { ...DEFAULT_SETTINGS, ...change } });

  beforeAll(async () => {
    run = await launchWithExtension(browserName, server.port);
    await settings({});
    page = await run.browser.newPage();
    await page.goto(server.urlFor(PAGE, run.origin), { waitUntil: 'domcontentloaded' });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('re-judges the open page when the sensitivity changes, without a reload', async () => {
    const balanced = flagged('balanced');
    const strict = flagged('strict');
    expect(strict.length).toBeGreaterThan(balanced.length);
    expect(await settledBadgeIds(page, balanced.length)).toEqual(balanced);
    const loadsBefore = await page.evaluate(() => performance.getEntriesByType('navigation').length + performance.timeOrigin);
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [sensitivity, expected] of [['strict', strict], ['balanced', balanced]] as const) {
        const begin = Date.now();
        await settings({ sensitivity });
        await waitForBadges(page, sameIds(expected));
        times.push(Date.now() - begin);
      }
    }
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length + performance.timeOrigin)).toBe(loadsBefore);
    console.log(`${browserName}: a sensitivity change reached the open page in ${[...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]} ms (median of ${times.length})`);
  });

  it('takes a muted brand off the open page, and puts it back when unmuted', async () => {
    const brand = assessListing(listings.find((l) => flagged('balanced').includes(l.itemId))!, rules).brand!;
    await settings({ mutedBrands: [brand] });
    await waitForBadges(page, sameIds(flagged('balanced', [brand])));
    await settings({});
    await waitForBadges(page, sameIds(flagged('balanced')));
    expect(await badgeIds(page)).toEqual(flagged('balanced'));
  });

  // Chromium only: Firefox keeps the toolbar badge behind private chrome-scope APIs this suite cannot read.
  if (browserName === 'chromium') it('counts the flagged cards on the toolbar icon of the tab', async () => {
    const expected = String(flagged('balanced').length);
    const deadline = Date.now() + 10_000;
    let text = '';
    while (Date.now() < deadline && (text = await toolbarBadgeText(run, page.url())) !== expected) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(text).toBe(expected);
  });
});
