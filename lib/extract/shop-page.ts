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

/** One product card of a shop page, its fields read only when it is the first card of its item. */
interface ShopCard {
  element: Element;
  itemId: string | null;
  title: string | null;
  fields: () => Pick<ListingFields, 'price' | 'sales' | 'image'>;
}

/** The shop's listings, one per item: a second card of the same item only adds its element. */
function shopListings(doc: Document, url: URL, cards: Iterable<ShopCard>): FoundListing[] {
  const shop = shopOfPage(doc, url);
  const found = new Map<string, FoundListing>();
  for (const { element, itemId, title, fields } of cards) {
    if (!itemId || !title) continue;
    const seen = found.get(itemId);
    if (seen) {
      seen.elements.push(element);
      continue;
    }
    found.set(itemId, { listing: makeListing({ ...shop, itemId, title, ...fields(), location: null, isAd: false }), elements: [element] });
  }
  return [...found.values()];
}

/** The 2026 shelf: item cards inside `shopProductShelfArea--`, never the recommendations beside it. */
function* shelfCards(doc: Document): Generator<ShopCard> {
  for (const shelf of queryAll(doc, SHOP_SHELF.shelf)) {
    for (const card of queryAll(shelf, SHOP_SHELF.card)) {
      yield {
        element: card,
        itemId: parseItemId(card.getAttribute('href') ?? ''),
        title: cleanText(elementText(queryFirst(card, SHOP_SHELF.title))),
        fields: () => ({ price: parsePrice(queryFirst(card, SHOP_SHELF.price)?.textContent), sales: null, image: imageUrl(queryFirst(card, SHOP_SHELF.image)) }),
      };
    }
  }
}

/** The classic grid: `dl.item[data-id]` with the title link, price and sales inside. */
function gridCard(item: Element): ShopCard {
  const titleLink = queryFirst(item, SHOP_GRID.title);
  const dataId = item.getAttribute('data-id');
  return {
    element: item,
    itemId: isItemId(dataId) ? dataId : parseItemId(titleLink?.getAttribute('href') ?? ''),
    title: cleanText(elementText(titleLink)),
    fields: () => ({
      price: parsePrice(queryFirst(item, SHOP_GRID.price)?.textContent),
      sales: parseSales(queryFirst(item, SHOP_GRID.sales)?.textContent),
      image: imageUrl(queryFirst(item, SHOP_GRID.image)),
    }),
  };
}

export function extractShopPage(doc: Document, url: URL): FoundListing[] {
  const items = queryAll(doc, SHOP_GRID.item);
  return shopListings(doc, url, items.length > 0 ? items.map(gridCard) : shelfCards(doc));
}
