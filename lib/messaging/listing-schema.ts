/**
 * The Listing contract as a schema, for data that crosses a trust boundary: a content script runs in
 * a page we do not control, so the background checks every listing it is sent.
 */
import * as v from 'valibot';
import type { Listing } from '../listing';
import { MAX_LOCATION_LENGTH, MAX_SALES_LENGTH, MAX_SHOP_NAME_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH, SHOP_ID_PATTERN } from '../extract/listing-bounds';
import { isItemId } from '../page/item-id';
import { listingUrl } from '../page/platform';

// The bounds are the extractor's own (listing-bounds.ts): what make-listing caps, this refuses.
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableText = (max: number) => v.nullable(text(max));
const amount = v.pipe(v.number(), v.finite(), v.minValue(0));
const httpsUrl = v.pipe(v.string(), v.maxLength(MAX_URL_LENGTH), v.url(), v.startsWith('https://'));

/** An item id as it may cross a boundary: 5 to 20 digits. */
export const itemIdSchema = v.pipe(v.string(), v.regex(/^\d{5,20}$/, 'is not an item id'));

export const listingSchema = v.pipe(
  v.strictObject({
    itemId: itemIdSchema,
    url: httpsUrl,
    title: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TITLE_LENGTH)),
    price: v.nullable(
      v.pipe(
        v.strictObject({ min: amount, max: amount, currency: v.literal('CNY') }),
        v.check((price) => price.min <= price.max, 'min must not exceed max'),
      ),
    ),
    shop: v.strictObject({
      name: nullableText(MAX_SHOP_NAME_LENGTH),
      id: v.nullable(v.pipe(v.string(), v.regex(SHOP_ID_PATTERN))),
      platform: v.picklist(['taobao', 'tmall', 'tmall-global']),
      tier: v.nullable(v.picklist(['official-flagship', 'flagship', 'franchise', 'store'])),
    }),
    sales: nullableText(MAX_SALES_LENGTH),
    location: nullableText(MAX_LOCATION_LENGTH),
    image: v.nullable(httpsUrl),
    isAd: v.boolean(),
  }),
  // The URL is ours to build; one that does not match the id and platform did not come from us.
  v.check(
    (listing) => isItemId(listing.itemId) && listing.url === listingUrl(listing.itemId, listing.shop.platform),
    'url does not match itemId and platform',
  ),
) satisfies v.GenericSchema<unknown, Listing>;

/** A batch is one page's worth: the content script splits anything larger. */
export const MAX_BATCH = 100;
export const listingBatchSchema = v.pipe(v.array(listingSchema), v.maxLength(MAX_BATCH));
