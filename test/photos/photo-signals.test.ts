import { describe, expect, it } from 'vitest';
import type { Listing } from '../../lib/listing';
import { bitsToHex } from '../../lib/photos/hash-words';
import { PhotoIndex, type PhotoRow } from '../../lib/photos/photo-index';
import { photoSignals } from '../../lib/photos/photo-signals';
import { seededRandom } from './synthetic-photos';

// 320-bit hashes as the extension makes them (64 + 256 bits); unrelated random hashes lie about half their bits apart.
const random = seededRandom(12);
const randomWords = () => Uint32Array.from({ length: 10 }, () => Math.floor(random() * 2 ** 32));
const hashWords = randomWords();
const HASH = bitsToHex(hashWords);
const NEAR = bitsToHex(hashWords.map((word, i) => (i < 2 ? word ^ 1 : word))); // 2 bits off
const MIRRORED = bitsToHex(randomWords());
const FAR = bitsToHex(randomWords());

const listing = (itemId: string, shopId: string | null): Pick<Listing, 'itemId' | 'shop'> => ({ itemId, shop: { id: shopId, name: null, platform: 'taobao', tier: 'store' } });
const row = (itemId: string, hash: string, shopKey: string | null, lastSeen = 1): PhotoRow => ({ hash, itemId, shopKey, platform: 'taobao', firstSeen: lastSeen, lastSeen });

describe('photo signals', () => {
  const index = PhotoIndex.fromRows([
    row('100', HASH, 'shop-id:1'), // the listing itself
    row('101', HASH, 'shop-id:1'), // same shop, another listing
    row('200', NEAR, 'shop-id:2', 5),
    row('201', HASH, 'shop-id:2', 4),
    row('300', MIRRORED, 'shop-id:3'), // a mirror-image copy
    row('400', HASH, null),
    row('500', FAR, 'shop-id:5'),
  ]);

  it('counts the other shops with the photo (or its mirror image), not the listing or its own shop', () => {
    const signals = photoSignals(listing('100', '1'), { hash: HASH, mirrored: MIRRORED }, index, {
      flaggedShops: new Set(['shop-id:2']),
      reportedShops: new Set(['shop-id:3']),
      namedShops: new Set(['shop-id:2', 'shop-id:5']),
    });
    expect(signals.otherShops.map((s) => s.shopKey)).toEqual(['shop-id:2', 'shop-id:3']);
    expect(signals.otherShops[0]).toMatchObject({ distance: { coarse: 0, fine: 0 }, flagged: true, reported: false, named: true });
    expect(signals.otherShops[0]!.listings.map((l) => l.itemId)).toEqual(['201', '200']);
    expect([signals.flaggedShops, signals.reportedShops, signals.namedShops, signals.unknownShopListings]).toEqual([1, 1, 1, 1]);
    expect(signals.officialPhoto).toBeNull();
  });

  it("says when the photo is a brand's official one, and whether this shop may use it", () => {
    const officialPhotos = [{ brand: 'gucci', hash: NEAR }];
    const unauthorised = photoSignals(listing('100', '1'), { hash: HASH, mirrored: MIRRORED }, index, { officialPhotos });
    expect(unauthorised.officialPhoto).toEqual({ brand: 'gucci', authorisedShop: false });
    const authorised = photoSignals(listing('100', '1'), { hash: HASH, mirrored: MIRRORED }, index, { officialPhotos, authorisedShops: new Map([['gucci', new Set(['shop-id:1'])]]) });
    expect(authorised.officialPhoto).toEqual({ brand: 'gucci', authorisedShop: true });
  });

  it('finds nothing for a photo no other shop uses', () => {
    const signals = photoSignals(listing('500', '5'), { hash: FAR, mirrored: FAR }, index);
    expect(signals.otherShops).toEqual([]);
    expect(signals.unknownShopListings).toBe(0);
  });
});
