/**
 * The installed extension's popup.html in real Chromium and Firefox: after visiting fixture pages,
 * the history shows the listings recorded there, search and filters narrow them, and a hostile title
 * is only ever text in this privileged page.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../lib/activity/activity-db';
import { filterHistory, indexHistory, type HistoryFilter } from '../../lib/activity/history-query';
import { assessListing, BUILTIN_PACKS, builtinBrandNames, compileRules } from '../../lib/rules';
import { fixturePages } from '../extract/fixture-pages';
import { launchWithExtension, type BrowserName, type RunningBrowser } from './browsers';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { waitInExtensionPage } from './extension-pages';
import { screenshotPopup, visitFixtures } from './popup-screenshot';

const FIXTURES = ['search-2025', 'search-hostile'];

let server: FixtureServer;
let shots: string;
beforeAll(async () => {
  server = await startFixtureServer();
  shots = mkdtempSync(join(tmpdir(), 'cr-popup-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(shots, { recursive: true, force: true });
});

// What the background records, computed the same way (rules engine, default sensitivity), so the
// expected counts come from the same query code the popup runs.
const rules = compileRules(BUILTIN_PACKS);
const recorded: HistoryRecord[] = FIXTURES.flatMap((name) =>
  (fixturePages().find((p) => p.name === name)?.expected.listings ?? []).flatMap((listing) => {
    const verdict = assessListing(listing, rules);
    if (verdict.risk !== 'high' && verdict.risk !== 'medium') return [];
    return [{ itemId: listing.itemId, listing, verdict, risk: verdict.risk, brand: verdict.brand, platform: listing.shop.platform, pageUrl: '', firstSeen: 0, lastSeen: 0, timesSeen: 1 }];
  }),
);
const brandNames = new Map([...builtinBrandNames()].map(([id, names]) => [id, [names.en, names.zh_CN]]));
const pageCollected = (page: Page) => page.evaluate(() => (window as unknown as { __errors: string[] }).__errors);
const expectedCount = (filter: HistoryFilter) => filterHistory(indexHistory(recorded, brandNames), filter).length;

async function shownCount(page: Page): Promise<number> {
  return page.$eval('[data-testid="history-count"]', (el) => Number(/\d+/.exec(el.textContent ?? '')?.[0] ?? NaN));
}

async function waitForCount(page: Page, count: number): Promise<void> {
  await waitInExtensionPage(
    page,
    (n: number) => Number(/\d+/.exec(document.querySelector('[data-testid="history-count"]')?.textContent ?? '')?.[0] ?? NaN) === n,
    { timeout: 10_000 },
    count,
  );
}

async function shownIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="history-list"] > li', (items) => items.map((li) => li.getAttribute('data-item-id') ?? ''));
}

describe.each(['chromium', 'firefox'] as BrowserName[])('%s', (browserName) => {
  let run: RunningBrowser;
  let popup: Page;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    run = await launchWithExtension(browserName, server.port);
    await visitFixtures(run, server, FIXTURES);
    popup = await screenshotPopup(run, join(shots, `popup-${browserName}.png`));
    const listen = (page: Page) => {
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    };
    listen(popup);
    if (browserName === 'chromium') {
      // Listeners attach after the first load: reload so the whole start-up runs under them. (In
      // Firefox puppeteer neither reports this page's errors nor follows its reload.)
      await popup.evaluate(() => {
        document.body.dataset.beforeReload = 'yes';
        setTimeout(() => location.reload(), 0);
      });
      await waitInExtensionPage(popup, () => !document.body?.dataset.beforeReload && document.querySelector('[data-testid="history-list"]'), { timeout: 15_000 });
    }
    // Firefox's BiDi does not report this moz-extension page's errors to puppeteer (checked by the
    // probe below), so the page also collects its own from here on.
    await popup.evaluate(() => {
      const errors: string[] = [];
      (window as unknown as { __errors: string[] }).__errors = errors;
      window.addEventListener('error', (event) => errors.push(String(event.message)));
      window.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
    });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('took a screenshot of the popup', () => {
    const png = readFileSync(join(shots, `popup-${browserName}.png`));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('shows the listings recorded on the fixture pages, newest first, 50 a page', async () => {
    expect(recorded.length).toBeGreaterThan(5);
    await waitForCount(popup, recorded.length);
    const ids = await shownIds(popup);
    expect(ids).toHaveLength(Math.min(50, recorded.length));
    expect(recorded.map((r) => r.itemId)).toEqual(expect.arrayContaining(ids));
    // The hostile page was visited last: its listings are the newest.
    const hostile = recorded.filter((r) => r.itemId.startsWith('79000000000')).map((r) => r.itemId);
    expect(hostile.length).toBeGreaterThan(0);
    expect(ids.slice(0, hostile.length).sort()).toEqual(hostile.sort());
    // Links are rebuilt from the id.
    const hrefs = await popup.$$eval('[data-testid="history-list"] a.entry-title', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.every((href) => /^https:\/\/(item\.taobao\.com|detail\.tmall\.com|detail\.tmall\.hk)\/item\.htm\?id=\d+$/.test(href))).toBe(true);
  });

  it('shows the hostile title as text, and nothing from it runs', async () => {
    const titles = await popup.$$eval('[data-testid="history-list"] a.entry-title', (links) => links.map((a) => a.firstChild?.textContent ?? ''));
    expect(titles).toContain('<img src=x onerror=alert(document.domain)>GUCCI 高仿 马衔扣 女包');
    expect(await popup.$$eval('main img, main script, main iframe', (els) => els.length)).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await pageCollected(popup)).toEqual([]);
  });

  it('narrows by search and by a filter', async () => {
    await popup.type('input[name="search"]', '原单');
    const searched = expectedCount({ text: '原单' });
    expect(searched).toBeGreaterThan(0);
    expect(searched).toBeLessThan(recorded.length);
    await waitForCount(popup, searched);

    await popup.select('select[name="risk"]', 'medium');
    const filtered = expectedCount({ text: '原单', risks: ['medium'] });
    await waitForCount(popup, filtered);
    expect(filtered).toBeLessThan(searched);

    // Width-insensitive: full-width letters find the same listings as plain ones.
    await popup.select('select[name="risk"]', '');
    await popup.$eval('input[name="search"]', (input) => {
      (input as HTMLInputElement).value = '';
    });
    await popup.type('input[name="search"]', 'ＧＵＣＣＩ');
    await waitForCount(popup, expectedCount({ text: 'gucci' }));
    expect(await shownCount(popup)).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    expect(await pageCollected(popup)).toEqual([]);
  });

  it('shows a whole date in its date fields (Firefox draws them wider than Chromium)', async () => {
    const fit = await popup.evaluate(() => {
      const fields = [...document.querySelectorAll<HTMLInputElement>('input[type="date"]')];
      return fields.map((field) => {
        // The same field at its own natural width, with a date in it, beside the real one.
        const natural = document.createElement('input');
        natural.type = 'date';
        natural.value = '2026-12-28';
        // Out of the grid (whose cell would cap it), with the popup's own input styles.
        Object.assign(natural.style, { width: 'auto', maxWidth: 'none', position: 'absolute', left: '0', top: '0' });
        document.querySelector('main')!.append(natural);
        const room = { name: field.name, width: field.getBoundingClientRect().width, needs: natural.getBoundingClientRect().width };
        natural.remove();
        return room;
      });
    });
    expect(fit.length).toBeGreaterThanOrEqual(2);
    for (const field of fit) expect(field.width, field.name).toBeGreaterThanOrEqual(field.needs);
  });

  it('has the popup in the manifest and no uncaught errors', async () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '.output', browserName === 'chromium' ? 'chrome-mv3' : 'firefox-mv3', 'manifest.json'), 'utf8'));
    expect(manifest.action.default_popup).toBe('popup.html');
    expect(existsSync(join(shots, `popup-${browserName}.png`))).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(await pageCollected(popup)).toEqual([]);
    // The listener does catch an uncaught error in this page, so the empty lists above mean something.
    await popup.evaluate(() => setTimeout(() => {
      throw new Error('probe');
    }, 0));
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Chromium names it "Script error." (the probe comes from the driver's script, not the page).
    expect(await pageCollected(popup)).toHaveLength(1);
    if (browserName === 'chromium') expect(pageErrors.join()).toContain('probe');
  });
});
