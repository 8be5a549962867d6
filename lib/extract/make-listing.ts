import type { Listing, Platform, Price } from '../listing';
import { listingUrl } from '../page/platform';
import { shopTier } from '../page/shop-tier';

/** Taobao caps titles at 60 characters; a far longer one is noise or an attack, and is cut. */
export const MAX_TITLE_LENGTH = 500;

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

/** The one place a Listing is assembled: the URL is rebuilt from the id, the tier read from the name. */
export function makeListing(fields: ListingFields): Listing {
  const { itemId, platform, shopName } = fields;
  return {
    itemId,
    url: listingUrl(itemId, platform),
    title: fields.title.length > MAX_TITLE_LENGTH ? fields.title.slice(0, MAX_TITLE_LENGTH) : fields.title,
    price: fields.price,
    shop: { name: shopName, id: fields.shopId, platform, tier: shopTier(shopName) },
    sales: fields.sales,
    location: fields.location,
    image: fields.image,
    isAd: fields.isAd,
  };
}
