/**
 * What a listing's photo says, for its details: the other shops whose listings show a near-identical
 * photo, which of those shops are flagged, reported or named in notices, and whether the photo is one
 * of a brand's official product photos (from a rule pack). A shared photo cannot say who copied whom,
 * so these are supporting facts: the verdict may cite them, never rest on them alone.
 */
import { trustKeys } from '../activity/trust';
import type { Listing } from '../listing';
import type { PhotoHashes } from './photo-hash';
import type { PhotoIndex, PhotoRow } from './photo-index';
import { distanceToPhoto, isSamePhoto, type PhotoDistance } from './same-photo';

/** A brand's official product photo, as a rule pack may carry it. */
export interface OfficialPhoto {
  brand: string;
  hash: string;
}

/** What the caller knows about shops (from history, reports and notices), by shop key. */
export interface PhotoSignalContext {
  flaggedShops?: ReadonlySet<string>;
  reportedShops?: ReadonlySet<string>;
  namedShops?: ReadonlySet<string>;
  officialPhotos?: readonly OfficialPhoto[];
  /** Shop keys authorised to use a brand's official photos, by brand. */
  authorisedShops?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface SharedPhotoShop {
  shopKey: string;
  /** Their listings with the photo, nearest first. */
  listings: Pick<PhotoRow, 'itemId' | 'platform' | 'lastSeen'>[];
  distance: PhotoDistance;
  flagged: boolean;
  reported: boolean;
  named: boolean;
}

export interface PhotoSignals {
  /** Other shops using a near-identical photo, nearest first. */
  otherShops: SharedPhotoShop[];
  /** Of those shops, how many are flagged, reported, named in notices. */
  flaggedShops: number;
  reportedShops: number;
  namedShops: number;
  /** Listings with the photo whose shop the page did not show. */
  unknownShopListings: number;
  /** The brand whose official photo this is, and whether this shop may use it; null when none. */
  officialPhoto: { brand: string; authorisedShop: boolean } | null;
}

export function photoSignals(listing: Pick<Listing, 'itemId' | 'shop'>, hashes: PhotoHashes, index: PhotoIndex, context: PhotoSignalContext = {}): PhotoSignals {
  const ownShop = trustKeys(listing).shop;
  const shops = new Map<string, SharedPhotoShop>();
  let unknownShopListings = 0;
  for (const { row, distance } of index.lookup([hashes.hash, hashes.mirrored])) {
    if (row.itemId === listing.itemId && row.platform === listing.shop.platform) continue;
    if (row.shopKey === null) {
      unknownShopListings++;
      continue;
    }
    if (row.shopKey === ownShop) continue;
    let shop = shops.get(row.shopKey);
    if (!shop) {
      shop = {
        shopKey: row.shopKey,
        listings: [],
        distance,
        flagged: context.flaggedShops?.has(row.shopKey) ?? false,
        reported: context.reportedShops?.has(row.shopKey) ?? false,
        named: context.namedShops?.has(row.shopKey) ?? false,
      };
      shops.set(row.shopKey, shop);
    }
    shop.listings.push({ itemId: row.itemId, platform: row.platform, lastSeen: row.lastSeen });
  }
  const otherShops = [...shops.values()];
  const official = context.officialPhotos?.find((photo) => isSamePhoto(distanceToPhoto(hashes, photo.hash)));
  return {
    otherShops,
    flaggedShops: otherShops.filter((s) => s.flagged).length,
    reportedShops: otherShops.filter((s) => s.reported).length,
    namedShops: otherShops.filter((s) => s.named).length,
    unknownShopListings,
    officialPhoto: official ? { brand: official.brand, authorisedShop: ownShop !== null && (context.authorisedShops?.get(official.brand)?.has(ownShop) ?? false) } : null,
  };
}
