/** Reused photos in the background: the photos table (activity database version 3), the store, and the service. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVITY_DB_NAME, ActivityDatabase } from '../../lib/activity/activity-db';
import { clearActivity } from '../../lib/background/activity-changes';
import { PhotoService } from '../../lib/background/photo-service';
import type { Listing } from '../../lib/listing';
import type { PhotoHashes } from '../../lib/photos/photo-hash';
import type { PhotoRow } from '../../lib/photos/photo-index';
import { PhotoQueue } from '../../lib/photos/photo-queue';
import { PhotoStore } from '../../lib/photos/photo-store';
import type { NoticeHit } from '../../lib/verdict';
import { listing as baseListing } from '../notices/notice-fixtures';

// Two unrelated 320-bit hashes (80 hex digits): about half their bits differ.
const BAG = 'a5'.repeat(40);
const BAG_MIRRORED = '3c'.repeat(40);
const WATCH = '0f'.repeat(40);

const listing = (itemId: string, shopId: string, image: string | null): Listing => ({ ...baseListing(itemId, { id: shopId, name: `店${shopId}` }), image });
const cdn = (name: string) => `https://img.alicdn.com/imgextra/${name}.jpg`;

let db: ActivityDatabase;
beforeEach(async () => {
  await Dexie.delete(ACTIVITY_DB_NAME);
  db = new ActivityDatabase();
});
afterEach(() => db.close());

function service(images: Record<string, PhotoHashes | Error>, notices: (shopId: string | null | undefined) => NoticeHit[] = () => []) {
  const downloads: string[] = [];
  const store = new PhotoStore(db);
  const queue = new PhotoQueue(
    {
      hashImage: async (url) => {
        downloads.push(url);
        const answer = images[url];
        if (!answer) throw new Error('404');
        if (answer instanceof Error) throw answer;
        return answer;
      },
      now: () => 1000,
      wait: async () => undefined,
    },
    { maxInFlight: 4, minIntervalMs: 0, maxQueued: 100, maxRemembered: 100, freshMs: 60_000 },
  );
  let clock = 1000;
  const photos = new PhotoService({ store, queue, activity: db, noticeHits: (l) => notices(l.shop?.id), now: () => clock++, wait: async () => undefined });
  return { photos, store, downloads };
}

const shopNotice: NoticeHit = { match: 'shop', noticeId: 'n1', noticeTitle: '通报', publisher: '市场监管', published: null, url: null, action: 'closed' };

describe('activity database version 3', () => {
  it('adds the photos table and keeps every version-2 table as it was', async () => {
    db.close();
    const v2 = new Dexie(ACTIVITY_DB_NAME);
    v2.version(2).stores({
      history: 'itemId, lastSeen, risk, brand, platform',
      reports: '++id, itemId, createdAt, status, brand, batchId',
      trusted: 'key, kind, createdAt',
      evidence: 'seq, reportId, kind, at',
      keys: 'id',
    });
    await v2.table('trusted').put({ kind: 'item', key: 'item:700000000001', label: 'a', createdAt: 5 });
    await v2.table('evidence').put({ seq: 1, reportId: 1, kind: 'report-created', at: 6 });
    v2.close();
    db = new ActivityDatabase();
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.trusted.toArray()).toEqual([{ kind: 'item', key: 'item:700000000001', label: 'a', createdAt: 5 }]);
    expect(await db.evidence.count()).toBe(1);
    expect(await db.photos.count()).toBe(0);
  });
});

describe('PhotoStore', () => {
  const row = (itemId: string, lastSeen: number, hash = BAG): PhotoRow => ({ hash, itemId, shopKey: 'shop-id:1', platform: 'taobao', firstSeen: lastSeen, lastSeen });

  it('keeps the table in step with its bounded index: the least recently seen row leaves both', async () => {
    const store = new PhotoStore(db, 2);
    await store.record(row('700000000001', 1));
    await store.record(row('700000000002', 2));
    await store.record(row('700000000003', 3));
    expect((await db.photos.toArray()).map((r) => r.itemId).sort()).toEqual(['700000000002', '700000000003']);
    const reloaded = new PhotoStore(db, 2);
    expect((await reloaded.index()).rows().map((r) => r.itemId)).toEqual(['700000000002', '700000000003']);
  });

  it('is emptied with the history (clearActivity) and reloads after forget()', async () => {
    const store = new PhotoStore(db);
    await store.record(row('700000000001', 1));
    await clearActivity(db, ['history']);
    store.forget();
    expect(await db.photos.count()).toBe(0);
    expect((await store.index()).size).toBe(0);
  });
});

describe('PhotoService', () => {
  it('hashes each assessed listing photo on the image CDN and counts the other shops using it', async () => {
    const { photos, downloads } = service({ [cdn('a')]: { hash: BAG, mirrored: BAG_MIRRORED }, [cdn('b')]: { hash: BAG, mirrored: BAG_MIRRORED }, [cdn('w')]: { hash: WATCH, mirrored: WATCH } }, (shopId) =>
      shopId === '3' ? [shopNotice] : [],
    );
    const mine = listing('700000000001', '1', `${cdn('a')}_220x220q75.jpg_.webp`);
    const flaggedShop = listing('700000000002', '2', cdn('b'));
    const namedShop = listing('700000000003', '3', cdn('a'));
    const other = listing('700000000004', '4', cdn('w'));
    const offCdn = listing('700000000005', '5', 'https://example.com/a.jpg');
    await db.history.put({ itemId: flaggedShop.itemId, listing: flaggedShop, verdict: { itemId: flaggedShop.itemId, risk: 'high', brand: 'gucci', score: 80, reasons: [] }, risk: 'high', brand: 'gucci', platform: 'taobao', pageUrl: 'https://s.taobao.com/search', firstSeen: 1, lastSeen: 1, timesSeen: 1 });
    await db.reports.add({ itemId: flaggedShop.itemId } as never);

    photos.note([mine, flaggedShop, namedShop, other, offCdn]);
    await photos.settled();
    // The thumbnail's full-size original, once per URL; nothing off the CDN.
    expect(downloads.sort()).toEqual([cdn('a'), cdn('b'), cdn('w')]);
    expect(await db.photos.count()).toBe(4);
    expect(await photos.summaryFor(mine)).toEqual({ otherShops: 2, flaggedShops: 1, reportedShops: 1, namedShops: 1 });
    expect(await photos.summaryFor(other)).toEqual({ otherShops: 0, flaggedShops: 0, reportedShops: 0, namedShops: 0 });
    expect(await photos.summaryFor(offCdn)).toBeNull();
  });

  it('finds a mirrored copy by the hash stored for the mirror image, after a restart too', async () => {
    const first = service({ [cdn('a')]: { hash: BAG, mirrored: BAG_MIRRORED }, [cdn('flipped')]: { hash: BAG_MIRRORED, mirrored: BAG } });
    first.photos.note([listing('700000000001', '1', cdn('a')), listing('700000000002', '2', cdn('flipped'))]);
    await first.photos.settled();
    const restarted = service({});
    expect((await restarted.photos.summaryFor(listing('700000000001', '1', cdn('a'))))?.otherShops).toBe(1);
  });

  it('records nothing for a failed download, and does not download a listing hashed recently again', async () => {
    const { photos, downloads } = service({ [cdn('a')]: { hash: BAG, mirrored: BAG_MIRRORED }, [cdn('broken')]: new Error('403') });
    const broken = listing('700000000001', '1', cdn('broken'));
    const fine = listing('700000000002', '2', cdn('a'));
    photos.note([broken, fine]);
    await photos.settled();
    expect(await photos.summaryFor(broken)).toBeNull();
    expect((await db.photos.toArray()).map((r) => r.itemId)).toEqual(['700000000002']);
    const again = service({ [cdn('a')]: { hash: BAG, mirrored: BAG_MIRRORED } });
    again.photos.note([fine]);
    await again.photos.settled();
    expect(again.downloads).toEqual([]);
    expect(downloads).toHaveLength(2);
  });
});
