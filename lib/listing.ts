/**
 * The Listing contract: what the extractors produce and every later stage (rules, notices, badges,
 * reports, the CLI) consumes. Field names and value sets are part of the public JSON format.
 */

export type Platform = 'taobao' | 'tmall' | 'tmall-global';

/** Read from the shop name: 官方旗舰店 > 旗舰店 > 专卖店/专营店 > any other shop. */
export type ShopTier = 'official-flagship' | 'flagship' | 'franchise' | 'store';

export interface Price {
  min: number;
  max: number;
  currency: 'CNY';
}

export interface Shop {
  name: string | null;
  id: string | null;
  platform: Platform;
  /** null when the shop name is unknown. */
  tier: ShopTier | null;
}

export interface Listing {
  itemId: string;
  /** Rebuilt from itemId and platform, never copied from the page. */
  url: string;
  title: string;
  price: Price | null;
  shop: Shop;
  /** As the page words it ("1万+", "82人付款" → "82"), so nothing is lost to a guess. */
  sales: string | null;
  location: string | null;
  image: string | null;
  isAd: boolean;
}
