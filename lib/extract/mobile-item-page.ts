/**
 * Mobile item pages. Same Listing as a PC item page, read from the h5 detail layout, with the og:
 * meta tags as the fallback for title and image.
 */
import { shopIdFromUrl } from '../page/shop-id';
import { cleanText, parseLocation, parsePrice, parseSales } from './field-text';
import { elementText, imageUrl, type FoundListing } from './found-listing';
import { itemFieldsFromMeta, itemListing, mergeItemFields, type ItemFields } from './item-page';
import { queryFirst, readFirst } from './selector';
import { MOBILE_ITEM_PAGE as M } from './selectors';

function fromDom(doc: Document): Partial<ItemFields> {
  const skip = M.recommendations;
  return {
    title: cleanText(elementText(queryFirst(doc, M.title, skip))),
    price: readFirst(doc, M.price, (el) => parsePrice(el.textContent), skip),
    shopName: cleanText(elementText(queryFirst(doc, M.shopName, skip))),
    shopId: shopIdFromUrl(queryFirst(doc, M.shopLink, skip)?.getAttribute('href')),
    sales: readFirst(doc, M.sales, (el) => parseSales(el.textContent), skip),
    location: readFirst(doc, M.location, (el) => parseLocation(el.textContent), skip),
    image: imageUrl(queryFirst(doc, M.image, skip)),
  };
}

export function extractMobileItemPage(doc: Document, url: URL): FoundListing[] {
  const listing = itemListing(url, mergeItemFields(fromDom(doc), itemFieldsFromMeta(doc)));
  if (!listing) return [];
  return [{ listing, elements: [queryFirst(doc, M.title, M.recommendations) ?? doc.body] }];
}
