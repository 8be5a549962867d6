/**
 * PC item pages, all three DOM generations. The server-rendered `__ICE_APP_CONTEXT__` JSON is read
 * first where present (it survives redesigns); the DOM fills what it lacks; old Taobao's `g_config`
 * and the og: meta tags come last.
 */
import type { Listing, Platform, Price } from '../listing';
import { isItemId, parseItemId } from '../page/item-id';
import { platformOfHost } from '../page/platform';
import { shopIdFromUrl } from '../page/shop-id';
import { cleanImageUrl, cleanText, parseLocation, parsePrice, parseSales } from './field-text';
import { elementText, imageUrl, type FoundListing } from './found-listing';
import { asText, at, findKey, findObject, findScriptObject, readScriptProperty } from './inline-script';
import { makeListing } from './make-listing';
import { queryFirst, readFirst } from './selector';
import { ITEM_PAGE } from './selectors';

/** The fields one source can supply; null where that source is silent. */
export interface ItemFields {
  itemId: string | null;
  title: string | null;
  price: Price | null;
  shopName: string | null;
  shopId: string | null;
  isTmall: boolean | null;
  sales: string | null;
  location: string | null;
  image: string | null;
}

/**
 * The item's data object in `__ICE_APP_CONTEXT__`, found by what it holds (`item` with its id and
 * title) rather than by one path: builds assign the context indirectly and move components by a level.
 */
function iceItemData(doc: Document): object | null {
  const context = findScriptObject(doc, '__ICE_APP_CONTEXT__', '"loaderData"', (value) => Object.hasOwn(value, 'loaderData'));
  const holdsItem = (node: object) => asText(at(node, 'item', 'itemId')) !== null && asText(at(node, 'item', 'title')) !== null;
  return findObject(at(context, 'loaderData'), holdsItem, 5, false);
}

/** An embedded price: "143.5" with priceDesc "起" is a from-price, which the page shows as its minimum. */
function icePrice(price: unknown): Price | null {
  return parsePrice(asText(at(price, 'priceText')));
}

function fromIceContext(doc: Document): Partial<ItemFields> {
  const res = iceItemData(doc);
  if (res === null) return {};
  const priceVO = findKey(res, 'priceVO');
  const deliveryVO = findKey(res, 'deliveryVO');
  const seller = at(res, 'seller') ?? findKey(res, 'seller');
  const sellerType = asText(at(seller, 'sellerType'));
  const item = at(res, 'item');
  return {
    itemId: asText(at(item, 'itemId')),
    title: cleanText(asText(at(item, 'title'))),
    // extraPrice is the price the page highlights (promotion); price is then the crossed-out original.
    price: icePrice(at(priceVO, 'extraPrice')) ?? icePrice(at(priceVO, 'price')),
    shopName: cleanText(asText(at(seller, 'shopName'))),
    shopId: asText(at(seller, 'shopId')),
    isTmall: sellerType === null ? null : sellerType === 'B',
    sales: parseSales(asText(at(item, 'vagueSellCount')) ?? asText(findKey(res, 'salesDesc'))),
    location: parseLocation(asText(at(deliveryVO, 'from')) ?? asText(at(deliveryVO, 'deliveryFromAddr'))),
    image: cleanImageUrl(asText(at(item, 'images', 0))),
  };
}

function fromDom(doc: Document): Partial<ItemFields> {
  const sticky = ITEM_PAGE.stickyBar;
  const shopLink = queryFirst(doc, ITEM_PAGE.shopLink, sticky);
  return {
    title: cleanText(elementText(queryFirst(doc, ITEM_PAGE.title, sticky))),
    price: readFirst(doc, ITEM_PAGE.price, (el) => parsePrice(el.textContent), sticky),
    shopName: cleanText(elementText(queryFirst(doc, ITEM_PAGE.shopName, sticky))),
    shopId: shopIdFromUrl(shopLink?.getAttribute('href')),
    sales: readFirst(doc, ITEM_PAGE.sales, (el) => parseSales(el.textContent), sticky) ?? readFirst(doc, ITEM_PAGE.salesInfo, salesPhrase, sticky),
    location: readFirst(doc, ITEM_PAGE.location, (el) => parseLocation(el.textContent), sticky),
    image: imageUrl(queryFirst(doc, ITEM_PAGE.image, sticky)),
  };
}

/** Only a count worded as sales: itemInfo-- also holds "回头客330人" and "超400人加购". */
function salesPhrase(element: Element): string | null {
  const text = element.textContent ?? '';
  return /^\s*(?:已售|月销)/.test(text) ? parseSales(text) : null;
}

/** Old Taobao's `var g_config = {…}` is a JavaScript literal, not JSON: read single properties. */
function fromGConfig(doc: Document): Partial<ItemFields> {
  const shopName = readScriptProperty(doc, 'g_config', 'shopName');
  return {
    itemId: readScriptProperty(doc, 'g_config', 'itemId'),
    shopId: readScriptProperty(doc, 'g_config', 'shopId'),
    shopName: cleanText(shopName && decodeScriptString(shopName)),
  };
}

/** g_config strings may be URL-encoded or hold \uXXXX escapes. */
function decodeScriptString(value: string): string {
  let text = value;
  if (/\\u[0-9a-f]{4}/i.test(text)) text = text.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // Not URL-encoded after all: keep it as written.
    }
  }
  return text;
}

export function itemFieldsFromMeta(doc: Document): Partial<ItemFields> {
  const meta = (property: string) => doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? null;
  return { title: cleanText(meta('og:title')), image: cleanImageUrl(meta('og:image')) };
}

/** Per field, the first source that has it. */
export function mergeItemFields(...sources: Partial<ItemFields>[]): ItemFields {
  const pick = <K extends keyof ItemFields>(key: K): ItemFields[K] | null => {
    for (const source of sources) {
      const value = source[key];
      if (value !== undefined && value !== null) return value;
    }
    return null;
  };
  return {
    itemId: pick('itemId'),
    title: pick('title'),
    price: pick('price'),
    shopName: pick('shopName'),
    shopId: pick('shopId'),
    isTmall: pick('isTmall'),
    sales: pick('sales'),
    location: pick('location'),
    image: pick('image'),
  };
}

function platformOf(url: URL, isTmall: boolean | null): Platform {
  const byHost = platformOfHost(url.hostname);
  if (byHost !== 'taobao') return byHost;
  return isTmall ? 'tmall' : 'taobao';
}

/** Builds the Listing for an item page from merged fields; null when id or title is missing. */
export function itemListing(url: URL, fields: ItemFields): Listing | null {
  const itemId = parseItemId(url) ?? fields.itemId;
  if (!isItemId(itemId) || !fields.title) return null;
  const platform = platformOf(url, fields.isTmall);
  return makeListing({ ...fields, itemId, platform, title: fields.title, isAd: false });
}

export function extractItemPage(doc: Document, url: URL): FoundListing[] {
  const listing = itemListing(url, mergeItemFields(fromIceContext(doc), fromDom(doc), fromGConfig(doc), itemFieldsFromMeta(doc)));
  if (!listing) return [];
  // The badge sits by the title; without a title element the body is the anchor.
  const element = queryFirst(doc, ITEM_PAGE.title, ITEM_PAGE.stickyBar) ?? doc.body;
  return [{ listing, elements: [element] }];
}

