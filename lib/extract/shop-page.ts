/**
 * Shop pages: the shop's own item grid. Every listing on it shares the shop, read once from the page
 * header, the `microscope-data` meta tag (which carries the numeric shopId), or the host.
 */
import { isItemId, parseItemId } from '../page/item-id';
import { platformOfHost } from '../page/platform';
import { shopIdFromUrl } from '../page/shop-id';
import { cleanText, parsePrice, parseSales } from './field-text';
import { elementText, imageUrl, type FoundListing } from './found-listing';
import { makeListing, type ListingFields } from './make-listing';
import { queryAll, queryFirst } from './selector';
import { SHOP_GRID } from './selectors';

function shopOfPage(doc: Document, url: URL): Pick<ListingFields, 'shopName' | 'shopId' | 'platform'> {
  const microscope = doc.querySelector('meta[name="microscope-data"]')?.getAttribute('content') ?? '';
  return {
    shopName: cleanText(elementText(queryFirst(doc, SHOP_GRID.shopName))),
    shopId: shopIdFromUrl(url.href) ?? /(?:^|;)\s*shopId=(\d+)/.exec(microscope)?.[1] ?? null,
    platform: platformOfHost(url.hostname),
  };
}

export function extractShopPage(doc: Document, url: URL): FoundListing[] {
  const items = queryAll(doc, SHOP_GRID.item);
  if (items.length === 0) return [];
  const shop = shopOfPage(doc, url);
  const found = new Map<string, FoundListing>();
  for (const item of items) {
    const titleLink = queryFirst(item, SHOP_GRID.title);
    const dataId = item.getAttribute('data-id');
    const itemId = isItemId(dataId) ? dataId : parseItemId(titleLink?.getAttribute('href') ?? '');
    const title = cleanText(elementText(titleLink));
    if (!itemId || !title) continue;
    const seen = found.get(itemId);
    if (seen) {
      seen.elements.push(item);
      continue;
    }
    found.set(itemId, {
      listing: makeListing({
        ...shop,
        itemId,
        title,
        price: parsePrice(queryFirst(item, SHOP_GRID.price)?.textContent),
        sales: parseSales(queryFirst(item, SHOP_GRID.sales)?.textContent),
        location: null,
        image: imageUrl(queryFirst(item, SHOP_GRID.image)),
        isAd: false,
      }),
      elements: [item],
    });
  }
  return [...found.values()];
}
