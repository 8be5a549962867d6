/**
 * PC search results: cards of the 2023–24 and 2025 shapes (ad cards included, duplicates merged by
 * id), and the pre-2023 `g_page_config` JSON.
 */
import type { Listing, Platform } from '../listing';
import { isItemId, itemIdFromCardId, parseItemId, parsePageUrl } from '../page/item-id';
import { platformOfHost } from '../page/platform';
import { shopIdFromUrl } from '../page/shop-id';
import { cleanImageUrl, cleanText, joinPrice, parseLocation, parsePrice, parseSales } from './field-text';
import { CardFields } from './card-fields';
import { elementText, imageUrl, type FoundListing } from './found-listing';
import { asText, at, readAssignedJson } from './inline-script';
import { makeListing } from './make-listing';
import { hasHashedClass, queryAll, queryFirst } from './selector';
import { SEARCH_CARD, SEARCH_CLASSIC_CARD } from './selectors';

const AD_HOST = 'click.simba.taobao.com';

/** The Tmall tab (`tab=mall`) and Tmall's old list only show Tmall shops. */
function isTmallOnly(pageUrl: URL): boolean {
  return pageUrl.searchParams.get('tab') === 'mall' || pageUrl.hostname === 'list.tmall.com';
}

/**
 * One card as the author wrote it. The HTML parser can split a card whose `<a>` nests the shop link
 * into several clones of that `<a>` (the adoption agency algorithm), each holding part of the card:
 * consecutive card elements with the same id and link are one card.
 */
interface Card {
  itemId: string;
  href: string;
  elements: Element[];
}

function groupCards(elements: readonly Element[], pageUrl: URL): Card[] {
  const cards: Card[] = [];
  for (const element of elements) {
    const href = element.getAttribute('href') ?? '';
    const link = parsePageUrl(href, pageUrl.href);
    const itemId = itemIdFromCardId(element.id) ?? (link ? parseItemId(link) : null);
    if (!itemId) continue;
    const last = cards[cards.length - 1];
    if (last && last.itemId === itemId && last.href === href) last.elements.push(element);
    else cards.push({ itemId, href, elements: [element] });
  }
  return cards;
}

type CardField = keyof typeof SEARCH_CARD;

function cardListing(card: Card, fields: CardFields<CardField>, pageUrl: URL): Listing | null {
  const all = (field: CardField) => card.elements.flatMap((el) => fields.all(el, field));
  const first = (field: CardField) => all(field)[0] ?? null;
  const title = cleanText(elementText(first('title')));
  if (!title) return null;

  const link = parsePageUrl(card.href, pageUrl.href);
  const isAdLink = link?.hostname === AD_HOST;
  const isAd = isAdLink || card.elements.some((el) => queryFirst(el, SEARCH_CARD.adImage) !== null);
  let platform: Platform;
  if (link && !isAdLink) platform = platformOfHost(link.hostname);
  else if (isTmallOnly(pageUrl) || card.elements.some((el) => hasHashedClass(el, 'doubleCardWrapperMall'))) platform = 'tmall';
  else platform = 'taobao';

  const shopName = cleanText(elementText(first('shopName')));
  const location = all('location')
    .map((el) => cleanText(el.textContent))
    .filter((part): part is string => part !== null)
    .join(' ');
  return makeListing({
    itemId: card.itemId,
    platform,
    title,
    price: joinPrice(first('priceInt')?.textContent ?? null, first('priceFloat')?.textContent ?? null),
    shopName,
    shopId: shopIdFromUrl(first('shopLink')?.getAttribute('href')),
    sales: parseSales(first('sales')?.textContent),
    location: parseLocation(location),
    image: imageUrl(first('image')),
    isAd,
  });
}

/** One item shown twice (an ad shell and a normal card): the normal card's fields win, gaps filled. */
function mergeDuplicate(a: Listing, b: Listing): Listing {
  const [main, other] = a.isAd && !b.isAd ? [b, a] : [a, b];
  return { ...fillGaps(main, other), isAd: main.isAd && other.isAd };
}

function extractCards(doc: Document, pageUrl: URL): FoundListing[] {
  const cardElements = queryAll(doc, SEARCH_CARD.card);
  if (cardElements.length === 0) return [];
  const fields = new CardFields(doc, cardElements, SEARCH_CARD);
  const byId = new Map<string, FoundListing>();
  for (const card of groupCards(cardElements, pageUrl)) {
    const listing = cardListing(card, fields, pageUrl);
    if (!listing) continue;
    const seen = byId.get(listing.itemId);
    if (seen) {
      seen.listing = mergeDuplicate(seen.listing, listing);
      seen.elements.push(...card.elements);
    } else byId.set(listing.itemId, { listing, elements: [...card.elements] });
  }
  return [...byId.values()];
}

/** An auction's title as the list shows it: `title` with its highlight tags, else `raw_title`. */
function auctionTitle(auction: unknown): string | null {
  const shown = asText(at(auction, 'title'));
  return cleanText(shown === null ? asText(at(auction, 'raw_title')) : stripMarkup(shown)) ?? cleanText(asText(at(auction, 'raw_title')));
}

/** `诚饰 <span class=H>汽车</span>…`: the text of a template string; never parsed as markup. */
function stripMarkup(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[name] ?? '');
}

/**
 * Tmall by the item link's host (`shopcard` can be null on a Tmall listing), else by `shopcard.isTmall`
 * (true or 1) or the Tmall service icon.
 */
function auctionPlatform(auction: unknown, pageUrl: URL): Platform {
  const link = parsePageUrl(asText(at(auction, 'detail_url')) ?? '', pageUrl.href);
  if (link && link.hostname !== AD_HOST && platformOfHost(link.hostname) !== 'taobao') return platformOfHost(link.hostname);
  const isTmall = at(auction, 'shopcard', 'isTmall');
  if (isTmall === true || isTmall === 1) return 'tmall';
  const icons = at(auction, 'icon');
  if (Array.isArray(icons) && icons.some((icon) => at(icon, 'dom_class') === 'icon-service-tianmao')) return 'tmall';
  return 'taobao';
}

/**
 * Pre-2023 search pages render from `g_page_config.mods.itemlist.data.auctions`. Theme tiles have no
 * nid and are not listings; an item shown as an ad (p4p: pay for performance) and again as an organic
 * result is one listing, not an ad, read from the organic entry.
 */
function extractPageConfig(doc: Document, pageUrl: URL): FoundListing[] {
  const auctions = at(readAssignedJson(doc, 'g_page_config'), 'mods', 'itemlist', 'data', 'auctions');
  if (!Array.isArray(auctions)) return [];
  const found = new Map<string, FoundListing>();
  for (const auction of auctions) {
    const itemId = asText(at(auction, 'nid'));
    const title = auctionTitle(auction);
    if (!isItemId(itemId) || !title) continue;
    const listing = makeListing({
      itemId,
      platform: auctionPlatform(auction, pageUrl),
      title,
      price: parsePrice(asText(at(auction, 'view_price'))),
      shopName: cleanText(asText(at(auction, 'nick'))),
      shopId: null,
      sales: parseSales(asText(at(auction, 'view_sales'))),
      location: parseLocation(asText(at(auction, 'item_loc'))),
      image: cleanImageUrl(asText(at(auction, 'pic_url'))),
      isAd: Boolean(at(auction, 'p4p')),
    });
    const seen = found.get(itemId);
    if (seen) seen.listing = mergeDuplicate(seen.listing, listing);
    else found.set(itemId, { listing, elements: [] });
  }
  return [...found.values()];
}

/** One rendered classic card; its link decides Tmall, its `item-ad` class or ad link an ad. */
function classicCardListing(card: Element, pageUrl: URL): Listing | null {
  const titleLink = queryFirst(card, SEARCH_CLASSIC_CARD.titleLink);
  const picLink = queryFirst(card, SEARCH_CLASSIC_CARD.picLink);
  const itemId = titleLink?.getAttribute('data-nid') ?? picLink?.getAttribute('data-nid') ?? null;
  const title = cleanText(titleLink?.textContent);
  if (!isItemId(itemId) || !title) return null;
  const hrefs = [picLink?.getAttribute('href'), picLink?.getAttribute('data-href'), titleLink?.getAttribute('href')];
  const link = hrefs.map((href) => (href ? parsePageUrl(href, pageUrl.href) : null)).find((url) => url !== null) ?? null;
  const isAd = card.classList.contains('item-ad') || link?.hostname === AD_HOST;
  let platform: Platform = link && link.hostname !== AD_HOST ? platformOfHost(link.hostname) : 'taobao';
  if (platform === 'taobao' && (isTmallOnly(pageUrl) || queryFirst(card, SEARCH_CLASSIC_CARD.tmallIcon) !== null)) platform = 'tmall';
  return makeListing({
    itemId,
    platform,
    title,
    price: parsePrice(queryFirst(card, SEARCH_CLASSIC_CARD.price)?.textContent),
    shopName: cleanText(queryFirst(card, SEARCH_CLASSIC_CARD.shopName)?.textContent),
    shopId: null,
    sales: parseSales(queryFirst(card, SEARCH_CLASSIC_CARD.sales)?.textContent),
    location: parseLocation(queryFirst(card, SEARCH_CLASSIC_CARD.location)?.textContent),
    image: imageUrl(queryFirst(card, SEARCH_CLASSIC_CARD.image)),
    isAd,
  });
}

/**
 * Classic search: the rendered grid and the `g_page_config` JSON, merged by id. A rendered card is
 * what the visitor sees, so its fields win and its element carries the badge; the JSON fills gaps and
 * supplies the listings of a page saved before its grid was rendered.
 */
function extractClassicSearch(doc: Document, pageUrl: URL): FoundListing[] {
  const found = new Map<string, FoundListing>();
  for (const card of queryAll(doc, SEARCH_CLASSIC_CARD.card)) {
    const listing = classicCardListing(card, pageUrl);
    if (!listing) continue;
    const seen = found.get(listing.itemId);
    if (seen) {
      seen.listing = mergeDuplicate(seen.listing, listing);
      seen.elements.push(card);
    } else found.set(listing.itemId, { listing, elements: [card] });
  }
  for (const fromJson of extractPageConfig(doc, pageUrl)) {
    const seen = found.get(fromJson.listing.itemId);
    if (!seen) found.set(fromJson.listing.itemId, fromJson);
    else seen.listing = { ...fillGaps(seen.listing, fromJson.listing), isAd: seen.listing.isAd && fromJson.listing.isAd };
  }
  return [...found.values()];
}

/** `main` with its empty fields taken from `other`. */
function fillGaps(main: Listing, other: Listing): Listing {
  return {
    ...main,
    price: main.price ?? other.price,
    shop: main.shop.name || main.shop.id ? main.shop : other.shop,
    sales: main.sales ?? other.sales,
    location: main.location ?? other.location,
    image: main.image ?? other.image,
  };
}

export function extractSearchPage(doc: Document, pageUrl: URL): FoundListing[] {
  const cards = extractCards(doc, pageUrl);
  return cards.length > 0 ? cards : extractClassicSearch(doc, pageUrl);
}
