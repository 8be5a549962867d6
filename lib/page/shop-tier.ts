import type { ShopTier } from '../listing';

/**
 * Flagship status has no badge in the DOM: Tmall encodes it in the shop name. Order matters —
 * 官方旗舰店 also contains 旗舰店.
 */
export function shopTier(shopName: string | null): ShopTier | null {
  if (!shopName) return null;
  if (shopName.includes('官方旗舰店')) return 'official-flagship';
  if (shopName.includes('旗舰店')) return 'flagship';
  if (shopName.includes('专卖店') || shopName.includes('专营店')) return 'franchise';
  return 'store';
}
