/**
 * Notice subscriptions in the built extension, Chromium and Firefox: the options page subscribes to a
 * feed URL (served by the fixture server under an https host), the verdicts on a Taobao page change,
 * the refresh alarm is set, a refresh sends the validators back and a 304 keeps the data, and a failed
 * refresh keeps it too and records the error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type BrowserName, type RunningBrowser } from './browsers';
import { openExtensionPage } from './extension-pages';
import { badgeRisks } from './badge-risks';
import { startFixtureServer, type FixtureServer } from './fixture-server';

const FEED_PATH = '/counterfeit-radar/browser-subscription.json';
const FEED = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'notices', 'browser-subscription-feed.json'), 'utf8');
const NAMED_SHOP_ITEM = '760152561384'; // low without the feed: a second-hand shop the feed names by id
const NAMED_ITEM = '734615552876'; // low without the feed (a GG card case at a franchise shop): the feed names the item

let server: FixtureServer;
let feedAnswer: 'feed' | 'fail' = 'feed';
const conditional: (string | undefined)[] = [];
beforeAll(async () => {
  server = await startFixtureServer();
  // A public feed allows cross-origin reads (the extension has no host permission for the feed's
  // site unless the user grants it when subscribing), validators included.
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
    'access-control-expose-headers': 'ETag, Last-Modified',
  };
  server.extraResponses.set(FEED_PATH, (request) => {
    if (request.method === 'OPTIONS') return { status: 204, headers: cors };
    conditional.push(request.headers['if-none-match']);
    if (feedAnswer === 'fail') return { status: 503, headers: cors };
    if (request.headers['if-none-match'] === '"v1"') return { status: 304, headers: cors };
    return { status: 200, headers: { ...cors, 'content-type': 'application/json', etag: '"v1"' }, body: FEED };
  });
});
afterAll(async () => {
  await server?.close();
});

/** One message in @webext-core/messaging's shape, as the options page sends it. */
async function ask<T>(page: Page, type: string, data?: unknown): Promise<T> {
  const reply = (await page.evaluate(
    (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(message),
    { id: 1, type, data, timestamp: Date.now() },
  )) as { res?: T; err?: { message: string } };
  if (reply.err) throw new Error(reply.err.message);
  return reply.res as T;
}

const risksOn = (run: RunningBrowser, itemIds: string[]) => badgeRisks(run, server, 'search-2025', itemIds);

describe.each(['chromium', 'firefox'] as BrowserName[])('%s', (browserName) => {
  let run: RunningBrowser;
  let options: Page;
  let feedUrl: string;
  beforeAll(async () => {
    run = await launchWithExtension(browserName, server.port);
    options = await openExtensionPage(run, 'options.html');
    feedUrl = `${run.origin('feeds.example.com')}${FEED_PATH}`;
    feedAnswer = 'feed';
    conditional.length = 0;
  });
  afterAll(async () => {
    await run?.close();
  });

  it('starts with no notices: the two listings are low, without a badge', async () => {
    expect(await ask(options, 'noticeStatus')).toMatchObject({ feedCount: 0, entryCount: 0 });
    expect(await risksOn(run, [NAMED_SHOP_ITEM, NAMED_ITEM])).toEqual({ [NAMED_SHOP_ITEM]: null, [NAMED_ITEM]: null });
  });

  it('a subscription changes the verdicts and sets the refresh alarm', async () => {
    expect(await ask(options, 'subscribeNoticeFeed', { importId: 'browser-1', url: feedUrl })).toMatchObject({ ok: true, entryCount: 2 });
    expect(await risksOn(run, [NAMED_SHOP_ITEM, NAMED_ITEM])).toEqual({ [NAMED_SHOP_ITEM]: 'high', [NAMED_ITEM]: 'high' });
    const alarm = await options.evaluate(() => (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<unknown> } } }).chrome.alarms.get('refresh-subscriptions'));
    expect(alarm).toMatchObject({ name: 'refresh-subscriptions', periodInMinutes: 360 });
  });

  it('a refresh sends the ETag back; 304 and a failed download both keep the data', async () => {
    expect(await ask(options, 'refreshNoticeFeeds')).toEqual({ refreshed: 1, failed: 0 });
    expect(conditional.at(-1)).toBe('"v1"');
    feedAnswer = 'fail';
    expect(await ask(options, 'refreshNoticeFeeds')).toEqual({ refreshed: 0, failed: 1 });
    expect(await ask(options, 'noticeStatus')).toMatchObject({ feedCount: 1, entryCount: 2 });
    expect(await risksOn(run, [NAMED_ITEM])).toEqual({ [NAMED_ITEM]: 'high' });
  });

  it('unsubscribing removes the data', async () => {
    await ask(options, 'removeNoticeFeed', { feedKey: feedUrl });
    expect(await ask(options, 'noticeStatus')).toMatchObject({ feedCount: 0 });
    expect(await risksOn(run, [NAMED_ITEM])).toEqual({ [NAMED_ITEM]: null });
  });
});
