/**
 * Open pages stay in step with every change (issue 12): a change in the settings reaches a search page
 * that is already open, without a reload — sensitivity and muted brands change which cards carry a
 * badge — and the toolbar icon counts the flagged cards of its tab. A trust undone on the page or in the
 * popup brings the badges back in place; the popup's "This page" lists the flagged cards; a first batch
 * whose answer is lost (the background stopped while working on it) is asked again, the cards saying
 * "Checking…" meanwhile. How long a change takes to reach the page is printed (median of the rounds),
 * not asserted (npm run bench:live measures it properly).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrustRecord } from '../../lib/activity/activity-db';
import { trustKeys } from '../../lib/activity/trust';
import { activeRules } from '../../lib/rule-packs/active-rules';
import type { Settings } from '../../lib/settings/settings';
import { assessListing, BUILTIN_PACKS, compileRules } from '../../lib/rules';
import type { Sensitivity } from '../../lib/rules/sensitivity';
import { fixturePages } from '../extract/fixture-pages';
import { badgeIds, clickAction, readBadges, settledBadgeIds, waitForBadges, type BadgeView } from './badge-probe';
import { launchWithExtension, type BrowserName, type RunningBrowser } from './browsers';
import { openExtensionPage, waitInExtensionPage } from './extension-pages';
import { readExtensionStore, setExtensionStorage, stopBackground, toolbarBadgeText } from './extension-state';
import { startFixtureServer, type FixtureServer } from './fixture-server';

const MESSAGES = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const text = (key: string) => MESSAGES[key]?.message ?? '';
/** Restated, not imported (lib/activity/activity-db.ts): the activity database's name. */
const ACTIVITY_DB_NAME = 'counterfeit-radar-activity';

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
  JSON.stringify([...new Set(views.filter((v) => v.level !== null).map((v) => v.itemId))].sort()) === JSON.stringify(expected);

/** A flagged card whose shop is trusted with others of the same shop on the page, and those others. */
function shopWithSeveral(flaggedIds: readonly string[]): { chosen: string; sameShop: string[] } {
  for (const id of flaggedIds) {
    const listing = listings.find((l) => l.itemId === id)!;
    const shop = trustKeys(listing).shop;
    if (shop === null) continue;
    const sameShop = listings.filter((l) => flaggedIds.includes(l.itemId) && trustKeys(l).shop === shop).map((l) => l.itemId);
    if (sameShop.length >= 2) return { chosen: id, sameShop };
  }
  const first = flaggedIds.find((id) => trustKeys(listings.find((l) => l.itemId === id)!).shop !== null)!;
  return { chosen: first, sameShop: [first] };
}

/** Counts the page's loads: unchanged means no reload happened. */
const loadMark = (page: Page) => page.evaluate(() => performance.getEntriesByType('navigation').length + performance.timeOrigin);

/** Views of "Checking…" / "Not checked" marks (they have no .badge, only their word). */
const marksOn = (views: BadgeView[], word: string) => views.filter((v) => v.level === null && v.text === word);

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

  it('Undo on the page right after trusting a shop brings back every badge of that shop, without a reload', async () => {
    const before = flagged('balanced');
    expect(await settledBadgeIds(page, before.length)).toEqual(before);
    const { chosen, sameShop } = shopWithSeveral(before);
    const loads = await loadMark(page);
    await clickAction(page, chosen, text('badgeActionTrustShop'));
    const trustedViews = await waitForBadges(page, (views) => views.some((v) => v.itemId === chosen && v.text.includes(text('badgeTrustedShop'))));
    const others = sameShop.filter((id) => id !== chosen);
    expect(trustedViews.filter((v) => others.includes(v.itemId ?? '') && v.level !== null)).toEqual([]);
    const undo = trustedViews.find((v) => v.itemId === chosen && v.text.includes(text("badgeTrustedShop")))!.actions.find((a) => a.label === text('badgeUndo'))!;
    await page.mouse.click(undo.x, undo.y);
    await waitForBadges(page, sameIds(before));
    expect(await readExtensionStore<TrustRecord>(run, ACTIVITY_DB_NAME, 'trusted')).toEqual([]);
    expect(await loadMark(page)).toBe(loads);
  });

  it('a trust undone in the popup brings the badges back in the open tab at once, without a reload', async () => {
    const before = flagged('balanced');
    const { chosen, sameShop } = shopWithSeveral(before);
    const loads = await loadMark(page);
    await clickAction(page, chosen, text('badgeActionTrustShop'));
    // The shop's badges are off the page (the clicked one offers Undo, which this test leaves alone).
    await waitForBadges(page, sameIds(before.filter((id) => !sameShop.includes(id))), 20_000);
    const popup = await openExtensionPage(run, 'popup.html');
    await popup.click('#tab-trusted');
    await waitInExtensionPage(popup, () => document.querySelector('[data-testid="trusted-list"] li') !== null);
    await popup.evaluate((label: string) => {
      [...document.querySelectorAll<HTMLButtonElement>('[data-testid="trusted-list"] button')].find((b) => b.textContent === label)?.click();
    }, text('popupUntrust'));
    await waitForBadges(page, sameIds(before));
    expect(await loadMark(page)).toBe(loads);
    await popup.close();
  });

  it('the popup\'s "This page" lists exactly the flagged cards of the tab it was opened over', async () => {
    const shown = await settledBadgeIds(page, flagged('balanced').length);
    const popup = await openExtensionPage(run, 'popup.html');
    // The popup speaks about the active tab of its window: make the search page that tab, then
    // load the popup again (it reads the page once, when it opens).
    await page.bringToFront();
    // The old document is marked so that the checks below read only the reloaded one (puppeteer's own
    // reload never settles for a background tab in Firefox).
    await popup.evaluate(() => {
      (window as unknown as { before: boolean }).before = true;
      location.reload();
    });
    await waitInExtensionPage(
      popup,
      (count: number) => !(window as unknown as { before?: boolean }).before && document.querySelectorAll('[data-testid="page-flagged"] li .title').length >= count,
      { timeout: 15_000 },
      shown.length,
    );
    const popupRows = await popup.evaluate(() => [...document.querySelectorAll('[data-testid="page-flagged"] li .title')].map((el) => el.textContent ?? ''));
    const titleOf = (id: string) => listings.find((l) => l.itemId === id)!.title;
    expect([...popupRows].sort()).toEqual(shown.map(titleOf).sort());
    const counts = await popup.evaluate(() => document.querySelector('[data-testid="page-counts"]')?.textContent ?? '');
    expect(counts).toBe(text('popupPageCounts').replace('$CHECKED$', String(listings.length)).replace('$FLAGGED$', String(shown.length)));
    await popup.close();
  });

  it('asks again for a first batch whose answer was lost when the background stopped, showing "Checking…" meanwhile', async () => {
    // The background is held at its first read of the activity database (another extension page keeps
    // a write transaction open on it), then stopped while the page waits: the answer never comes, as
    // when a browser stops a busy worker. Nothing in the extension knows a test is running.
    await stopBackground(run);
    const holder = await openExtensionPage(run, 'options.html');
    await holder.evaluate((name: string) => {
      const state = window as unknown as { holding: boolean };
      state.holding = true;
      const open = indexedDB.open(name);
      open.onsuccess = () => {
        const db = open.result;
        const store = db.transaction(['trusted'], 'readwrite').objectStore('trusted');
        // A transaction stays open while it has requests: ask one after the other until released.
        const spin = () => {
          if (state.holding) store.count().onsuccess = spin;
          else db.close();
        };
        spin();
      };
    }, ACTIVITY_DB_NAME);
    const fresh = await run.browser.newPage();
    await fresh.goto(server.urlFor(PAGE, run.origin), { waitUntil: 'domcontentloaded' });
    const checking = await waitForBadges(fresh, (views) => marksOn(views, text('badgeChecking')).length > 0);
    expect(checking.filter((v) => v.level !== null)).toEqual([]);
    await stopBackground(run);
    await holder.evaluate(() => void ((window as unknown as { holding: boolean }).holding = false));
    const answered = await waitForBadges(fresh, sameIds(flagged('balanced')), 30_000);
    expect(marksOn(answered, text('badgeChecking'))).toEqual([]);
    expect(marksOn(await readBadges(fresh), text('badgeNotChecked'))).toEqual([]);
    await holder.close();
    await fresh.close();
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
