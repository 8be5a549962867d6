/**
 * Where "Buy from the official store" goes: built here from a rule pack's checked shop entry, never
 * copied from a page. A shop id is the shop's own address (shop<id>.taobao.com, which also opens a
 * Tmall store); a shop known only by name gets a Taobao shop search for that exact name.
 */
import type { OfficialShop } from '../verdict';

/** Shop ids are decimal digits; no Taobao id is longer than this. */
const SHOP_ID = /^[1-9]\d{0,19}$/;
/** Control, format and separator characters have no place in a shop name we search for. */
const UNSEARCHABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
export const MAX_SHOP_NAME = 100;
/** More would crowd the details panel; packs list one or two shops per brand. */
export const MAX_OFFICIAL_SHOPS = 3;

export const isShopId = (text: string): boolean => SHOP_ID.test(text);

/** The official store's address, or null when the entry holds neither a valid id nor a usable name. */
export function officialStoreUrl(shop: OfficialShop): string | null {
  if (shop.shopId !== null) return isShopId(shop.shopId) ? `https://shop${shop.shopId}.taobao.com/` : null;
  const name = shop.name.trim();
  if (name.length === 0 || name.length > MAX_SHOP_NAME || UNSEARCHABLE.test(name)) return null;
  const url = new URL('https://s.taobao.com/search');
  url.searchParams.set('tab', 'shop');
  url.searchParams.set('q', name);
  return url.href;
}
