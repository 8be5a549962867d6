import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedRecords } from '../../lib/notices/feed-records';
import { findNoticeHits } from '../../lib/notices/find-notice-hits';
import { importNoticeFeed, removeNoticeFeed, type ImportProgress } from '../../lib/notices/import-feed';
import { importNoticeFile } from '../../lib/notices/import-notice-file';
import { LiveNoticeIndex } from '../../lib/notices/live-notice-index';
import { splitKeys } from '../../lib/notices/lookup-part';
import { fileFeedKey, NOTICE_SCHEMA_V1, NOTICES_DB_NAME, NoticeDatabase, storedEntries, type FeedRecord } from '../../lib/notices/notice-db';
import { NoticeIndex } from '../../lib/notices/notice-index';
import { parseNoticeFile } from '../../lib/notices/parse-notice-file';
import type { NoticeHit } from '../../lib/verdict';
import { dump, entriesWithKey, entryCount, fixtureBytes, freshDatabase, generatedFeed, listing } from './notice-fixtures';

const example = parseNoticeFile(fixtureBytes('example-feed.json'), { name: 'example-feed.json' });
const EXAMPLE_KEY = fileFeedKey('example');
const namedShop = listing('700000000001', { id: '900000001', name: '别的名字' });
const namedItem = listing('900000000001');

const named = (hits: readonly NoticeHit[]): string[] => hits.filter((h) => h.match !== 'brand').map((h) => `${h.match}:${h.noticeId}`);

let db: NoticeDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

describe('schema upgrade', () => {
  it('upgrades a version-1 database through versions 2, 3 and 4 and keeps every notice, entry and feed', async () => {
    const factory = new IDBFactory();
    const v1 = new Dexie(NOTICES_DB_NAME, { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores(NOTICE_SCHEMA_V1);
    // Version-1 rows: as the import writes them, less the lookup keys version 2 added.
    const { notices, entries } = feedRecords(example, EXAMPLE_KEY);
    const v1Entries = entries.map((entry) => without(entry, 'keys'));
    const feed: FeedRecord = {
      key: EXAMPLE_KEY, url: null, id: 'example', title: example.title, homepage: example.homepage, description: example.description,
      format: 'json', encoding: 'utf-8', etag: null, lastModified: null, importedAt: 1, checkedAt: 1, noticeCount: 3, entryCount: 7,
      lastResult: { status: 'imported', at: 1, notes: [] },
    };
    await v1.transaction('rw', v1.tables, async () => {
      await v1.table('notices').bulkPut(notices);
      await v1.table('entries').bulkAdd(v1Entries);
      await v1.table('feeds').put(feed);
    });
    expect(await v1.table('entries').where('shopId').equals('900000001').count()).toBe(1);
    v1.close();

    const upgraded = freshDatabase(factory);
    await upgraded.open();
    expect(upgraded.verno).toBe(4);
    expect(await upgraded.notices.toArray()).toEqual(sorted(notices));
    const stored = await storedEntries(upgraded);
    expect(stored.map((entry) => without(entry, 'keys'))).toEqual(v1Entries);
    expect(stored.map((e) => e.keys)).toEqual(entries.map((e) => e.keys));
    expect(await upgraded.feeds.toArray()).toEqual([feed]);
    // The key index answers through the blocks, the old table is gone, and the lookup part was built from the old rows.
    expect(await entriesWithKey(upgraded, 'shop-id:900000001')).toHaveLength(1);
    expect(upgraded.tables.map((t) => t.name).sort()).toEqual(['entryBlocks', 'feeds', 'lookups', 'notices']);
    const index = await NoticeIndex.fromDatabase(upgraded);
    expect(index.entryCount).toBe(7);
    expect(named(index.hitsFor(namedShop))).toEqual(['shop:example-2016-001']);
    expect(index.hitsFor(namedItem)).toEqual(NoticeIndex.fromFeed(example).hitsFor(namedItem));
    upgraded.close();
  });
});

function without<T extends object, K extends keyof T>(row: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(row).filter(([name]) => name !== key)) as Omit<T, K>;
}

function sorted<T extends { id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe('importing', () => {
  it('stores notices, entries, the feed row and its lookup part', async () => {
    const summary = await importNoticeFeed(db, example, { feedKey: EXAMPLE_KEY, now: 1000 });
    expect(summary).toEqual({
      feedKey: EXAMPLE_KEY,
      noticeCount: 3,
      entryCount: 7,
      replacedEntries: 0,
      notes: [],
      example: true,
      // Four shops: one by id and name, one by name only, a seller, and the team list's shop.
      effect: { specialRuleBrands: ['gucci', 'michael_kors', 'tiffany'], shops: 4, items: 3 },
    });
    expect(await db.notices.count()).toBe(3);
    expect(await entryCount(db, EXAMPLE_KEY)).toBe(7);
    const row = await db.feeds.get(EXAMPLE_KEY);
    expect(row?.example).toBe(true);
    expect(row).toMatchObject({ id: 'example', format: 'json', encoding: 'utf-8', importedAt: 1000, noticeCount: 3, entryCount: 7, lastResult: { status: 'imported', at: 1000 } });
    // The full-width, spaced shop name is stored as written and indexed normalised.
    const fullWidth = await entriesWithKey(db, 'shop-name:example示例原单小铺');
    expect(fullWidth.map((e) => e.shopName)).toEqual(['ＥＸＡＭＰＬＥ 示例 原单小铺']);
    // Shops and sellers by id and by normalised name, items by id; sorted for binary search.
    expect(splitKeys((await db.lookups.get(EXAMPLE_KEY))!)).toEqual([
      'item:900000000001',
      'item:900000000002',
      'item:900000000003',
      'shop-id:900000001',
      'shop-id:900000002',
      'shop-id:900000003',
      'shop-name:example示例原单小铺',
      'shop-name:示例代购工作室(虚构)',
      'shop-name:示例卖家的店(虚构)',
      'shop-name:示例高仿皮具店(虚构)',
    ]);
  });

  it('replaces a feed imported again, without duplicates, and leaves other feeds alone', async () => {
    await importNoticeFile(db, fixtureBytes('example-feed.json'), { name: 'example-feed.json', now: 1 });
    await importNoticeFile(db, fixtureBytes('example-feed.csv'), { name: 'example-feed.csv', now: 1 });
    const again = await importNoticeFile(db, fixtureBytes('example-feed.json'), { name: 'example-feed.json', now: 2 });
    expect(again.replacedEntries).toBe(7);
    expect(await entryCount(db, EXAMPLE_KEY)).toBe(7);
    expect(await entryCount(db)).toBe(14);
    expect(await db.lookups.count()).toBe(2);

    const smaller = { ...example, notices: example.notices.slice(1) };
    await importNoticeFeed(db, smaller, { feedKey: EXAMPLE_KEY, now: 3 });
    expect(await db.notices.where('feedKey').equals(EXAMPLE_KEY).count()).toBe(2);
    expect(await entryCount(db, EXAMPLE_KEY)).toBe(2);
    expect(await entryCount(db, fileFeedKey('example-feed'))).toBe(7);
    const index = await NoticeIndex.fromDatabase(db);
    expect(named(index.hitsFor(namedShop))).toEqual(['shop:example-2016-001']); // from the CSV feed only
  });

  it('reports progress in chunks up to the total', async () => {
    const events: ImportProgress[] = [];
    await importNoticeFeed(db, generatedFeed('big', 12_000, 910_000_000), { feedKey: 'file:big', now: 1, chunkSize: 5000, onProgress: (p) => events.push(p) });
    expect(events).toEqual([0, 5000, 10_000, 12_000].map((done) => ({ done, total: 12_000 })));
  });

  it('removes a feed and everything it brought', async () => {
    await importNoticeFeed(db, example, { feedKey: EXAMPLE_KEY, now: 1 });
    await importNoticeFeed(db, generatedFeed('other', 10, 910_000_000), { feedKey: 'file:other', now: 1 });
    await removeNoticeFeed(db, EXAMPLE_KEY);
    const left = await dump(db);
    expect(left.feeds).toEqual([expect.objectContaining({ key: 'file:other' })]);
    expect(await entryCount(db)).toBe(10);
    expect(left.entryBlocks).toEqual([expect.objectContaining({ feedKey: 'file:other', block: 0 })]);
    expect(left.notices).toHaveLength(1);
    expect(left.lookups).toEqual([expect.objectContaining({ feedKey: 'file:other' })]);
  });
});

describe('an import that stops halfway', () => {
  beforeEach(async () => {
    await importNoticeFeed(db, example, { feedKey: EXAMPLE_KEY, now: 1 });
  });

  it('when cancelled after its first chunk, leaves the old data', async () => {
    const before = await dump(db);
    const controller = new AbortController();
    const replacement = generatedFeed('example', 5000, 920_000_000);
    const result = importNoticeFeed(db, replacement, {
      feedKey: EXAMPLE_KEY,
      now: 2,
      chunkSize: 1000,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 2000) controller.abort();
      },
    });
    await expect(result).rejects.toThrow(/abort/i);
    expect(await dump(db)).toEqual(before);
  });

  it('when something throws mid-import, leaves the old data', async () => {
    const before = await dump(db);
    const result = importNoticeFeed(db, generatedFeed('example', 5000, 920_000_000), {
      feedKey: EXAMPLE_KEY,
      now: 2,
      chunkSize: 1000,
      onProgress: ({ done }) => {
        if (done === 3000) throw new Error('worker stopped');
      },
    });
    await expect(result).rejects.toThrow('worker stopped');
    expect(await dump(db)).toEqual(before);
    expect(named((await NoticeIndex.fromDatabase(db)).hitsFor(namedShop))).toEqual(['shop:example-2016-001']);
  });
});

describe('lookups while an import runs', () => {
  /** The old feed names shop 900000001; the new one replaces it with 8,000 shops from 930000000. */
  const oldShop = namedShop;
  const newShop = listing('700000000003', { id: '930000004', name: '某店' });
  const version = (hits: readonly NoticeHit[][]): string => {
    const [oldHits, newHits] = hits.map(named);
    if (oldHits!.length > 0 && newHits!.length === 0) return 'old';
    if (oldHits!.length === 0 && newHits!.length > 0) return 'new';
    return `mix: ${JSON.stringify([oldHits, newHits])}`;
  };

  it('see the old data or the new, never a mix: database reads, index rebuilds and the live index', async () => {
    await importNoticeFeed(db, example, { feedKey: EXAMPLE_KEY, now: 1 });
    const live = new LiveNoticeIndex();
    await live.reload(db);
    const listings = [oldShop, newShop];

    const fromDatabase: Promise<string>[] = [];
    const fromRebuilt: Promise<string>[] = [];
    const fromLive: string[] = [];
    const startedBefore = findNoticeHits(db, listings).then(version);
    const importing = importNoticeFeed(db, generatedFeed('example', 8000, 930_000_000), {
      feedKey: EXAMPLE_KEY,
      now: 2,
      chunkSize: 1000,
      onProgress: ({ done, total }) => {
        if (done === 0 || done === total) return;
        fromDatabase.push(findNoticeHits(db, listings).then(version));
        fromRebuilt.push(NoticeIndex.fromDatabase(db).then((index) => version(listings.map((l) => [...index.hitsFor(l)]))));
        fromLive.push(version(listings.map((l) => [...live.hitsFor(l)])));
      },
    });
    await importing;
    expect(fromDatabase.length).toBe(7);
    expect(await startedBefore).toBe('old');
    // Readers that start during the import wait for it (IndexedDB orders overlapping transactions).
    expect(await Promise.all(fromDatabase)).toEqual(Array(7).fill('new'));
    expect(await Promise.all(fromRebuilt)).toEqual(Array(7).fill('new'));
    // The live index keeps answering from the old index until it is swapped after the commit.
    expect(fromLive).toEqual(Array(7).fill('old'));
    await live.reload(db);
    expect(version(listings.map((l) => [...live.hitsFor(l)]))).toBe('new');
  });

  it('the live index drops a reload that something newer overtook', async () => {
    await importNoticeFeed(db, example, { feedKey: EXAMPLE_KEY, now: 1 });
    const live = new LiveNoticeIndex();
    const newer = NoticeIndex.fromFeed(generatedFeed('newer', 10, 940_000_000));
    const reloading = live.reload(db); // reads the example feed
    live.replace(newer); // swapped in while that read is in flight
    expect(await reloading).toBe(newer);
    expect(live.current).toBe(newer);
    expect((await live.reload(db)).noticeCount).toBe(3);
  });
});

describe('entry blocks', () => {
  it('hold up to 500 entries each, numbered in feed order, each with its keys once', async () => {
    await importNoticeFeed(db, generatedFeed('big', 1_200, 910_000_000), { feedKey: 'file:big', now: 1 });
    const blocks = await db.entryBlocks.toArray();
    expect(blocks.map((b) => [b.block, b.entries.length])).toEqual([[0, 500], [1, 500], [2, 200]]);
    expect(blocks[2]!.keys).toEqual([...new Set(blocks[2]!.entries.flatMap((e) => e.keys))]);
    expect((await entriesWithKey(db, 'shop-id:910001100')).map((e) => e.shopName)).toEqual(['示例生成店1100']);
  });
});
