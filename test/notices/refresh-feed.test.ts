import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importNoticeFile } from '../../lib/notices/import-notice-file';
import type { NoticeDatabase } from '../../lib/notices/notice-db';
import { NoticeIndex } from '../../lib/notices/notice-index';
import { refreshFeed, subscribedFeeds, subscriptionUrlProblem, type RefreshDeps } from '../../lib/notices/refresh-feed';
import { dump, entryCount, fixtureBytes, freshDatabase, listing } from './notice-fixtures';

const URL_JSON = 'https://feeds.example.com/notices.json';
const URL_CSV = 'https://feeds.example.com/team-list';

interface Call {
  url: string;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
}

/** A server that answers from a queue, and remembers what it was asked. */
function server(...answers: (Response | Error)[]) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) }, credentials: init?.credentials });
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const feedResponse = (body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = {}): Response =>
  new Response(body, { status: 200, headers: { 'Content-Type': 'application/json', ...headers } });

let db: NoticeDatabase;
let clock: number;
const deps = (fetch: typeof globalThis.fetch): RefreshDeps => ({ db, fetch, now: () => clock });
const shopHits = async (): Promise<string[]> =>
  (await NoticeIndex.fromDatabase(db)).hitsFor(listing('700000000001', { id: '900000001' })).filter((h) => h.match === 'shop').map((h) => h.noticeId);

beforeEach(() => {
  db = freshDatabase();
  clock = 1_000;
});
afterEach(() => db.close());

describe('refreshFeed', () => {
  it('imports a first download and keeps its validators, then asks conditionally and keeps the data on 304', async () => {
    const { fetch, calls } = server(
      feedResponse(fixtureBytes('example-feed.json'), { ETag: '"v1"', 'Last-Modified': 'Wed, 01 Jan 2026 00:00:00 GMT' }),
      new Response(null, { status: 304 }),
    );
    const first = await refreshFeed(URL_JSON, deps(fetch));
    expect(first).toMatchObject({ status: 'imported', summary: { feedKey: URL_JSON, noticeCount: 3, entryCount: 7 } });
    expect(calls[0]).toEqual({ url: URL_JSON, headers: {}, credentials: 'omit' });
    expect(await db.feeds.get(URL_JSON)).toMatchObject({ url: URL_JSON, id: 'example', etag: '"v1"', lastModified: 'Wed, 01 Jan 2026 00:00:00 GMT', importedAt: 1_000 });

    clock = 2_000;
    const before = await dump(db);
    expect(await refreshFeed(URL_JSON, deps(fetch))).toEqual({ status: 'not-modified' });
    expect(calls[1]!.headers).toEqual({ 'If-None-Match': '"v1"', 'If-Modified-Since': 'Wed, 01 Jan 2026 00:00:00 GMT' });
    const after = await dump(db);
    expect(after.entries).toEqual(before.entries);
    expect(await db.feeds.get(URL_JSON)).toMatchObject({ importedAt: 1_000, checkedAt: 2_000, etag: '"v1"', lastResult: { status: 'not-modified', at: 2_000 } });
    expect(await subscribedFeeds(db)).toHaveLength(1);
  });

  it('keeps the old data and records the error when the download fails, the server errs or the feed is bad', async () => {
    const { fetch } = server(
      feedResponse(fixtureBytes('example-feed.json'), { ETag: '"v1"' }),
      new TypeError('Failed to fetch'),
      new Response('busy', { status: 503, statusText: 'Service Unavailable' }),
      feedResponse(fixtureBytes('malformed/unknown-kind.json')),
    );
    await refreshFeed(URL_JSON, deps(fetch));
    const imported = await dump(db);

    clock = 2_000;
    expect(await refreshFeed(URL_JSON, deps(fetch))).toEqual({ status: 'failed', message: 'could not download the feed: Failed to fetch', problems: [] });
    expect((await db.feeds.get(URL_JSON))?.lastResult).toEqual({ status: 'failed', at: 2_000, message: 'could not download the feed: Failed to fetch', problems: [] });

    clock = 3_000;
    expect(await refreshFeed(URL_JSON, deps(fetch))).toMatchObject({ status: 'failed', message: 'the server answered 503 Service Unavailable' });

    clock = 4_000;
    const bad = await refreshFeed(URL_JSON, deps(fetch));
    expect(bad).toMatchObject({ status: 'failed', message: `${URL_JSON}: 2 problems, nothing imported` });
    expect(bad.status === 'failed' && bad.problems.map((p) => `${p.line}: ${p.field}`)).toEqual(['12: notices[0].entries[1].kind', '13: notices[0].entries[2].action']);

    const after = await dump(db);
    expect(after.entries).toEqual(imported.entries);
    expect(after.lookups).toEqual(imported.lookups);
    expect(await db.feeds.get(URL_JSON)).toMatchObject({ importedAt: 1_000, checkedAt: 4_000, etag: '"v1"', lastResult: { status: 'failed', at: 4_000 } });
    expect(await shopHits()).toEqual(['example-2016-001']);
  });

  it('remembers a subscription whose first download failed, without conditional headers next time', async () => {
    await importNoticeFile(db, fixtureBytes('example-feed.csv'), { name: 'example-feed.csv', now: 1 }); // a file feed: not a subscription
    const { fetch, calls } = server(new TypeError('offline'), feedResponse(fixtureBytes('example-feed.json')));
    expect(await refreshFeed(URL_JSON, deps(fetch))).toMatchObject({ status: 'failed' });
    expect(await db.feeds.get(URL_JSON)).toMatchObject({ url: URL_JSON, importedAt: null, noticeCount: 0, lastResult: { status: 'failed' } });
    expect((await subscribedFeeds(db)).map((feed) => feed.key)).toEqual([URL_JSON]);
    expect(await refreshFeed(URL_JSON, deps(fetch))).toMatchObject({ status: 'imported' });
    expect(calls[1]!.headers).toEqual({});
  });

  it('reads a CSV by its Content-Type when the URL says nothing, GBK included', async () => {
    const { fetch } = server(new Response(fixtureBytes('example-feed-gbk.csv'), { headers: { 'Content-Type': 'text/csv; charset=gbk' } }));
    const outcome = await refreshFeed(URL_CSV, deps(fetch));
    expect(outcome).toMatchObject({ status: 'imported', summary: { noticeCount: 3, entryCount: 7, notes: [expect.stringMatching(/GBK/)] } });
    expect(await db.feeds.get(URL_CSV)).toMatchObject({ id: URL_CSV, format: 'csv', encoding: 'gbk' });
  });

  it('replaces the subscription data with each new version', async () => {
    const smaller = JSON.parse(new TextDecoder().decode(fixtureBytes('example-feed.json'))) as { notices: unknown[] };
    smaller.notices = smaller.notices.slice(1);
    const { fetch } = server(feedResponse(fixtureBytes('example-feed.json')), feedResponse(JSON.stringify(smaller)));
    await refreshFeed(URL_JSON, deps(fetch));
    expect(await shopHits()).toEqual(['example-2016-001']);
    expect(await refreshFeed(URL_JSON, deps(fetch))).toMatchObject({ status: 'imported', summary: { replacedEntries: 7, entryCount: 2 } });
    expect(await shopHits()).toEqual([]);
    expect(await entryCount(db)).toBe(2);
  });

  it('subscribes only to https URLs', async () => {
    expect(subscriptionUrlProblem('http://feeds.example.com/n.json')).toMatch(/not an https URL/);
    expect(subscriptionUrlProblem('https://user:pw@feeds.example.com/n.json')).toMatch(/user name or password/);
    expect(subscriptionUrlProblem('feeds.example.com')).toMatch(/not a URL/);
    expect(subscriptionUrlProblem(URL_JSON)).toBeNull();
    const { fetch, calls } = server();
    await expect(refreshFeed('http://feeds.example.com/n.json', deps(fetch))).rejects.toThrow(/not an https URL/);
    expect(calls).toEqual([]);
  });
});
