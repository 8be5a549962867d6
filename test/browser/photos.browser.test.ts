/**
 * Reused photos end to end (issue 14), in real Chromium and Firefox with the built extension: two
 * listings of a search page, sold by different shops, show the same photo, served by the fixture server
 * for the image CDN host; the background downloads and hashes both, and each listing's details say that
 * one other shop uses a near-identical photo. A third listing with a photo of its own says nothing.
 *
 * Chromium maps every host, img.alicdn.com included, to the fixture server (--host-resolver-rules), so
 * the page's own image links reach it. Firefox resolves every host to this machine but keeps the port
 * in the URL (browsers.ts), so its copy of the page names the CDN host with the fixture server's port;
 * the extension's host permission (https://*.alicdn.com/*) matches any port.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_DB_NAME } from '../../lib/activity/activity-db';
import type { PhotoRow } from '../../lib/photos/photo-index';
import { fixturePages } from '../extract/fixture-pages';
import { writePhotoBytes } from '../photos/photo-files';
import { syntheticPhotos } from '../photos/synthetic-photos';
import { openPanel, settledBadgeIds } from './badge-probe';
import { launchWithExtension, type BrowserName, type RunningBrowser } from './browsers';
import { readExtensionStore } from './extension-state';
import { startFixtureServer, type FixtureServer } from './fixture-server';

const FIXTURE = 'search-2025';
/** Two high-risk listings of the fixture in different shops (a shop id, and a shop known by name), and a third. */
const SHARED = ['708151211138', '857151120838'];
const OWN_PHOTO = '722775073429';
const ONE_OTHER_SHOP = '1 other shop uses a near-identical photo';

const listings = fixturePages().find((p) => p.name === FIXTURE)?.expected.listings ?? [];
const imagePath = (itemId: string): string => {
  const image = listings.find((l) => l.itemId === itemId)?.image;
  if (!image) throw new Error(`listing ${itemId} of ${FIXTURE} has no image`);
  const url = new URL(image);
  if (url.hostname !== 'img.alicdn.com') throw new Error(`listing ${itemId}'s image is on ${url.hostname}, not img.alicdn.com`);
  return url.pathname;
};

let server: FixtureServer;
/** Image requests the fixture server answered, by path. */
const served: string[] = [];
beforeAll(async () => {
  server = await startFixtureServer();
  const [shared, own] = syntheticPhotos(2, 14).map((image) => writePhotoBytes('jpg', image));
  const answer = (path: string, bytes: Uint8Array) =>
    server.extraResponses.set(path, () => {
      served.push(path);
      return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: bytes };
    });
  for (const itemId of SHARED) answer(imagePath(itemId), shared!);
  answer(imagePath(OWN_PHOTO), own!);
  const fixture = server.fixtures.get(FIXTURE);
  if (!fixture) throw new Error(`no ${FIXTURE} fixture`);
  // The page at another query, its CDN links naming the origin each browser reaches the server by.
  server.extraResponses.set('/search', (request) => {
    const origin = new URL(request.url ?? '/', 'https://s.taobao.com').searchParams.get('cdn') ?? 'https://img.alicdn.com';
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: fixture.html.replaceAll('//img.alicdn.com/', `${origin}/`) };
  });
});
afterAll(async () => {
  await server?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The photo rows of these listings once the background has stored all of them. */
async function storedPhotos(run: RunningBrowser, itemIds: readonly string[], timeoutMs = 20_000): Promise<PhotoRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = (await readExtensionStore<PhotoRow>(run, ACTIVITY_DB_NAME, 'photos')).filter((row) => itemIds.includes(row.itemId));
    if (rows.length === itemIds.length) return rows;
    if (Date.now() > deadline) throw new Error(`photos stored for ${JSON.stringify(rows.map((r) => r.itemId))} only; the server answered ${JSON.stringify(served)}`);
    await sleep(200);
  }
}

/** The panel's text for a listing, opened afresh (each opening asks the background again). */
async function panelText(page: Page, itemId: string): Promise<string> {
  await page.mouse.move(0, 0);
  await sleep(100);
  return (await openPanel(page, itemId)).panel ?? '';
}

describe.each(['chromium', 'firefox'] as BrowserName[])('%s', (browserName) => {
  let run: RunningBrowser;
  beforeAll(async () => {
    run = await launchWithExtension(browserName, server.port);
  });
  afterAll(async () => {
    await run?.close();
  });

  it('two listings in different shops with the same photo each say one other shop uses it', async () => {
    const page = await run.browser.newPage();
    const cdn = encodeURIComponent(run.origin('img.alicdn.com'));
    await page.goto(`${run.origin('s.taobao.com')}/search?q=%E5%8F%A4%E9%A9%B0&cdn=${cdn}`, { waitUntil: 'domcontentloaded' });
    const ids = await settledBadgeIds(page, 1);
    expect(ids).toEqual(expect.arrayContaining([...SHARED, OWN_PHOTO]));

    const rows = await storedPhotos(run, [...SHARED, OWN_PHOTO]);
    const hashOf = (itemId: string) => rows.find((row) => row.itemId === itemId)?.hash;
    expect(hashOf(SHARED[0]!)).toBe(hashOf(SHARED[1]!));
    expect(hashOf(OWN_PHOTO)).not.toBe(hashOf(SHARED[0]!));
    expect(new Set(rows.filter((row) => SHARED.includes(row.itemId)).map((row) => row.shopKey)).size).toBe(2);

    for (const itemId of SHARED) expect(await panelText(page, itemId), `the details of ${itemId}`).toContain(ONE_OTHER_SHOP);
    expect(await panelText(page, OWN_PHOTO)).not.toContain('near-identical photo');
    await page.close();
  });
});
