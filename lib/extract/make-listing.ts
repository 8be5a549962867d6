/**
 * The one place a Listing is assembled, and the place every field is bounded: whatever a page puts in
 * a card (a 300-character shop name, a sales text of a thousand digits, a price that parses to
 * Infinity) leaves here within the bounds the background's schema checks (listing-bounds.ts). A field
 * that cannot be made valid is dropped (null), never the listing.
 */
import type { Listing, Platform, Price } from '../listing';
import { listingUrl } from '../page/platform';
import { shopTier } from '../page/shop-tier';
import { MAX_LOCATION_LENGTH, MAX_SALES_LENGTH, MAX_SHOP_NAME_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH, SHOP_ID_PATTERN } from './listing-bounds';

export { MAX_TITLE_LENGTH } from './listing-bounds';

export interface ListingFields {
  itemId: string;
  platform: Platform;
  title: string;
  price: Price | null;
  shopName: string | null;
  shopId: string | null;
  sales: string | null;
  location: string | null;
  image: string | null;
  isAd: boolean;
}

/** `text` cut to `max` UTF-16 units, never between the two halves of a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** Cut to `max` (a long name is still a name); null stays null. */
function capped(text: string | null, max: number): string | null {
  return text === null ? null : cut(text, max);
}

/** A price is two finite, non-negative amounts in order; anything else is no price. */
function boundedPrice(price: Price | null): Price | null {
  if (!price) return null;
  const { min, max } = price;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max < 0) return null;
  return { min: Math.min(min, max), max: Math.max(min, max), currency: 'CNY' };
}

function boundedImage(image: string | null): string | null {
  if (image === null || image.length > MAX_URL_LENGTH || !image.startsWith('https://')) return null;
  return URL.canParse(image) ? image : null;
}

export function makeListing(fields: ListingFields): Listing {
  const { itemId, platform } = fields;
  const shopName = capped(fields.shopName, MAX_SHOP_NAME_LENGTH);
  return {
    itemId,
    url: listingUrl(itemId, platform),
    title: cut(fields.title, MAX_TITLE_LENGTH),
    price: boundedPrice(fields.price),
    shop: {
      name: shopName,
      id: fields.shopId !== null && SHOP_ID_PATTERN.test(fields.shopId) ? fields.shopId : null,
      platform,
      tier: shopTier(shopName),
    },
    // A sales text too long to be a figure is not cut into one: it is dropped.
    sales: fields.sales !== null && fields.sales.length <= MAX_SALES_LENGTH ? fields.sales : null,
    location: capped(fields.location, MAX_LOCATION_LENGTH),
    image: boundedImage(fields.image),
    isAd: fields.isAd,
  };
}
