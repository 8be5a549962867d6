import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityDatabase } from '../../lib/activity/activity-db';
import { recordSightings, type Sighting } from '../../lib/activity/history';
import { complaintText, createReport, evidenceText } from '../../lib/activity/reports';
import { trust, trustedAmong, trustKeys, untrust } from '../../lib/activity/trust';
import { ActivityMarks } from '../../lib/background/activity-marks';
import type { Listing } from '../../lib/listing';
import type { Risk, Verdict } from '../../lib/verdict';

let db: ActivityDatabase;

/** Of these listings, the ones the stored trust covers. */
async function trustedItemIds(listings: readonly Listing[]): Promise<Set<string>> {
  return new Set(trustedAmong(listings, new Set((await db.trusted.toCollection().primaryKeys()).map(String))));
}
beforeEach(() => {
  // A fresh IndexedDB per test: no state leaks between them.
  db = new ActivityDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

function listing(n: number, shop: Partial<Listing['shop']> = {}): Listing {
  const itemId = String(700000000000 + n);
  return {
    itemId,
    url: `https://item.taobao.com/item.htm?id=${itemId}`,
    title: `古驰 原单 女包 ${n}`,
    price: { min: 299, max: 299, currency: 'CNY' },
    shop: { name: '莆田精品店', id: null, platform: 'taobao', tier: 'store', ...shop },
    sales: null,
    location: null,
    image: null,
    isAd: false,
  };
}

function sighting(n: number, risk: Risk): Sighting {
  const verdict: Verdict = {
    itemId: listing(n).itemId,
    risk,
    brand: 'gucci',
    score: risk === 'high' ? 100 : 35,
    reasons: [{ code: 'counterfeit-term', text: { en: 'Counterfeit slang: 原单', zh_CN: '假货用语：原单' }, noticeId: risk === 'high' ? 'ex-1' : undefined }],
  };
  return { listing: listing(n), verdict, pageUrl: 'https://s.taobao.com/search?q=gucci' };
}

describe('history', () => {
  it('records only medium and high listings, once per item, counting sightings', async () => {
    expect(await recordSightings(db, [sighting(1, 'high'), sighting(2, 'low'), sighting(3, 'none'), sighting(4, 'medium')], 1000)).toBe(2);
    await recordSightings(db, [sighting(1, 'high')], 2000);
    const first = await db.history.get('700000000001');
    expect(first).toMatchObject({ firstSeen: 1000, lastSeen: 2000, timesSeen: 2, risk: 'high', brand: 'gucci' });
    expect(await db.history.count()).toBe(2);
  });

  it('drops the oldest-seen records past the limit', async () => {
    for (let n = 0; n < 6; n++) await recordSightings(db, [sighting(n, 'high')], 1000 + n, 4);
    expect((await db.history.orderBy('lastSeen').primaryKeys()).map(String)).toEqual(['700000000002', '700000000003', '700000000004', '700000000005']);
  });
});

describe('trust', () => {
  it('trusts by shop id when the page shows one, else by normalised name', () => {
    expect(trustKeys(listing(1, { id: '123456' })).shop).toBe('shop-id:123456');
    expect(trustKeys(listing(1, { name: 'ＧＵＣＣＩ 古驰 小店' })).shop).toBe('shop-name:gucci古驰小店');
    expect(trustKeys(listing(1, { name: null })).shop).toBeNull();
  });

  it('covers every listing of a trusted shop, and can be undone', async () => {
    const record = await trust(db, 'shop', listing(1), 1000);
    expect(await trustedItemIds([listing(1), listing(2), listing(3, { name: '别的店' })])).toEqual(new Set(['700000000001', '700000000002']));
    await untrust(db, record.key);
    expect(await trustedItemIds([listing(1)])).toEqual(new Set());
  });

  it('trusts a single item', async () => {
    await trust(db, 'item', listing(5), 1000);
    expect(await trustedItemIds([listing(5), listing(6)])).toEqual(new Set(['700000000005']));
  });
});

describe('reports', () => {
  it('stores the evidence with a SHA-256 that matches it', async () => {
    const { listing: l, verdict, pageUrl } = sighting(1, 'high');
    const report = await createReport(db, { listing: l, verdict, pageUrl, cardMarkup: '<a id="item_id_700000000001">…</a>', screenshot: null, screenshotNote: null }, 1234);
    expect(report).toMatchObject({ id: 1, status: 'draft', noticeIds: ['ex-1'], screenshot: null, screenshotNote: 'no screenshot was taken' });
    const expected = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(evidenceText(report)));
    expect(report.evidenceSha256).toBe(Buffer.from(expected).toString('hex'));
    expect((await new ActivityMarks(db).of([l, sighting(2, 'high').listing])).reported).toEqual(['700000000001']);
  });

  it('words the complaint with the listing URL and the reasons', () => {
    const s = sighting(1, 'high');
    expect(complaintText(s, 'en')).toBe('https://item.taobao.com/item.htm?id=700000000001\n古驰 原单 女包 1\n- Counterfeit slang: 原单');
  });
});
