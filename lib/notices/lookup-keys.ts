/**
 * The keys a notice entry is found by and a listing is looked up with. Shaped like the trust keys
 * ("item:…", "shop-id:…", "shop-name:…") and normalised by the same function, so a shop the user
 * trusts and a shop a notice names are compared the same way.
 */
import { normaliseShopName } from '../activity/trust';
import type { NoticeEntry } from './notice-feed';

export { normaliseShopName };

export const itemKey = (itemId: string): string => `item:${itemId}`;
export const shopIdKey = (shopId: string): string => `shop-id:${shopId}`;
export const shopNameKey = (normalisedName: string): string => `shop-name:${normalisedName}`;

/** What a key names: an item key finds item entries, a shop key shop and seller entries. */
export const keyMatch = (key: string): 'item' | 'shop' => (key.startsWith('item:') ? 'item' : 'shop');

/**
 * An item entry is found by its item id only: naming one listing does not name its whole shop.
 * A shop or seller entry is found by its shop id and by its normalised name.
 */
export function entryLookupKeys(entry: Pick<NoticeEntry, 'kind' | 'itemId' | 'shopId'> & { shopNameKey: string | null }): string[] {
  if (entry.kind === 'item') return entry.itemId ? [itemKey(entry.itemId)] : [];
  const keys: string[] = [];
  if (entry.shopId) keys.push(shopIdKey(entry.shopId));
  if (entry.shopNameKey) keys.push(shopNameKey(entry.shopNameKey));
  return keys;
}

/** Enough of a listing to look it up: a full Listing, or the CLI's looser shape. */
export interface LookupListing {
  itemId?: string | null;
  shop?: { id?: string | null; name?: string | null } | null;
}

export function listingLookupKeys(listing: LookupListing): string[] {
  const keys: string[] = [];
  if (listing.itemId) keys.push(itemKey(listing.itemId));
  const shop = listing.shop;
  if (shop?.id) keys.push(shopIdKey(shop.id));
  const name = shop?.name ? normaliseShopName(shop.name) : '';
  if (name) keys.push(shopNameKey(name));
  return keys;
}

/** normaliseShopName, or null for a name that normalises to nothing (only spaces). */
export function normalisedShopNameOrNull(name: string | null): string | null {
  return name ? normaliseShopName(name) || null : null;
}
