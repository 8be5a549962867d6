/**
 * The options page of the built extension, Chromium and Firefox: a feed file chosen in its file
 * input is imported and listed, and changes the verdicts on a Taobao page; a malformed CSV shows
 * its problems by line and changes nothing. Any uncaught error on the options page fails the run.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type BrowserName, type RunningBrowser } from './browsers';
import { openExtensionPage } from './extension-pages';
import { badgeRisks } from './badge-risks';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { screenshotOptions } from './options-screenshot';

const NOTICES = join(import.meta.dirname, '..', 'fixtures', 'notices');
const OUT_DIR = join(import.meta.dirname, '..', '..', 'test-output', 'options');
// options-import-feed.csv names the shop of the first by id and the second by item id; without the
// feed both are second-hand listings with no badge (low risk, low marks off by default).
const NAMED_SHOP_ITEM = '853308980144';
const NAMED_ITEM = '790522517628';
const FEED_KEY = 'file:options-import-feed';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
  mkdirSync(OUT_DIR, { recursive: true });
});
afterAll(async () => {
  await server?.close();
});

const risksOn = (run: RunningBrowser, itemIds: string[]) => badgeRisks(run, server, 'search-2025', itemIds);

/** Chooses a file in one of the page's file inputs, as the file dialog would. */
async function choose(page: Page, inputSelector: string, file: string): Promise<void> {
  const input = await page.waitForSelector(inputSelector);
  if (!input) throw new Error(`no ${inputSelector}`);
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
}

const feedKeys = (page: Page) => page.$$eval('[data-feed-key]', (rows) => rows.map((row) => row.getAttribute('data-feed-key')));

describe.each(['chromium', 'firefox'] as BrowserName[])('%s', (browserName) => {
  let run: RunningBrowser;
  let options: Page;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    run = await launchWithExtension(browserName, server.port);
    options = await openExtensionPage(run, 'options.html');
    options.on('pageerror', (error) => pageErrors.push(String(error)));
    await options.waitForSelector('[data-testid="no-feeds"]', { timeout: 15_000 });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('a feed file chosen on the options page is listed and turns the named listings high', async () => {
    expect(await risksOn(run, [NAMED_SHOP_ITEM, NAMED_ITEM])).toEqual({ [NAMED_SHOP_ITEM]: null, [NAMED_ITEM]: null });
    await choose(options, '#notice-file', join(NOTICES, 'options-import-feed.csv'));
    await options.waitForSelector(`[data-feed-key="${FEED_KEY}"]`, { timeout: 15_000 });
    expect(await options.$eval(`[data-feed-key="${FEED_KEY}"] [data-testid="feed-counts"]`, (el) => el.textContent)).toMatch(/1\D+2/);
    expect(await options.$eval('.outcome.ok', (el) => el.textContent)).toMatch(/1\D+2/);
    expect(await risksOn(run, [NAMED_SHOP_ITEM, NAMED_ITEM])).toEqual({ [NAMED_SHOP_ITEM]: 'high', [NAMED_ITEM]: 'high' });
  });

  it('a malformed CSV shows its problems with line numbers and changes nothing', async () => {
    await choose(options, '#notice-file', join(NOTICES, 'malformed', 'bad-rows.csv'));
    await options.waitForSelector('[role="alert"] li', { timeout: 15_000 });
    const problems = await options.$$eval('[role="alert"] li', (items) => items.map((li) => li.textContent ?? ''));
    expect(problems).toHaveLength(10);
    // "Line 3, item_id: …" in English, "第 3 行，item_id：…" in Chinese: the line and the field either way.
    expect(problems[0]).toMatch(/3\D+item_id/);
    expect(problems.every((text) => /\d/.test(text))).toBe(true);
    expect(await feedKeys(options)).toEqual([FEED_KEY]);
    expect(await risksOn(run, [NAMED_ITEM])).toEqual({ [NAMED_ITEM]: 'high' });
  });

  it('deleting the feed after confirming removes its data', async () => {
    await options.click(`[data-feed-key="${FEED_KEY}"] > button`);
    await options.click('[role="alertdialog"] button.danger');
    await options.waitForSelector('[data-testid="no-feeds"]', { timeout: 15_000 });
    expect(await risksOn(run, [NAMED_ITEM])).toEqual({ [NAMED_ITEM]: null });
  });

  it('takes the README screenshot, and the page threw nothing', async () => {
    await screenshotOptions(run, join(OUT_DIR, `options-${browserName}.png`));
    expect(pageErrors).toEqual([]);
  });
});
