/**
 * Shop pages: the shop's own item grid (classic) or product shelf (2026). Every listing on it shares
 * the shop, read once from the page header, the `microscope-data` meta tag (which carries the numeric
 * shopId), the inline `g_config`, or the host.
 */
import { isItemId, parseItemId } from '../page/item-id';
import { platformOfHost } from '../page/platform';
import { shopIdFromUrl } from '../page/shop-id';
import { cleanText, parsePrice, parseSales } from './field-text';
import { elementText, imageUrl, type FoundListing } from './found-listing';
import { readScriptProperty } from './inline-script';
import { makeListing, type ListingFields } from './make-listing';
import { queryAll, queryFirst } from './selector';
import { SHOP_GRID, SHOP_SHELF } from './selectors';

function shopOfPage(doc: Document, url: URL): Pick<ListingFields, 'shopName' | 'shopId' | 'platform'> {
  const microscope = doc.querySelector('meta[name="microscope-data"]')?.getAttribute('content') ?? '';
  const configShopId = readScriptProperty(doc, 'g_config', 'shopId');
  return {
    shopName: cleanText(elementText(queryFirst(doc, SHOP_GRID.shopName))) ?? cleanText(readScriptProperty(doc, 'g_config', 'shopName')),
    shopId: shopIdFromUrl(url.href) ?? /(?:^|;)\s*shopId=(\d+)/.exec(microscope)?.[1] ?? (configShopId && /^\d+$/.test(configShopId) ? configShopId : null),
    platform: platformOfHost(url.hostname),
  };
}

/** The 2026 shelf: item cards inside `shopProductShelfArea--`, never the recommendations beside it. */
function shelfListings(doc: Document, url: URL): FoundListing[] {
  const shop = shopOfPage(doc, url);
  const found = new Map<string, FoundListing>();
  for (const shelf of queryAll(doc, SHOP_SHELF.shelf)) {
    for (const card of queryAll(shelf, SHOP_SHELF.card)) {
      const itemId = parseItemId(card.getAttribute('href') ?? '');
      const title = cleanText(elementText(queryFirst(card, SHOP_SHELF.title)));
      if (!itemId || !title) continue;
      const seen = found.get(itemId);
      if (seen) {
        seen.elements.push(card);
        continue;
      }
      found.set(itemId, {
        listing: makeListing({
          ...shop,
          itemId,
          title,
          price: parsePrice(queryFirst(card, SHOP_SHELF.price)?.textContent),
          sales: null,
          location: null,
          image: imageUrl(queryFirst(card, SHOP_SHELF.image)),
          isAd: false,
        }),
        elements: [card],
      });
    }
  }
  return [...found.values()];
}

export function extractShopPage(doc: Document, url: URL): FoundListing[] {
  const items = queryAll(doc, SHOP_GRID.item);
  if (items.length === 0) return shelfListings(doc, url);
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
