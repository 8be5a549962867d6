/** Shared by the notice tests: fixture files, listings shaped like the extractors' and generated feeds. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Listing } from '../../lib/listing';
import { NoticeDatabase, storedEntries, type EntryRecord } from '../../lib/notices/notice-db';
import type { NoticeEntry, NoticeFeed } from '../../lib/notices/notice-feed';

export const FIXTURES = fileURLToPath(new URL('../fixtures/notices/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(`${FIXTURES}${name}`));
}

/** A fresh IndexedDB per call: no state leaks between tests. */
export function freshDatabase(factory = new IDBFactory()): NoticeDatabase {
  return new NoticeDatabase({ indexedDB: factory, IDBKeyRange });
}

export function listing(itemId: string, shop: Partial<Listing['shop']> = {}): Listing {
  return {
    itemId,
    url: `https://item.taobao.com/item.htm?id=${itemId}`,
    title: '古驰 女包 单肩包',
    price: { min: 299, max: 299, currency: 'CNY' },
    shop: { name: '某某皮具店', id: null, platform: 'taobao', tier: 'store', ...shop },
    sales: null,
    location: null,
    image: null,
    isAd: false,
  };
}

/** Everything the database holds, table by table, for "exactly as it was" comparisons. */
export async function dump(db: NoticeDatabase): Promise<Record<string, unknown[]>> {
  return db.transaction('r', [db.notices, db.entryBlocks, db.feeds, db.lookups], async () => ({
    notices: await db.notices.toArray(),
    entryBlocks: await db.entryBlocks.toArray(),
    feeds: await db.feeds.toArray(),
    lookups: await db.lookups.toArray(),
  }));
}

/** Entries stored for a feed (or all), counted across their blocks. */
export async function entryCount(db: NoticeDatabase, feedKey?: string): Promise<number> {
  return (await storedEntries(db, feedKey)).length;
}

/** Stored entries one lookup key finds, through the blocks' key index. */
export async function entriesWithKey(db: NoticeDatabase, key: string): Promise<EntryRecord[]> {
  const blocks = await db.entryBlocks.where('keys').equals(key).toArray();
  return blocks.flatMap((block) => block.entries.filter((entry) => entry.keys.includes(key)));
}

/**
 * A feed of `count` shop entries (one notice per 1,000), shop ids from `firstShopId` up, named
 * "<namePrefix>N". Fictional, like every notice in the tests.
 */
export function generatedFeed(id: string, count: number, firstShopId: number, namePrefix = '示例生成店'): NoticeFeed {
  const notices: NoticeFeed['notices'] = [];
  for (let start = 0; start < count; start += 1000) {
    const entries: NoticeEntry[] = [];
    for (let i = start; i < Math.min(start + 1000, count); i++) {
      entries.push({ kind: 'shop', itemId: null, shopId: String(firstShopId + i), shopName: `${namePrefix}${i}`, brand: 'gucci', action: 'closed', date: '2026-02-01' });
    }
    notices.push({
      id: `${id}-${start / 1000}`,
      title: `EXAMPLE generated notice ${start / 1000} (fictional)`,
      publisher: 'Example publisher (fictional)',
      published: '2026-02-01',
      effective: null,
      url: `https://example.com/notices/${id}-${start / 1000}`,
      brands: [],
      requirement: null,
      entries,
    });
  }
  return { id, title: null, homepage: null, description: null, example: false, format: 'json', encoding: 'utf-8', notes: [], notices };
}
