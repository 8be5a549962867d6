import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { NoticeService, type NoticeServiceDeps } from '../../lib/background/notice-service';
import type { NoticeImportProgress } from '../../lib/messaging/page-protocol';
import { dump, fixtureBytes, freshDatabase, listing } from '../notices/notice-fixtures';

function service(fetchImpl: typeof fetch = async () => new Response('', { status: 404 }), historyChanges?: NoticeServiceDeps['historyChanges']) {
  const db = freshDatabase();
  const progress: NoticeImportProgress[] = [];
  let clock = 0;
  const notices = new NoticeService({
    db,
    fetch: fetchImpl,
    now: () => 1_780_000_000_000,
    clock: () => (clock += 1),
    progress: (p) => progress.push(p),
    ...(historyChanges ? { historyChanges } : {}),
  });
  return { db, notices, progress };
}

const base64 = (name: string) => Buffer.from(fixtureBytes(name)).toString('base64');
const namedShop = listing('812345678901', { id: '900000001', name: '别的名字' });

describe('NoticeService', () => {
  it('starts from the database, then answers lookups from memory', async () => {
    const { notices } = service();
    await notices.ready;
    expect(notices.timings()).toMatchObject({ feedCount: 0, entryCount: 0, firstLookupMs: null });
    expect(notices.hitsFor(namedShop).some((hit) => hit.match === 'shop')).toBe(false);
    expect(notices.timings().indexReadyMs).toBeGreaterThan(0);
    expect(notices.timings().firstLookupMs).not.toBeNull();
  });

  it('imports a file feed, reports progress by phase, and the next lookup sees it', async () => {
    const { notices, progress } = service();
    const answer = await notices.importFile('import-1', 'example-feed.json', base64('example-feed.json'), true);
    expect(answer).toMatchObject({ ok: true, feedKey: 'file:example', replacedEntries: 0 });
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['parsing', 'writing', 'indexing', 'done']));
    expect(progress.every((p) => p.importId === 'import-1')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ phase: 'done' });
    expect(notices.hitsFor(namedShop).some((hit) => hit.match === 'shop')).toBe(true);
    expect(notices.timings()).toMatchObject({ feedCount: 1 });
  });

  it('refuses a malformed CSV with its rows, and keeps what was there', async () => {
    const { db, notices } = service();
    await notices.importFile('a', 'example-feed.json', base64('example-feed.json'), true);
    const before = await dump(db);
    const answer = await notices.importFile('b', 'bad-rows.csv', base64('malformed/bad-rows.csv'));
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.problems.length).toBeGreaterThan(0);
    expect(answer.problems.every((p) => typeof p.line === 'number' && p.field !== '' && p.reason !== '')).toBe(true);
    expect(await dump(db)).toEqual(before);
    expect(notices.hitsFor(namedShop).some((hit) => hit.match === 'shop')).toBe(true);
  });

  it('imports example data only when allowed, and then says it is an example and what it changes', async () => {
    const { db, notices } = service();
    expect(await notices.importFile('a', 'example-feed.json', base64('example-feed.json'))).toEqual({
      ok: true,
      exampleRefused: true,
      feedTitle: expect.stringContaining('EXAMPLE') as unknown,
    });
    expect(await db.feeds.count()).toBe(0);
    expect(notices.hitsFor(namedShop)).toEqual([]);
    expect(await notices.importFile('b', 'example-feed.json', base64('example-feed.json'), true)).toMatchObject({
      ok: true,
      example: true,
      effect: { specialRuleBrands: ['gucci', 'michael_kors', 'tiffany'], shops: 4, items: 3, historyChanged: null },
    });
  });

  it('a first subscription to example data asks too; its later refreshes do not', async () => {
    const body = fixtureBytes('example-feed.json');
    const { db, notices } = service(async () => new Response(body, { headers: { 'Content-Type': 'application/json' } }));
    expect(await notices.subscribe('s', 'https://example.com/feed.json')).toMatchObject({ ok: true, exampleRefused: true });
    expect(await db.feeds.count()).toBe(0);
    expect(await notices.subscribe('t', 'https://example.com/feed.json', true)).toMatchObject({ ok: true, example: true });
    expect(await notices.refreshAll()).toEqual({ refreshed: 1, failed: 0 });
  });

  it('counts the history listings whose verdict an import changes', async () => {
    const compared: number[] = [];
    const { notices } = service(undefined, async (before, after) => {
      compared.push(before.hitsFor(namedShop).length, after.hitsFor(namedShop).length);
      return 2;
    });
    expect(await notices.importFile('a', 'example-feed.json', base64('example-feed.json'), true)).toMatchObject({ effect: { historyChanged: 2 } });
    expect(compared[0]).toBe(0);
    expect(compared[1]).toBeGreaterThan(0);
  });

  it('refuses text that is not base64', async () => {
    const { notices } = service();
    expect(await notices.importFile('a', 'x.json', '@@not base64@@')).toMatchObject({ ok: false });
  });

  it('subscribes over https only, and a failed refresh keeps the data', async () => {
    let fail = false;
    const body = fixtureBytes('example-feed.json');
    const { notices } = service(async () => (fail ? Promise.reject(new TypeError('network down')) : new Response(body, { headers: { 'Content-Type': 'application/json', ETag: '"v1"' } })));
    expect(await notices.subscribe('s', 'http://example.com/feed.json')).toMatchObject({ ok: false });
    expect(await notices.subscribe('s', 'https://example.com/feed.json', true)).toMatchObject({ ok: true, entryCount: 7 });
    fail = true;
    expect(await notices.refreshAll()).toEqual({ refreshed: 0, failed: 1 });
    expect(notices.hitsFor(namedShop).some((hit) => hit.match === 'shop')).toBe(true);
    await notices.remove('https://example.com/feed.json');
    expect(notices.hitsFor(namedShop).some((hit) => hit.match === 'shop')).toBe(false);
  });

  it('measures a batch lookup', async () => {
    const { notices } = service();
    await notices.importFile('a', 'example-feed.json', base64('example-feed.json'), true);
    const measure = notices.measureLookup([namedShop, listing('1234567890')], 5, 2);
    expect(measure).toMatchObject({ listings: 2, runs: 5 });
    expect(measure.medianMicros).toBeGreaterThan(0);
  });
});

describe('NoticeService, a file sent in chunks', () => {
  it('imports the chunks received in order, and refuses a chunk out of order', async () => {
    const { notices } = service();
    const bytes = fixtureBytes('example-feed.json');
    const cut = Math.floor(bytes.length / 3);
    const parts = [bytes.subarray(0, cut), bytes.subarray(cut, 2 * cut), bytes.subarray(2 * cut)];
    parts.forEach((part, index) => notices.receiveChunk('up-1', index, Buffer.from(part).toString('base64')));
    expect(await notices.importFile('up-1', 'example-feed.json', undefined, true)).toMatchObject({ ok: true, entryCount: 7 });

    notices.receiveChunk('up-2', 0, Buffer.from(parts[0]!).toString('base64'));
    expect(() => notices.receiveChunk('up-2', 2, Buffer.from(parts[2]!).toString('base64'))).toThrow(/chunk 2 of import up-2/);
    expect(await notices.importFile('up-2', 'example-feed.json')).toMatchObject({ ok: false });
  });
});
