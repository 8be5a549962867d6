/**
 * "Not counterfeit — trust this shop / item": remembered per item id, or per shop (its numeric id
 * when the page shows one, else its normalised name), and undone from the popup.
 */
import type { Listing } from '../listing';
import type { ActivityDatabase, TrustKind, TrustRecord } from './activity-db';

/** NFKC, lower case, no spaces: "ＧＵＣＣＩ 古驰 官方旗舰店" and "gucci古驰官方旗舰店" are one shop. */
export function normaliseShopName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The trust keys a listing answers to, item first. */
export function trustKeys(listing: Pick<Listing, 'itemId' | 'shop'>): { item: string; shop: string | null } {
  const { id, name } = listing.shop;
  const shop = id ? `shop-id:${id}` : name ? `shop-name:${normaliseShopName(name)}` : null;
  return { item: `item:${listing.itemId}`, shop };
}

export async function trust(db: ActivityDatabase, kind: TrustKind, listing: Listing, now: number): Promise<TrustRecord> {
  const keys = trustKeys(listing);
  const key = kind === 'item' ? keys.item : keys.shop;
  if (!key) throw new Error('this listing shows no shop to trust');
  const record: TrustRecord = { kind, key, label: kind === 'item' ? listing.title : (listing.shop.name ?? key), createdAt: now };
  await db.trusted.put(record);
  return record;
}

export async function untrust(db: ActivityDatabase, key: string): Promise<void> {
  await db.trusted.delete(key);
}

/** Whether the trusted keys cover this listing, by its item or by its shop. */
export function isTrusted(listing: Pick<Listing, 'itemId' | 'shop'>, trustedKeys: ReadonlySet<string>): boolean {
  const keys = trustKeys(listing);
  return trustedKeys.has(keys.item) || (keys.shop !== null && trustedKeys.has(keys.shop));
}

/** Of these listings, the item ids the user trusts (by item or by shop), given the trusted keys. */
export function trustedAmong(listings: readonly Pick<Listing, 'itemId' | 'shop'>[], trustedKeys: ReadonlySet<string>): string[] {
  return listings.filter((listing) => isTrusted(listing, trustedKeys)).map((listing) => listing.itemId);
}
