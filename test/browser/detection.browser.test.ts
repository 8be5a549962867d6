/**
 * The built extension in real Chromium and Firefox ESR, on fixture pages served under Taobao's and
 * Tmall's host names: it marks every listing, keeps up with appended results, and stays off other hosts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, type BrowserName, type RunningBrowser } from './browsers';
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

/** The medium and high verdicts of a fixture's listings, by item id. */
function riskyLevels(name: string): Map<string, string> {
  const listings = fixturePages().find((p) => p.name === name)?.expected.listings ?? [];
  const levels = new Map<string, string>();
  for (const listing of listings) {
    const { risk } = assessListing(listing, rules);
    if (risk === 'high' || risk === 'medium') levels.set(listing.itemId, risk);
  }
  return levels;
}

function expectedIds(name: string): string[] {
  return server.fixtures.get(name)?.expectedIds ?? [];
}

async function markedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set([...document.querySelectorAll('[data-cr-item]')].map((el) => el.getAttribute('data-cr-item') ?? ''))]);
}

/** Waits until the marks stop changing (the content script works in batches). */
async function settledMarks(page: Page, atLeast = 1): Promise<string[]> {
  await page.waitForFunction((n: number) => new Set([...document.querySelectorAll('[data-cr-item]')].map((el) => el.getAttribute('data-cr-item'))).size >= n, { timeout: 15_000 }, atLeast);
  let previous = -1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const count = await page.evaluate(() => document.querySelectorAll('[data-cr-item]').length);
    if (count === previous) return markedIds(page);
    previous = count;
  }
}

describe.each(['chromium', 'firefox'] as BrowserName[])('%s', (browserName) => {
  let run: RunningBrowser;
  let page: Page;
  beforeAll(async () => {
    run = await launchWithExtension(browserName, server.port);
    page = await run.browser.newPage();
  });
  afterAll(async () => {
    await run?.close();
  });

  it('marks every listing of a 2025 search page, once', async () => {
    await page.goto(fixtureUrl(run, 'search-2025'), { waitUntil: 'domcontentloaded' });
    const ids = await settledMarks(page, 60);
    expect(ids.sort()).toEqual([...expectedIds('search-2025')].sort());
    expect(ids).toHaveLength(60);
  });

  it('badges exactly the risky listings, once each, with the level in words', async () => {
    // The background's verdicts, computed here the same way (rules engine, default sensitivity).
    const levels = riskyLevels('search-2025');
    const risky = [...levels.keys()];
    await page.waitForFunction((n: number) => document.querySelectorAll('cr-badge[data-cr-risk]').length >= n, { timeout: 15_000 }, risky.length);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const badges = await page.evaluate(() =>
      [...document.querySelectorAll('cr-badge[data-cr-risk]')].map((el) => ({ id: el.getAttribute('data-cr-item'), risk: el.getAttribute('data-cr-risk') })),
    );
    expect(badges.map((b) => b.id).sort()).toEqual([...risky].sort());
    expect(Object.fromEntries(badges.map((b) => [b.id, b.risk]))).toEqual(Object.fromEntries(levels));
  });

  it('marks 40 cards appended without a page load (infinite scroll)', async () => {
    const appended = await page.evaluate(() => {
      const cards = [...document.querySelectorAll('a[id^="item_id_"]')].slice(0, 40);
      const ids: string[] = [];
      cards.forEach((card, i) => {
        const original = card.closest('.search-content-col') ?? card;
        const cell = original.cloneNode(true) as Element;
        const id = String(800000000000 + i);
        ids.push(id);
        for (const el of [cell, ...cell.querySelectorAll('*')]) {
          el.removeAttribute('data-cr-item');
          if (el.id.startsWith('item_id_')) el.id = `item_id_${id}`;
          const href = el.getAttribute('href');
          if (href?.includes('id=')) el.setAttribute('href', href.replace(/([?&]id=)\d+/, `$1${id}`));
        }
        original.parentElement?.appendChild(cell);
      });
      return ids;
    });
    const ids = await settledMarks(page, 100);
    expect(ids).toHaveLength(100);
    expect(ids).toEqual(expect.arrayContaining(appended));
  });

  it('follows pagination done in the page (new results, pushState, no load)', async () => {
    const next = await page.evaluate(() => {
      const wrapper = document.querySelector('#content_items_wrapper')!;
      const cells = [...wrapper.querySelectorAll('.search-content-col')].slice(0, 10);
      const ids = cells.map((_, i) => String(810000000000 + i));
      const fresh = cells.map((cell, i) => {
        const copy = cell.cloneNode(true) as Element;
        for (const el of [copy, ...copy.querySelectorAll('*')]) {
          el.removeAttribute('data-cr-item');
          if (el.id.startsWith('item_id_')) el.id = `item_id_${ids[i]}`;
        }
        return copy;
      });
      history.pushState(null, '', `${location.pathname}${location.search.replace(/&page=\d+|$/, '&page=2')}`);
      wrapper.replaceChildren(...fresh);
      return ids;
    });
    const ids = await settledMarks(page, 10);
    expect(ids.sort()).toEqual(next.sort());
  });

  it('marks the cards of a 2023–24 search page that the HTML parser split apart', async () => {
    await page.goto(fixtureUrl(run, 'search-2023'), { waitUntil: 'domcontentloaded' });
    const ids = await settledMarks(page, expectedIds('search-2023').length);
    expect(ids.sort()).toEqual([...expectedIds('search-2023')].sort());
  });

  it.each(['pc-item-tmall-unprefixed-ice', 'pc-item-taobao-prefixed', 'pc-item-tmallhk-prefixed'])('marks the item on %s', async (name) => {
    await page.goto(fixtureUrl(run, name), { waitUntil: 'domcontentloaded' });
    expect(await settledMarks(page)).toEqual(expectedIds(name));
  });

  it.each(['blocked-search-captcha', 'blocked-punish'])('marks nothing on the verification page %s', async (name) => {
    await page.goto(fixtureUrl(run, name), { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await markedIds(page)).toEqual([]);
  });

  it('handles hostile listings as text: all found, nothing runs', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(fixtureUrl(run, 'search-hostile'), { waitUntil: 'domcontentloaded' });
    const ids = await settledMarks(page, expectedIds('search-hostile').length);
    expect(ids.sort()).toEqual([...expectedIds('search-hostile')].sort());
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src])').length)).toBe(1); // the page's own config script
  });

  it('does nothing on a host that is not Taobao or Tmall', async () => {
    // The same search page, served from another host: the content script must not even run.
    await page.goto(`${run.origin('shop.example.com')}/fixtures/search-2025.html`, { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await page.evaluate(() => document.querySelectorAll('a[id^="item_id_"]').length)).toBeGreaterThan(0);
    expect(await markedIds(page)).toEqual([]);
  });
});
