/**
 * What a feed would do to verdicts, as the options page tells it after an import: the brands it puts
 * under special rules, and how many distinct shops and items it names. (How many listings in the
 * history change their verdict needs the rules and the history; the background counts that.)
 */
import type { NoticeFeed } from './notice-feed';
import { normaliseShopName } from './lookup-keys';

export interface FeedEffect {
  /** Brand ids, in the order the feed first names them. */
  specialRuleBrands: string[];
  shops: number;
  items: number;
}

export function feedEffect(feed: NoticeFeed): FeedEffect {
  const brands = new Set<string>();
  const shops = new Set<string>();
  const items = new Set<string>();
  for (const notice of feed.notices) {
    for (const brand of notice.brands) brands.add(brand);
    for (const entry of notice.entries) {
      if (entry.kind === 'item') {
        if (entry.itemId) items.add(entry.itemId);
        continue;
      }
      // A shop named by id and by name in two entries may be one shop; counted by its id when it has one.
      const key = entry.shopId ? `id:${entry.shopId}` : entry.shopName ? `name:${normaliseShopName(entry.shopName)}` : null;
      if (key) shops.add(key);
    }
  }
  return { specialRuleBrands: [...brands], shops: shops.size, items: items.size };
}
