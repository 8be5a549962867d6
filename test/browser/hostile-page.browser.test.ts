/**
 * A page that attacks the extension (test/fixtures/hostile/hostile-page.ts), in Chromium and Firefox
 * with the built extension: its script clicks every badge, forges WXT's start-up event, pre-marks
 * cards and poisons fields. Every attack must be refused: no trust or report is made by the page, the
 * content script keeps working (later cards still get badges), every risky card is judged, and the
 * page reads no verdict. A real user's click still works.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRecord, TrustRecord } from '../../lib/activity/activity-db';
import { ACTIVITY_DB_NAME } from '../../lib/activity/activity-db';
import type { Settings } from '../../lib/settings/settings';
import { ALL_RISKY, HOSTILE_PATH, HOSTILE_QUERY, hostilePageHtml } from '../fixtures/hostile/hostile-page';
import { itemIdOf, riskyTitle, searchCardHtml } from '../fixtures/hostile/search-cards';
import { readBadges, waitForBadges, type BadgeView } from './badge-probe';
import { launchWithExtension, setViewport, type BrowserName, type RunningBrowser } from './browsers';
import { openExtensionPage } from './extension-pages';
import { readExtensionStore, setExtensionStorage } from './extension-state';
import { startFixtureServer, type FixtureServer } from './fixture-server';

/** Restated, not imported: lib/settings defines WXT storage items, which need the extension's globals. */
const BRAND_STAFF: Settings = { role: 'brand-staff', sensitivity: 'balanced', showLowMarks: false, mutedBrands: [], pausedSites: [] };
/** Firefox's runtime.id is the add-on id (browsers.ts pins it). */
const GECKO_ID = 'counterfeit-radar@example.org';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shownIds = (views: BadgeView[]) => [...new Set(views.filter((v) => v.level !== null).map((v) => v.itemId ?? ''))].sort();

interface HostileRecord {
  forged: number;
  answeredPostMessage: number;
  syntheticClicks: number;
  openRoots: number;
  innerClicks: number;
  hostAttributes: string[];
  riskAttributes: number;
  marks: number;
}

describe.each(['chromium', 'firefox'] as BrowserName[])('a hostile page in %s', (browserName) => {
  let run: RunningBrowser;
  let page: Page;

  beforeAll(async () => {
    run = await launchWithExtension(browserName, server.port);
    server.extraPages.set(HOSTILE_PATH, hostilePageHtml(browserName === 'chromium' ? run.extensionId : GECKO_ID));
    await setExtensionStorage(run, { settings: BRAND_STAFF });
    page = await run.browser.newPage();
    await setViewport(run, page, { width: 1280, height: 900 });
    await page.goto(`${run.origin('s.taobao.com')}${HOSTILE_PATH}${HOSTILE_QUERY}`, { waitUntil: 'domcontentloaded' });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('judges every risky card: the pre-marked one, and the poisoned ones without costing the others their badges', async () => {
    const views = await waitForBadges(page, (v) => shownIds(v).length >= ALL_RISKY.length);
    expect(shownIds(views)).toEqual([...ALL_RISKY].sort());
  });

  it('keeps working while the page forges WXT’s start-up event: a card added later, disguised as our UI, gets its badge', async () => {
    await sleep(1500); // sixty rounds of forged events and clicks
    const late = itemIdOf(50);
    await page.evaluate((html: string) => {
      // The page's own infinite scroll, as its script would add a card.
      const column = document.adoptNode(new DOMParser().parseFromString(html, 'text/html').body.firstElementChild!);
      column.setAttribute('data-cr-ui', '');
      document.getElementById('content_items_wrapper')!.append(column);
    }, searchCardHtml({ itemId: late, title: riskyTitle(50) }));
    const views = await waitForBadges(page, (v) => shownIds(v).includes(late));
    expect(shownIds(views)).toEqual([...ALL_RISKY, late].sort());
    const record = (await page.evaluate(() => (window as unknown as { __hostile: unknown }).__hostile)) as HostileRecord;
    expect(record.forged).toBeGreaterThan(20);
    expect(record.syntheticClicks).toBeGreaterThan(20);
    // WXT's start-up postMessage is not sent, so the page never learnt the event name from us.
    expect(record.answeredPostMessage).toBe(0);
  });

  it('lets the page neither act for the user nor read a verdict', async () => {
    const record = (await page.evaluate(() => (window as unknown as { __hostile: unknown }).__hostile)) as HostileRecord;
    expect(record).toMatchObject({ openRoots: 0, innerClicks: 0, hostAttributes: [], riskAttributes: 0, marks: 0 });
    expect(await readExtensionStore<TrustRecord>(run, ACTIVITY_DB_NAME, 'trusted')).toEqual([]);
    expect(await readExtensionStore<ReportRecord>(run, ACTIVITY_DB_NAME, 'reports')).toEqual([]);
    // Every badge is still there and closed: the page's clicks opened no panel.
    const views = await readBadges(page);
    expect(shownIds(views)).toHaveLength(ALL_RISKY.length + 1);
    expect(views.every((v) => v.panel === null)).toBe(true);
  });

  it('still answers the user: a real pointer opens the panel and a real click trusts the item', async () => {
    const target = ALL_RISKY[5]!;
    const [before] = (await readBadges(page)).filter((v) => v.itemId === target && v.level !== null);
    await page.mouse.move(before!.badge!.x, before!.badge!.y);
    const [open] = (await waitForBadges(page, (v) => v.some((b) => b.itemId === target && b.panel !== null))).filter((v) => v.itemId === target);
    const trust = open!.actions.find((a) => /trust this item/i.test(a.label));
    expect(trust).toBeDefined();
    await page.mouse.click(trust!.x, trust!.y);
    await waitForBadges(page, (v) => !shownIds(v).includes(target));
    const trusted = await readExtensionStore<TrustRecord>(run, ACTIVITY_DB_NAME, 'trusted');
    expect(trusted.map((t) => t.key)).toEqual([`item:${target}`]);
  });

  it('keeps a menu or shortcut report about the card the user pointed at, whatever pointerover the page forges', async () => {
    const [pointed, forged] = [ALL_RISKY[2]!, ALL_RISKY[7]!];
    // A real pointer over the card's title (the badge sits elsewhere in the card).
    const box = await page.evaluate((id: string) => {
      const title = document.querySelector(`#item_id_${id} [class*="title--"]`)!;
      title.scrollIntoView({ block: 'center' });
      const rect = title.getBoundingClientRect();
      return { x: rect.left + 5, y: rect.top + rect.height / 2 };
    }, pointed);
    await page.mouse.move(box.x, box.y);
    // Then the page tells us the pointer went over another card.
    await page.evaluate((id: string) => {
      const card = document.querySelector(`#item_id_${id} [class*="title--"]`)!;
      for (const type of ['pointerover', 'mouseover', 'contextmenu']) card.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
    }, forged);
    // What the background asks the tab when the menu item or the shortcut is used (lib/background's
    // report command sends the same message), asked here from an extension page.
    const askingPage = await openExtensionPage(run, 'options.html');
    const answer = await askingPage.evaluate(async (path: string) => {
      interface TabsApi {
        tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
      }
      const scope = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
      const api = scope.browser ?? scope.chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url?.includes(path));
      return api.tabs.sendMessage(tab!.id!, { id: 1, type: 'listingForReport', data: undefined, timestamp: Date.now() });
    }, HOSTILE_PATH);
    await askingPage.close();
    await page.bringToFront();
    expect((answer as { res: { listing: { itemId: string } } | null }).res?.listing.itemId).toBe(pointed);
  });
});
