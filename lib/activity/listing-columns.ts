/**
 * The columns a history export and a reports export share: what the listing was and why it was
 * flagged, in the same order and the same words, so the two sheets line up. The link is rebuilt
 * from the item id, never copied from the page.
 */
import type { Listing } from '../listing';
import { listingUrl } from '../page/platform';
import type { Verdict } from '../verdict';

export const LISTING_COLUMNS = [
  'item_id',
  'url',
  'title',
  'shop_name',
  'shop_id',
  'platform',
  'risk',
  'score',
  'brand',
  'price_min',
  'price_max',
  'reason_codes',
  'reasons_en',
  'reasons_zh_CN',
] as const;

export function listingCells(listing: Listing, verdict: Verdict): (string | number | null)[] {
  return [
    listing.itemId,
    listingUrl(listing.itemId, listing.shop.platform),
    listing.title,
    listing.shop.name,
    listing.shop.id,
    listing.shop.platform,
    verdict.risk,
    verdict.score,
    verdict.brand,
    listing.price?.min ?? null,
    listing.price?.max ?? null,
    verdict.reasons.map((r) => r.code).join(';'),
    verdict.reasons.map((r) => r.text.en).join(' | '),
    verdict.reasons.map((r) => r.text.zh_CN).join(' | '),
  ];
}
