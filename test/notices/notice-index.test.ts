import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findNoticeHits } from '../../lib/notices/find-notice-hits';
import { importNoticeFeed } from '../../lib/notices/import-feed';
import { listingLookupKeys } from '../../lib/notices/lookup-keys';
import { fileFeedKey, type NoticeDatabase } from '../../lib/notices/notice-db';
import { NoticeIndex } from '../../lib/notices/notice-index';
import { parseNoticeFile } from '../../lib/notices/parse-notice-file';
import type { NoticeHit } from '../../lib/verdict';
import { fixtureBytes, freshDatabase, generatedFeed, listing } from './notice-fixtures';

const example = parseNoticeFile(fixtureBytes('example-feed.json'), { name: 'example-feed.json' });
const index = NoticeIndex.fromFeed(example);
const namedOnly = (hits: readonly NoticeHit[]): NoticeHit[] => hits.filter((h) => h.match !== 'brand');

const NOTICE_1 = {
  noticeId: 'example-2016-001',
  noticeTitle: 'EXAMPLE: luxury-brand listing rectification (fictional) / 示例：奢侈品牌商品整治（虚构）',
  publisher: 'Example Marketplace (fictional)',
  published: '2016-05-20',
  url: 'https://example.com/counterfeit-radar/notices/example-2016-001',
};

describe('NoticeIndex.hitsFor', () => {
  it('finds an item by its id, with the notice, action and date', () => {
    expect(namedOnly(index.hitsFor(listing('900000000001')))).toEqual([{ match: 'item', ...NOTICE_1, action: 'removed', date: '2016-06-10' }]);
  });

  it('finds a shop by its id whatever name the page shows, and by its name when the page shows no id', () => {
    const byId = namedOnly(index.hitsFor(listing('700000000001', { id: '900000001', name: '另一个名字' })));
    expect(byId).toEqual([{ match: 'shop', ...NOTICE_1, action: 'closed', date: '2016-06-10' }]);
    const byName = namedOnly(index.hitsFor(listing('700000000001', { id: null, name: '示例高仿皮具店（虚构）' })));
    expect(byName).toEqual(byId);
    // Found by id and by name: still one hit.
    expect(namedOnly(index.hitsFor(listing('700000000001', { id: '900000001', name: '示例高仿皮具店（虚构）' })))).toEqual(byId);
  });

  it('compares shop names normalised: full-width, case and spaces do not matter', () => {
    for (const name of ['ＥＸＡＭＰＬＥ 示例 原单小铺', 'example示例原单小铺', 'Example 示例原单 小铺', 'EXAMPLE\u3000示例原单小铺']) {
      expect(namedOnly(index.hitsFor(listing('700000000001', { name }))).map((h) => `${h.match}:${h.action}`)).toEqual(['shop:warned']);
    }
    expect(namedOnly(index.hitsFor(listing('700000000001', { name: 'example示例原单小铺二店' })))).toEqual([]);
  });

  it('finds a seller through the shop it runs, as a shop hit', () => {
    expect(namedOnly(index.hitsFor(listing('700000000001', { id: '900000002' })))).toEqual([{ match: 'shop', ...NOTICE_1, action: 'rectify', date: null }]);
  });

  it('does not take an item entry to name its shop', () => {
    const shopOfNamedItem = listing('700000000009', { id: null, name: '某某皮具店' });
    expect(namedOnly(index.hitsFor(shopOfNamedItem))).toEqual([]);
  });

  it('gives every listing the brand hits, one per notice and brand, and the same array when nothing names it', () => {
    const plain = index.hitsFor(listing('700000000005'));
    expect(plain.map((h) => `${h.noticeId}:${h.brand}`)).toEqual(['example-2016-001:gucci', 'example-2016-001:michael_kors', 'example-2016-002:tiffany']);
    expect(plain[0]).toEqual({ match: 'brand', ...NOTICE_1, brand: 'gucci' });
    expect(index.hitsFor(listing('700000000006'))).toBe(plain);
    expect(Object.isFrozen(plain)).toBe(true);
    expect([...index.brands].sort()).toEqual(['gucci', 'michael_kors', 'tiffany']);
    expect(index.hitsFor(listing('900000000003'))).toHaveLength(4);
  });

  it('takes the CLI listing shape: no item id, no shop', () => {
    expect(index.hitsFor({})).toHaveLength(3);
    expect(index.hitsFor({ shop: { name: '   ' } })).toHaveLength(3);
    expect(listingLookupKeys({ itemId: null, shop: null })).toEqual([]);
  });

  it('has nothing when empty', () => {
    expect(NoticeIndex.EMPTY.hitsFor(listing('900000000001'))).toEqual([]);
    expect(NoticeIndex.fromParts([])).toBe(NoticeIndex.EMPTY);
  });
});

describe('the in-memory index and the database agree', () => {
  let db: NoticeDatabase;
  beforeEach(() => {
    db = freshDatabase();
  });
  afterEach(() => db.close());

  it('for a page of listings across two feeds, one naming the same shop as the other', async () => {
    const csv = parseNoticeFile(fixtureBytes('example-feed.csv'), { name: 'example-feed.csv' });
    const generated = generatedFeed('generated', 3000, 900_000_000);
    await importNoticeFeed(db, example, { feedKey: fileFeedKey('example'), now: 1 });
    await importNoticeFeed(db, csv, { feedKey: fileFeedKey('example-feed'), now: 1 });
    await importNoticeFeed(db, generated, { feedKey: fileFeedKey('generated'), now: 1 });
    const page = [
      listing('900000000001'),
      listing('700000000001', { id: '900000001' }), // in both example feeds and the generated one
      listing('700000000002', { name: '示例生成店2999' }),
      listing('700000000003', { name: 'ＥＸＡＭＰＬＥ示例原单小铺' }),
      listing('700000000004'),
    ];
    const fromDb = await findNoticeHits(db, page);
    const fromMemory = await NoticeIndex.fromDatabase(db);
    const key = (h: NoticeHit): string => JSON.stringify(h);
    page.forEach((l, i) => {
      expect([...fromMemory.hitsFor(l)].map(key).sort()).toEqual(fromDb[i]!.map(key).sort());
    });
    expect(namedOnly(fromMemory.hitsFor(page[1]!)).map((h) => h.noticeId)).toEqual(['example-2016-001', 'example-2016-001', 'generated-0']);
    expect(fromMemory).toMatchObject({ feedCount: 3, noticeCount: 9, entryCount: 3014 });
  });
});
