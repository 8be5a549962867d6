/**
 * The built extension in real Chromium and Firefox ESR, on fixture pages served under Taobao's and
 * Tmall's host names: it judges every listing (with low marks on, every listing of a known brand gets
 * a badge, so what was found shows), keeps up with appended results, and stays off other hosts. The
 * extension leaves no mark of its own on the page's elements (issue 16), so badges are what is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { badgeIds, readBadges, settledBadgeIds } from './badge-probe';
import { launchWithExtension, type BrowserName, type RunningBrowser } from './browsers';
import { setExtensionStorage } from './extension-state';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { assessListing, BUILTIN_PACKS, compileRules } from '../../lib/rules';
import { fixturePages } from '../extract/fixture-pages';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

const fixtureUrl = (run: RunningBrowser, name: string): string => server.urlFor(name, run.origin);

const rules = compileRules(BUILTIN_PACKS);

/** Every listing the rules flag at all (high, medium or low): with low marks on, each gets a badge. */
function flaggedOn(name: string): Map<string, string> {
  const listings = fixturePages().find((p) => p.name === name)?.expected.listings ?? [];
  const levels = new Map<string, string>();
  for (const listing of listings) {
    const { risk } = assessListing(listing, rules);
    if (risk !== 'none') levels.set(listing.itemId, risk);
  }
  return levels;
}

const flaggedIds = (name: string) => [...flaggedOn(name).keys()].sort();

describe.each(['chromium', 'firefox'] as BrowserName[])('%s', (browserName) => {
  let run: RunningBrowser;
  let page: Page;
  beforeAll(async () => {
    run = await launchWithExtension(browserName, server.port);
    // Restated, not imported (lib/settings needs the extension's globals): defaults, low marks on.
    await setExtensionStorage(run, { settings: { role: 'shopper', sensitivity: 'balanced', showLowMarks: true, mutedBrands: [] } });
    page = await run.browser.newPage();
  });
  afterAll(async () => {
    await run?.close();
  });

  it('judges every listing of a 2025 search page, once', async () => {
    await page.goto(fixtureUrl(run, 'search-2025'), { waitUntil: 'domcontentloaded' });
    const expected = flaggedIds('search-2025');
    const ids = await settledBadgeIds(page, expected.length);
    expect(ids).toEqual(expected);
    // One badge per listing, however many elements show it.
    expect((await readBadges(page)).filter((v) => v.level !== null)).toHaveLength(expected.length);
  });

  it('badges exactly the risky listings, once each, with the level in words', async () => {
    // The background's verdicts, computed here the same way (rules engine, default sensitivity).
    const levels = flaggedOn('search-2025');
    const badges = (await readBadges(page)).filter((v) => v.level !== null);
    expect(Object.fromEntries(badges.map((b) => [b.itemId, b.level]))).toEqual(Object.fromEntries(levels));
  });

  it('judges 40 cards appended without a page load (infinite scroll)', async () => {
    const pairs = await page.evaluate(() => {
      const cards = [...document.querySelectorAll('a[id^="item_id_"]')].slice(0, 40);
      return cards.map((card, i) => {
        const original = card.closest('.search-content-col') ?? card;
        const cell = original.cloneNode(true) as Element;
        cell.querySelector('cr-badge')?.remove();
        const id = String(800000000000 + i);
        for (const el of [cell, ...cell.querySelectorAll('*')]) {
          if (el.id.startsWith('item_id_')) el.id = `item_id_${id}`;
          const href = el.getAttribute('href');
          if (href?.includes('id=')) el.setAttribute('href', href.replace(/([?&]id=)\d+/, `$1${id}`));
        }
        original.parentElement?.appendChild(cell);
        return [card.id.slice('item_id_'.length), id] as const;
      });
    });
    const flagged = flaggedOn('search-2025');
    const appended = pairs.filter(([original]) => flagged.has(original)).map(([, id]) => id);
    const ids = await settledBadgeIds(page, flagged.size + appended.length);
    expect(ids).toEqual([...flagged.keys(), ...appended].sort());
  });

  it('follows pagination done in the page (new results, pushState, no load)', async () => {
    const pairs = await page.evaluate(() => {
      const wrapper = document.querySelector('#content_items_wrapper')!;
      const cells = [...wrapper.querySelectorAll('.search-content-col')].slice(0, 10);
      const made: [string, string][] = [];
      const fresh = cells.map((cell, i) => {
        const copy = cell.cloneNode(true) as Element;
        copy.querySelector('cr-badge')?.remove();
        const id = String(810000000000 + i);
        for (const el of [copy, ...copy.querySelectorAll('*')]) {
          if (el.id.startsWith('item_id_')) {
            made.push([el.id.slice('item_id_'.length), id]);
            el.id = `item_id_${id}`;
          }
        }
        return copy;
      });
      history.pushState(null, '', `${location.pathname}${location.search.replace(/&page=\d+|$/, '&page=2')}`);
      wrapper.replaceChildren(...fresh);
      return made;
    });
    const flagged = flaggedOn('search-2025');
    const next = pairs.filter(([original]) => flagged.has(original)).map(([, id]) => id).sort();
    expect(await settledBadgeIds(page, next.length)).toEqual(next);
  });

  it('judges the cards of a 2023–24 search page that the HTML parser split apart', async () => {
    await page.goto(fixtureUrl(run, 'search-2023'), { waitUntil: 'domcontentloaded' });
    const expected = flaggedIds('search-2023');
    expect(await settledBadgeIds(page, expected.length)).toEqual(expected);
  });

  it.each(['pc-item-tmall-unprefixed-ice', 'pc-item-taobao-prefixed', 'pc-item-tmallhk-prefixed'])('judges the item on %s', async (name) => {
    await page.goto(fixtureUrl(run, name), { waitUntil: 'domcontentloaded' });
    const expected = flaggedIds(name);
    expect(expected).toHaveLength(1);
    expect(await settledBadgeIds(page, 1)).toEqual(expected);
  });

  it.each(['blocked-search-captcha', 'blocked-punish'])('judges nothing on the verification page %s', async (name) => {
    await page.goto(fixtureUrl(run, name), { waitUntil: 'load' });
    expect(await settledBadgeIds(page)).toEqual([]);
  });

  it('handles hostile listings as text: all found, nothing runs', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(fixtureUrl(run, 'search-hostile'), { waitUntil: 'domcontentloaded' });
    const expected = flaggedIds('search-hostile');
    expect(await settledBadgeIds(page, expected.length)).toEqual(expected);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src])').length)).toBe(1); // the page's own config script
  });

  it('does nothing on a host that is not Taobao or Tmall', async () => {
    // The same search page, served from another host: the content script must not even run.
    await page.goto(`${run.origin('shop.example.com')}/fixtures/search-2025.html`, { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await page.evaluate(() => document.querySelectorAll('a[id^="item_id_"]').length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelectorAll('cr-badge').length)).toBe(0);
    expect(await badgeIds(page)).toEqual([]);
  });
});
